// Builds the renderer for the browser host unless out/renderer is already newer than every source it is made
// from. Skipping a needless rebuild also keeps a running host's files in place while another one starts.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const SOURCES = ['renderer', 'common', 'package.json']
const OUTPUT = path.join(ROOT, 'out/renderer/index.html')

function newestMtime(entry: string): number {
  const stat = fs.statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  return fs.readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs)
}

export function ensureRendererBuilt(): void {
  const built = fs.existsSync(OUTPUT) ? fs.statSync(OUTPUT).mtimeMs : 0
  const sources = Math.max(...SOURCES.map((s) => newestMtime(path.join(ROOT, s))))
  if (built > sources) return
  const vite = path.join(ROOT, 'node_modules/vite/bin/vite.js')
  const result = spawnSync(process.execPath, [vite, 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) throw new Error('building the renderer failed')
}
