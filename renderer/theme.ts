// Calm bank colours (navy for structure, teal for the live parts) and a Japanese font stack.
import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core'

const navy: MantineColorsTuple = [
  '#edf2f9',
  '#d8e2f0',
  '#afc3e0',
  '#84a2cf',
  '#6087c1',
  '#4a76b9',
  '#3c6cb6',
  '#2e5a9f',
  '#24508f',
  '#17427f',
]

const fontFamily =
  '"Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic UI", "Meiryo UI", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", system-ui, sans-serif'

export const theme = createTheme({
  primaryColor: 'navy',
  primaryShade: 8,
  colors: { navy },
  fontFamily,
  fontFamilyMonospace:
    'ui-monospace, "SFMono-Regular", "Cascadia Mono", Consolas, "Roboto Mono", "Noto Sans Mono CJK JP", monospace',
  headings: { fontFamily, fontWeight: '700' },
  defaultRadius: 'md',
  components: {
    // A dialog's <header> would be a second banner landmark beside the window's (axe-core, A11Y-01).
    Modal: { defaultProps: { attributes: { header: { role: 'none' } } } },
    Button: { defaultProps: { size: 'lg' } },
    TextInput: { defaultProps: { size: 'md' } },
    PasswordInput: { defaultProps: { size: 'md' } },
    NativeSelect: { defaultProps: { size: 'md' } },
    Checkbox: { defaultProps: { size: 'md' } },
  },
})

/**
 * A11Y-01: Mantine's dimmed grey (#868e96) is 3.32:1 on white; gray.7 (#495057) reads as secondary text at 8.2:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = (mantine) => ({
  variables: {},
  light: { '--mantine-color-dimmed': mantine.colors.gray[7] },
  dark: {},
})
