// Every spec's setup and cleanup, as Playwright fixtures, in this one place. Real processes, as a customer's machine
// would run them: the authentication service (worker-scoped, embedded SQLite in a temp dir, its environment a worker
// option), desktop apps in the browser host with vaults of their own (per test, stopped and removed after it), the
// linkage pages' service (worker-scoped, on a manual clock, mail to the development outbox) and the screenshots.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { createHmac, randomBytes } from 'node:crypto'
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
export function startProcess(args: string[], env: NodeJS.ProcessEnv, ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray; log: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = output.match(ready)
      if (match) {
        child.stdout?.off('data', onData)
        resolve({ child, match, log: () => output })
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
  /** What the app has written so far (its log lines are JSON on stderr). */
  log: () => string
}

/** How a desktop app is started beyond its service and vault. */
export interface AppOptions {
  /** Shifts the app's clock (a test-only flag of main/web.ts). */
  clockOffsetDays?: number
  /** Extra environment of the browser host (SHINKUMI_STAFF_IDLE_SECONDS, say). */
  env?: Record<string, string>
}

/** A desktop app in the browser host on the service at `serviceUrl`, its vault in `dataDir`. */
export async function startOwnApp(serviceUrl: string, dataDir: string, { clockOffsetDays, env = {} }: AppOptions = {}): Promise<OwnApp> {
  const offset = clockOffsetDays === undefined ? [] : ['--clock-offset-days', String(clockOffsetDays)]
  const { child, match, log } = await startProcess(['main/web.ts', '--port', '0', '--service-url', serviceUrl, '--data-dir', dataDir, ...offset], env, /browser host\): (http:\/\/\S+)/)
  return { url: match[1]!, dataDir, child, log }
}

/** A weekday afternoon in JST, inside the linkage's service hours: where every linkage test starts its clock. */
export const WEEKDAY_AFTERNOON = '2026-11-18T14:00:00+09:00'
export const TELEPHONY_SECRET = 'e2e-telephony-secret-0123456789'

export interface LinkageService {
  url: string
  dataDir: string
  env: Record<string, string>
  setClock(iso: string): Promise<void>
  /** The service's (manual) time, as last set: what the telephony provider stamps its calls with (SVC-05). */
  now(): string
  /** The telephony provider's signed webhook. */
  call(from: string, to: string): Promise<{ status: number; body: { status?: string } }>
  admin(...args: string[]): string
  outbox(): string[]
}

/** The demo data set as `admin demo --json` prints it (the parts the specs use). */
export interface Demo {
  staff: DemoStaff[]
  customers: { serviceId?: string; userId?: string; activationPassword?: string }[]
  relyingPartyKey: string
}
export interface DemoStaff {
  staffId: string
  password: string
  totpSecret: string
  role: string
}

/** The worker's service on a manual clock (serviceEnv CLOCK=manual), starting at 14:00 JST today. */
export interface Clock {
  now(): Date
  /** Moves the service's clock; every staff sign-in takes the next TOTP step (a code opens one session only). */
  advance(seconds: number): Promise<Date>
}

/** 14:00 JST today: inside the API linkage's service hours on every day of the year (LNK-05). */
function todayAfternoonJst(): Date {
  const jstDate = new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10)
  return new Date(`${jstDate}T14:00:00+09:00`)
}

