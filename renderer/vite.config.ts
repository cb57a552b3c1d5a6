// Plain Vite build of the renderer (npm run build:renderer); the browser host serves its output, and
// electron.vite.config.ts builds the Electron renderer with the same plugins and options.
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vite'

/**
 * Mantine's RingProgress wraps each of its sections in Tooltip.Floating, tooltip or not, which brings floating-ui
 * (15 KB gzip, a third of the budget left after React and Mantine) into ワンタイムパスワード's countdown (issue 12).
 * The app's rings have no tooltips, so the wrapper is replaced by its child; a ring given a tooltip would throw.
 */
export function ringWithoutTooltips(): Plugin {
  const standIn = '\0shinkumi:ring-tooltip'
  let replaced = false
  return {
    name: 'shinkumi:ring-without-tooltips',
    enforce: 'pre',
    buildStart() {
      replaced = false
    },
    resolveId(source, importer) {
      if (source !== '../../Tooltip/Tooltip.mjs' || !importer?.replaceAll('\\', '/').endsWith('/RingProgress/Curve/Curve.mjs')) return null
      replaced = true
      return standIn
    },
    load(id) {
      if (id !== standIn) return null
      return `export const Tooltip = { Floating({ children, disabled }) {
  if (!disabled) throw new Error('RingProgress tooltips are left out of this build (renderer/vite.config.ts)')
  return children
} }`
    },
    buildEnd() {
      if (!replaced) this.warn("RingProgress's Curve no longer imports ../../Tooltip/Tooltip.mjs: floating-ui may be back in the OTP screen")
    },
  }
}

export const rendererPlugins = () => [react(), ringWithoutTooltips()]

/** Electron's Chromium and the browsers the web host supports load module preloads natively. */
export const rendererBuild = { modulePreload: { polyfill: false } } as const

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: rendererPlugins(),
  build: {
    ...rendererBuild,
    outDir: '../out/renderer',
    emptyOutDir: true,
  },
})
