// Builds the bare Mantine baseline page (bench/desktop.ts passes the output directory).
import react from '@vitejs/plugin-react'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

export default defineConfig({ root: fileURLToPath(new URL('.', import.meta.url)), base: './', plugins: [react()], logLevel: 'warn' })
