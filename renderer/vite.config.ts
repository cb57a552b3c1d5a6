// Plain Vite build of the renderer (npm run build:renderer); the browser host serves its output, and
// electron.vite.config.ts may reuse it for the Electron build.
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: '../out/renderer',
    emptyOutDir: true,
  },
})
