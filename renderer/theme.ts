// Calm bank colours (navy for structure, teal for the live parts) and a Japanese font stack.
import { createTheme, defaultVariantColorsResolver, parseThemeColor, type CSSVariablesResolver, type MantineColorsTuple, type VariantColorsResolver } from '@mantine/core'

const navy: MantineColorsTuple = ['#edf2f9', '#d8e2f0', '#afc3e0', '#84a2cf', '#6087c1', '#4a76b9', '#3c6cb6', '#2e5a9f', '#24508f', '#17427f']

const fontFamily = '"Hiragino Kaku Gothic ProN", "Hiragino Sans", "Yu Gothic UI", "Meiryo UI", Meiryo, "Noto Sans CJK JP", "Noto Sans JP", system-ui, sans-serif'

/** Text on a light tint, darker than Mantine's shade 6 where even shade 9 stays near 4.5:1 (A11Y-01). */
const LIGHT_TEXT: Record<string, string> = { teal: '#05634a', green: '#1e6b2f', cyan: '#0a5a6b', orange: '#8f3603', yellow: '#6e5200' }
/** Colours too bright for white text when filled: they take black text (orange) or their darkest shade (teal …). */
const BLACK_TEXT = new Set(['orange', 'yellow', 'lime'])

/**
 * A11Y-01: Mantine's light variant writes shade 6 on its own 10% tint (teal 2.5:1, orange 3.6:1), its outline
 * variant shade 8 (red 4.2:1 on a tinted page) and its filled orange carries white text (3.6:1); every badge, alert
 * and button of those variants reads at 4.5:1 or more.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input)
  const parsed = parseThemeColor({ color: input.color || input.theme.primaryColor, theme: input.theme })
  if (!parsed.isThemeColor || parsed.shade !== undefined) return colors
  if (input.variant === 'light') return { ...colors, color: LIGHT_TEXT[parsed.color] ?? `var(--mantine-color-${parsed.color}-9)` }
  if (input.variant === 'outline') {
    const text = LIGHT_TEXT[parsed.color] ?? `var(--mantine-color-${parsed.color}-9)`
    return { ...colors, color: text, border: `1px solid ${text}` }
  }
  if (input.variant === 'filled' && BLACK_TEXT.has(parsed.color)) return { ...colors, color: 'var(--mantine-color-black)' }
  if (input.variant === 'filled' && parsed.color in LIGHT_TEXT) return { ...colors, background: `var(--mantine-color-${parsed.color}-9)` }
  return colors
}

export const theme = createTheme({
  primaryColor: 'navy',
  variantColorResolver,
  primaryShade: 8,
  colors: { navy },
  fontFamily,
  fontFamilyMonospace: 'ui-monospace, "SFMono-Regular", "Cascadia Mono", Consolas, "Roboto Mono", "Noto Sans Mono CJK JP", monospace',
  headings: { fontFamily, fontWeight: '700' },
  defaultRadius: 'md',
  components: {
    // A dialog's <header> would be a second banner landmark beside the window's (axe-core, A11Y-01).
    Modal: { defaultProps: { attributes: { header: { role: 'none' } } } },
    // A light alert's title in its colour (orange.9 on orange's light background: 3.61:1) fails contrast; the
    // border and background keep the colour, the title is read in the text colour.
    Alert: { styles: { title: { color: 'var(--mantine-color-text)' } } },
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
