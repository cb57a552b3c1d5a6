// Real processes, as a customer's machine would run them: the authentication service (worker-scoped, embedded
// SQLite in a temp dir) and, per test, a fresh desktop app in the browser host with its own empty vault.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import SQLite from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import AxeBuilder from '@axe-core/playwright'
import { expect as playwrightExpect, test as base, type Page } from '@playwright/test'
import { GENEROUS_LIMITS } from '../server/generous-limits.ts'

export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const NODE = process.execPath

/** The worker's service: every spec talks to the same kind of service process. */
export type Service = OwnService

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

export interface OwnService {
  url: string
  dataDir: string
  admin(...args: string[]): string
  /** A fresh activation password. */
  issue(serviceId: string, userId: string): string
  /** Runs one statement on the service's SQLite database (staging a refusal the API gives no way to cause). */
  sql(statement: string, ...params: unknown[]): void
  /** The first row a query finds in the service's database. */
  query<T>(statement: string, ...params: unknown[]): T
  close(): Promise<void>
}

export async function startOwnService(env: Record<string, string> = {}, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-service-'))): Promise<OwnService> {
  const baseEnv = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ...GENEROUS_LIMITS, ...env }
  const { child, match } = await startProcess(['server/src/main.ts'], { ...baseEnv, PORT: '0' }, /listening on (http:\/\/\S+)/)
  const admin = (...args: string[]) =>
    execFileSync(NODE, [path.join(ROOT, 'server/src/cli/admin.ts'), ...args], {
      cwd: path.join(ROOT, 'server'),
      env: { ...process.env, ...baseEnv },
      encoding: 'utf8',
    })
  admin('demo')
  return {
    url: match[1]!,
    dataDir,
    admin,
    issue: (serviceId, userId) => (JSON.parse(admin('issue', '--service', serviceId, '--user', userId, '--json')) as { activationPassword: string }).activationPassword,
    sql: (statement, ...params) => void withDatabase(dataDir, (db) => db.prepare(statement).run(...params)),
    query: <T>(statement: string, ...params: unknown[]) => withDatabase(dataDir, (db) => db.prepare(statement).get(...params) as T),
    close: () => stop(child),
  }
}

function withDatabase<T>(dataDir: string, work: (db: SQLite.Database) => T): T {
  const db = new SQLite(path.join(dataDir, 'shinkumi.sqlite'))
  try {
    db.pragma('busy_timeout = 5000')
    return work(db)
  } finally {
    db.close()
  }
}

export interface OwnApp {
  url: string
  dataDir: string
  child: ChildProcess
}

/** A desktop app in the browser host; `clockOffsetDays` shifts its clock (test-only flag of main/web.ts). */
export async function startOwnApp(serviceUrl: string, dataDir: string, clockOffsetDays?: number): Promise<OwnApp> {
  const offset = clockOffsetDays === undefined ? [] : ['--clock-offset-days', String(clockOffsetDays)]
  const { child, match } = await startProcess(
    ['main/web.ts', '--port', '0', '--service-url', serviceUrl, '--data-dir', dataDir, ...offset],
    {},
    /browser host\): (http:\/\/\S+)/,
  )
  return { url: match[1]!, dataDir, child }
}

export const test = base.extend<{ app: DesktopApp; snap: (name: string) => Promise<void> }, { service: Service }>({
  service: [
    async ({}, use) => {
      const service = await startOwnService()
      await use(service)
      await service.close()
      fs.rmSync(service.dataDir, { recursive: true, force: true })
    },
    { scope: 'worker' },
  ],
  app: async ({ service }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-app-'))
    const { url, child } = await startOwnApp(service.url, dataDir)
    await use({ url, dataDir })
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

/**
 * A11Y-01: axe-core finds no critical or serious violation on what the page shows now. Called once the screen has
 * settled (its title and content asserted), so a fading transition is not judged half-way.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  const blocking = violations
    .filter((violation) => violation.impact === 'critical' || violation.impact === 'serious')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => `${node.target.join(' ')} — ${node.failureSummary ?? ''}`).join(' | ')}`)
  playwrightExpect(blocking, `axe-core on ${screen}`).toEqual([])
}

export async function open(page: Page, app: DesktopApp): Promise<void> {
  await page.goto(app.url)
}
