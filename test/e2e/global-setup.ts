// The browser host serves the built renderer: build it once before the tests.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export default function globalSetup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url))
  const result = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) throw new Error('building the renderer failed')
}
