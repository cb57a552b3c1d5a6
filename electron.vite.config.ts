// Builds the three Electron parts into out/: main (ESM), preload (one CommonJS bundle, so the window keeps
// sandbox: true) and the renderer (the plugins and options of the browser host's renderer/vite.config.ts).
import { defineConfig } from 'electron-vite'
import { rendererBuild, rendererPlugins } from './renderer/vite.config.ts'

// OTP-19: a build carries its service URL and channel; testers override the URL at run time. Testers' builds also
// carry their update feed (the same SHINKUMI_UPDATE_URL electron-builder.yml publishes to).
const define = {
  __SHINKUMI_SERVICE_URL__: JSON.stringify(process.env.SHINKUMI_BUILD_SERVICE_URL ?? 'http://127.0.0.1:8787'),
  __SHINKUMI_CHANNEL__: JSON.stringify(process.env.SHINKUMI_BUILD_CHANNEL ?? 'development'),
  __SHINKUMI_UPDATE_URL__: JSON.stringify(process.env.SHINKUMI_UPDATE_URL ?? ''),
}

export default defineConfig({
  main: {
    define,
    build: { outDir: 'out/main', rollupOptions: { input: { electron: 'main/electron.ts' } } },
  },
  preload: {
    build: {
      // A sandboxed preload can require nothing but electron: every dependency (zod, for the bridge's channel list)
      // is bundled into the one file.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: { input: { index: 'preload/index.ts' }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: rendererPlugins(),
    build: { ...rendererBuild, outDir: 'out/renderer', rollupOptions: { input: 'renderer/index.html' } },
  },
})