async function setServiceClock(url: string, at: Date | string): Promise<void> {
  const response = await fetch(`${url}/__test__/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: new Date(at).toISOString() }) })
  playwrightExpect(response.status).toBe(200)
}

async function startLinkageService(serviceEnv: Record<string, string>): Promise<LinkageService & { close(): Promise<void> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-linkage-e2e-'))
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    DATABASE_URL: '',
    LOG_LEVEL: 'warn',
    CLOCK: 'manual',
    TELEPHONY_SECRET,
    TELEPHONY_NUMBERS: '0120111222,0120333444,0800555666',
    SMTP_URL: '',
    ...GENEROUS_LIMITS,
    ...serviceEnv,
  }
  const admin = (...args: string[]) => execFileSync(NODE, ['src/cli/admin.ts', ...args], { cwd: path.join(ROOT, 'server'), env: { ...process.env, ...env }, encoding: 'utf8' })
  admin('demo')
  const { child, match } = await startProcess(['server/src/main.ts'], { ...env, PORT: '0' }, /listening on (http:\/\/\S+)/)
  const url = match[1]!
  env.SERVICE_URL = url
  let serviceTime = new Date().toISOString()
  return {
    url,
    dataDir,
    env,
    async setClock(iso) {
      await setServiceClock(url, iso)
      serviceTime = new Date(iso).toISOString()
    },
    now: () => serviceTime,
    async call(from, to) {
      const body = JSON.stringify({ callId: randomBytes(8).toString('hex'), from, to, at: serviceTime })
      const signature = `sha256=${createHmac('sha256', TELEPHONY_SECRET).update(body).digest('hex')}`
      const response = await fetch(`${url}/v1/telephony/inbound-call`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature }, body })
      return { status: response.status, body: (await response.json()) as { status?: string } }
    },
    admin,
    outbox: () => {
      const dir = path.join(dataDir, 'outbox')
      return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : []
    },
    async close() {
      await stop(child)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

export type StartApp = TestFixtures['startApp']
/** What a spec's helpers start desktop apps with: the worker's service and the test's `startApp`. */
export interface Stack {
  service: Service
  startApp: StartApp
}

interface TestFixtures {
  /** A fresh desktop app with an empty vault on the worker's service. */
  app: DesktopApp
  /**
   * Starts a desktop app in the browser host on the service at `serviceUrl`, with a vault of its own unless an earlier
   * app's dataDir is given (how a spec restarts the app): stopped, and its vault removed, after the test.
   */
  startApp: (serviceUrl: string, dataDir?: string, options?: AppOptions) => Promise<OwnApp>
  /** A service of the test's own (its own environment, or a second process on an earlier one's dataDir): stopped after the test. */
  startService: (env?: Record<string, string>, dataDir?: string) => Promise<OwnService>
  /** The worker's linkage service, its clock set to WEEKDAY_AFTERNOON before the test. */
  linkage: LinkageService
  /** A phone-sized page of its own: the bank customer's browser next to the desktop app's page. */
  customerPage: Page
  /** Photographs the whole screen into test-results (looked at by people, not compared). */
  snap: (name: string) => Promise<void>
}

interface WorkerFixtures {
  /** The environment of the worker's services (`test.use({ serviceEnv })`: a token lifetime, a manual clock…). */
  serviceEnv: Record<string, string>
  /** The worker's service: embedded SQLite in a temp dir, with the demo data. */
  service: Service
  /** `admin demo --json` on the worker's service. */
  demo: Demo
  clock: Clock
  linkageService: LinkageService
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  serviceEnv: [{}, { option: true, scope: 'worker' }],
  service: [
    async ({ serviceEnv }, use) => {
      const service = await startOwnService(serviceEnv)
      await use(service)
      await service.close()
      fs.rmSync(service.dataDir, { recursive: true, force: true })
    },
    { scope: 'worker' },
  ],
  demo: [async ({ service }, use) => use(JSON.parse(service.admin('demo', '--json')) as Demo), { scope: 'worker' }],
  clock: [
    async ({ service }, use) => {
      let now = todayAfternoonJst()
      const set = async (at: Date) => {
        await setServiceClock(service.url, at)
        now = at
        return at
      }
      await set(now)
      await use({ now: () => now, advance: (seconds) => set(new Date(now.getTime() + seconds * 1000)) })
    },
    { scope: 'worker' },
  ],
  linkageService: [
    async ({ serviceEnv }, use) => {
      const service = await startLinkageService(serviceEnv)
      await use(service)
      await service.close()
    },
    // Loading the demo data and starting a service process: well over a test's time on a busy shared machine.
    { scope: 'worker', timeout: 180_000 },
  ],
  linkage: async ({ linkageService }, use) => {
    await linkageService.setClock(WEEKDAY_AFTERNOON)
    await use(linkageService)
  },
  startApp: async ({}, use) => {
    const started: OwnApp[] = []
    await use(async (serviceUrl, dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-app-')), options) => {
      const app = await startOwnApp(serviceUrl, dataDir, options)
      started.push(app)
      return app
    })
    await Promise.all(started.map((app) => stop(app.child)))
    for (const dataDir of new Set(started.map((app) => app.dataDir))) fs.rmSync(dataDir, { recursive: true, force: true })
  },
  startService: async ({}, use) => {
    const started: OwnService[] = []
    await use(async (env = {}, dataDir) => {
      const service = await startOwnService(env, dataDir)
      started.push(service)
      return service
    })
    await Promise.all(started.map((service) => service.close()))
    for (const dataDir of new Set(started.map((service) => service.dataDir))) fs.rmSync(dataDir, { recursive: true, force: true })
  },
  app: async ({ service, startApp }, use) => {
    const { url, dataDir } = await startApp(service.url)
    await use({ url, dataDir })
  },
  customerPage: async ({ browser }, use) => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await use(page)
    await page.close()
  },
  snap: async ({ page }, use, testInfo) => {
    await use(async (name) => {
      if (testInfo.project.name === 'linkage') {
        const size = page.viewportSize()
        const label = size && size.width < 600 ? 'phone' : 'pc'
        await page.screenshot({ path: path.join(ROOT, 'test-results', 'linkage', `${label}-${name}.png`), fullPage: true })
        return
      }
      // The desktop window scrolls inside .app-main: it is grown for the picture so the whole screen is in it.
      const size = page.viewportSize()!
      const main = page.locator('.app-main')
      const hidden = (await main.count()) === 1 ? await main.evaluate((el) => el.scrollHeight - el.clientHeight) : 0
      if (hidden > 0) await page.setViewportSize({ width: size.width, height: size.height + hidden })
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'screens', testInfo.project.name, `${name}.png`), fullPage: true, animations: 'disabled' })
      if (hidden > 0) await page.setViewportSize(size)
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
