// Helpers for the specs of a token's life after setup (有効期限, パスワード補正, 取引確認, device binding): a service of
// the spec's own (its token lifetime, its database to stage refusals in), desktop apps on it (restartable on the
// same vault, optionally with the browser host's test-only clock offset), 初期設定 in the real renderer, and
// internet banking's side of 取引確認 (SVC-06).
import { execFileSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import SQLite from 'better-sqlite3'
import type { Page } from '@playwright/test'
import type { Channel, In, Out } from '../../common/bridge.ts'
import { ROOT, startProcess, stop } from './fixtures.ts'
import { expect } from './fixtures.ts'

export const RP_KEY = 'rp-demo-key-shinkumi-netbank'
/** Offers 取引確認 (demo data). */
export const NETBANK = 'SHINKUMI'
/** Does not offer it. */
export const BIZ = 'SHINKUMIBIZ'

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
  const baseEnv = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env }
  const { child, match } = await startProcess(['server/src/main.ts'], { ...baseEnv, PORT: '0' }, /listening on (http:\/\/\S+)/)
  const admin = (...args: string[]) =>
    execFileSync(process.execPath, [path.join(ROOT, 'server/src/cli/admin.ts'), ...args], {
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

export const newDataDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-app-'))

export const uniqueUser = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`

/** 初期設定 → 初期設定完了 → トークン表示名設定 → the first screen after it (ワンタイムパスワード or an expiry screen). */
export async function setUp(page: Page, appUrl: string, serviceId: string, userId: string, password: string): Promise<void> {
  await page.goto(appUrl)
  await expect(page.getByTestId('screen-title')).toHaveText('初期設定')
  await page.getByTestId('setup-service-id').fill(serviceId)
  await page.getByTestId('setup-user-id').fill(userId)
  await page.getByTestId('setup-password').fill(password)
  await page.getByTestId('setup-agree').check()
  await page.getByTestId('setup-submit').click()
  await page.getByTestId('provisioned-next').click()
  await page.getByTestId('suffix-submit').click()
}

/** Internet banking (relying party) asks the customer to confirm a transfer (SVC-06). */
export async function submitTransaction(serviceUrl: string, userId: string, details: Record<string, unknown>, serviceId = NETBANK): Promise<string> {
  const response = await fetch(`${serviceUrl}/v1/transactions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${RP_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId, userId, details, expiresInSeconds: 600 }),
  })
  const body = (await response.json()) as { id?: string; code?: string }
  if (!body.id) throw new Error(`POST /v1/transactions answered ${response.status} ${JSON.stringify(body)}`)
  return body.id
}

export async function transactionStatus(serviceUrl: string, id: string): Promise<string> {
  const response = await fetch(`${serviceUrl}/v1/transactions/${id}`, { headers: { authorization: `Bearer ${RP_KEY}` } })
  return ((await response.json()) as { status: string }).status
}

/** Calls a bridge entry from the page as the renderer would: test setup for steps that have no screen here. */
export async function callBridge<K extends Channel>(page: Page, channel: K, input?: In<K>): Promise<Out<K>> {
  const output = await page.evaluate(
    ([name, value]) => (window as unknown as { api: Record<string, (input: unknown) => Promise<unknown>> }).api[name]!(value),
    [channel, input] as const,
  )
  return output as Out<K>
}
