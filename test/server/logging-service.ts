// The service as `npm run service` runs it (its own process, logging JSON lines at info to stdout) on a harness's
// database, with everything it logs captured: for tests of what the log holds.
import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const NODE = `${ROOT}node_modules/.bin/node`

export interface LoggingService {
  url: string
  log: () => string
  stop: () => Promise<void>
}

export async function startLoggingService(env: Record<string, string>): Promise<LoggingService> {
  const child: ChildProcess = spawn(NODE, ['src/main.ts'], {
    cwd: `${ROOT}server`,
    env: { ...process.env, ...env, PORT: '0', LOG_LEVEL: 'info', CLOCK: 'manual' },
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const url = await new Promise<string>((resolve, reject) => {
    const seen = () => {
      const match = output.match(/service listening on (http:\/\/127\.0\.0\.1:\d+)/)
      if (match) resolve(match[1]!)
    }
    child.stdout!.on('data', seen)
    child.once('exit', (code) => reject(new Error(`service exited with ${code}:\n${output}`)))
  })
  return {
    url,
    log: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
