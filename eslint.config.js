// The process boundary (DESIGN.md §1, §5): `electron` may be imported only by main/electron.ts, main/platform/
// and preload/. Everything else must run in plain Node or a browser.
// The renderer also follows React's rules of hooks and the accessibility rules of jsx-a11y (A11Y-01).
import jsxA11y from 'eslint-plugin-jsx-a11y'
import reactHooks from 'eslint-plugin-react-hooks'
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
  { files: ['renderer/**/*.{ts,tsx}'], ...reactHooks.configs.flat.recommended },
  { files: ['renderer/**/*.{ts,tsx}'], ...jsxA11y.flatConfigs.recommended },
)
