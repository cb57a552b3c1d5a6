// Real processes, as a customer's machine would run them: the authentication service (worker-scoped, embedded
// SQLite in a temp dir) and, per test, a fresh desktop app in the browser host with its own empty vault.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { test as base, type Page } from '@playwright/test'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const NODE = process.execPath

export interface Service {
  url: string
  dataDir: string
  /** Runs `npm run admin -- …` against this service's database and returns stdout. */
  admin(...args: string[]): string
}

export interface DesktopApp {
  url: string
  dataDir: string
}

/** Starts a process and resolves with the first stdout line that matches `ready`. */
export function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(ready)
      if (match) {
        child.stdout?.off('data', onData)
        resolve({ child, match })
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}:\n${output}`)))
  })
}

export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}

export const test = base.extend<{ app: DesktopApp; snap: (name: string) => Promise<void> }, { service: Service }>({
  service: [
    async ({}, use) => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-service-'))
      const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' }
      const { child, match } = await startProcess(['server/src/main.ts'], { ...env, PORT: '0' }, /listening on (http:\/\/\S+)/)
      const admin = (...args: string[]) =>
        execFileSync(NODE, [path.join(ROOT, 'server/src/cli/admin.ts'), ...args], { cwd: path.join(ROOT, 'server'), env: { ...process.env, ...env }, encoding: 'utf8' })
      admin('demo')
      await use({ url: match[1]!, dataDir, admin })
      await stop(child)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
    { scope: 'worker' },
  ],
  app: async ({ service }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-app-'))
    const { child, match } = await startProcess(
      ['main/web.ts', '--port', '0', '--service-url', service.url, '--data-dir', dataDir],
      {},
      /browser host\): (http:\/\/\S+)/,
    )
    await use({ url: match[1]!, dataDir })
    await stop(child)
    fs.rmSync(dataDir, { recursive: true, force: true })
  },
  snap: async ({ page }, use, testInfo) => {
    await use(async (name) => {
      const file = path.join(ROOT, 'test-results', 'screens', testInfo.project.name, `${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
    })
  },
})

export { expect } from '@playwright/test'

/** A fresh activation password for a new user of the demo service. */
export function issue(service: Service, serviceId: string, userId: string): string {
  const out = JSON.parse(service.admin('issue', '--service', serviceId, '--user', userId, '--json')) as { activationPassword: string }
  return out.activationPassword
}

export async function open(page: Page, app: DesktopApp): Promise<void> {
  await page.goto(app.url)
}
