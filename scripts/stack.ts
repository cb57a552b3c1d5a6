// `npm start` and `npm run web`: the authentication service (embedded SQLite unless DATABASE_URL is set) plus
// the desktop app — in Electron (`start`) or in the browser host (`web`, SPEC SVC-02).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ensureRendererBuilt } from './renderer-build.ts'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const NODE = process.execPath
const mode = process.argv[2]
if (mode !== 'start' && mode !== 'web') {
  console.error('usage: node scripts/stack.ts start|web')
  process.exit(2)
}

const servicePort = process.env.PORT ?? '8787'
const serviceUrl = `http://127.0.0.1:${servicePort}`
const children: ChildProcess[] = []

function stopAll(code: number): never {
  for (const child of children) child.kill('SIGTERM')
  process.exit(code)
}
process.once('SIGINT', () => stopAll(0))
process.once('SIGTERM', () => stopAll(0))

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  children.push(child)
  child.once('exit', (code) => {
    if (code !== 0 && code !== null) {
      console.error(`${path.basename(args[0] ?? command)} stopped with exit code ${code}`)
      stopAll(code)
    }
  })
  return child
}

async function waitForService(): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${serviceUrl}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  console.error(`The service did not answer on ${serviceUrl}/healthz`)
  stopAll(1)
}

function build(args: string[]): void {
  const result = spawnSync(NODE, args, { cwd: ROOT, stdio: 'inherit' })
  if (result.status !== 0) stopAll(result.status ?? 1)
}

/** The electron package installs without its runtime here (its download is impossible offline). */
function electronBinary(): string | null {
  const dir = path.join(ROOT, 'node_modules', 'electron')
  try {
    const relative = fs.readFileSync(path.join(dir, 'path.txt'), 'utf8').trim()
    const binary = path.join(dir, 'dist', relative)
    return fs.existsSync(binary) ? binary : null
  } catch {
    return null
  }
}

if (mode === 'start' && !electronBinary()) {
  console.error(
    [
      'The Electron runtime is not installed on this machine, so the desktop window cannot open.',
      '  To get it, on a machine with internet access run:  npx install-electron',
      '  Without it, run the same app in your browser:      npm run web',
    ].join('\n'),
  )
  process.exit(1)
}

run(NODE, [path.join(ROOT, 'server/src/main.ts')], { PORT: servicePort })
await waitForService()
console.log(`Authentication service: ${serviceUrl}`)

if (mode === 'web') {
  try {
    ensureRendererBuilt()
  } catch {
    stopAll(1)
  }
  run(NODE, [path.join(ROOT, 'main/web.ts')], { SHINKUMI_SERVICE_URL: serviceUrl })
} else {
  build([path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'])
  run(electronBinary()!, ['.', `--service-url=${serviceUrl}`])
}
