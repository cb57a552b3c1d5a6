// The process boundary (DESIGN.md §1, §5): `electron` may be imported only by main/electron.ts, main/platform/
// and preload/. Everything else must run in plain Node or a browser.
import tseslint from 'typescript-eslint'

const noElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message: 'electron belongs in main/electron.ts, main/platform/ or preload/ only.' }],
      patterns: [{ group: ['electron/*'], message: 'electron belongs in main/electron.ts, main/platform/ or preload/ only.' }],
    },
  ],
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  { files: ['common/**', 'main/core/**', 'renderer/**', 'server/**'], rules: noElectron },
)
