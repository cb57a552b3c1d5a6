// The API linkage pages in Chromium against a real service process of their own (worker-scoped): CLOCK=manual,
// a free port, a temp DATA_DIR with the demo data, mail to the development outbox. Independent of the desktop
// fixtures, so these specs run without the renderer.
import { execFileSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createHash, createHmac, randomBytes } from 'node:crypto'
import { test as base, expect, type Page } from '@playwright/test'
import { ROOT, startProcess, stop } from '../fixtures.ts'
import { GENEROUS_LIMITS } from '../../server/generous-limits.ts'

export const TELEPHONY_SECRET = 'e2e-telephony-secret-0123456789'
export const CLIENT = {
  clientId: 'demo-kakeibo',
  clientSecret: 'demo-kakeibo-secret-0123456789abcdef',
  redirectUri: 'http://127.0.0.1:8790/callback',
}
export const TARO = { branch: '115', accountNumber: '1100026', name: 'データ タロウ', year: '1980', month: '04', day: '01', phone: '09011113333', pin: '1234' }
export const HANAKO = { branch: '022', accountNumber: '2222222', name: 'ｼﾝｸﾐ ﾊﾅｺ', year: '1975', month: '05', day: '05', phone: '0312345678', pin: '4321' }
export type Customer = typeof TARO

/** A weekday afternoon in JST, inside service hours. */
export const WEEKDAY_AFTERNOON = '2026-11-18T14:00:00+09:00'

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

export const test = base.extend<{ snap: (name: string) => Promise<void> }, { linkage: LinkageService; serviceEnv: Record<string, string> }>({
  serviceEnv: [{}, { option: true, scope: 'worker' }],
  linkage: [
    async ({ serviceEnv }, use) => {
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
      const admin = (...args: string[]) =>
        execFileSync(process.execPath, ['src/cli/admin.ts', ...args], { cwd: path.join(ROOT, 'server'), env: { ...process.env, ...env }, encoding: 'utf8' })
      admin('demo')
      const { child, match } = await startProcess(['server/src/main.ts'], { ...env, PORT: '0' }, /listening on (http:\/\/\S+)/)
      const url = match[1]!
      env.SERVICE_URL = url
      let serviceTime = new Date().toISOString()
      const service: LinkageService = {
        url,
        dataDir,
        env,
        async setClock(iso) {
          const response = await fetch(`${url}/__test__/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: iso }) })
          expect(response.status).toBe(200)
          serviceTime = new Date(iso).toISOString()
        },
        now: () => serviceTime,
        async call(from, to) {
          const body = JSON.stringify({ callId: randomBytes(8).toString('hex'), from, to, at: serviceTime })
          const signature = `sha256=${createHmac('sha256', TELEPHONY_SECRET).update(body).digest('hex')}`
          const response = await fetch(`${url}/v1/telephony/inbound-call`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature }, body })
          return { status: response.status, body: (await response.json()) as { status?: string } }
        },
        admin: (...args) => admin(...args),
        outbox: () => {
          const dir = path.join(dataDir, 'outbox')
          return fs.existsSync(dir) ? fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')) : []
        },
      }
      await service.setClock(WEEKDAY_AFTERNOON)
      await use(service)
      await stop(child as ChildProcess)
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
    // Loading the demo data and starting a service process: well over a test's time on a busy shared machine.
    { scope: 'worker', timeout: 180_000 },
  ],
  snap: async ({ page }, use) => {
    await use(async (name) => {
      const size = page.viewportSize()
      const label = size && size.width < 600 ? 'phone' : 'pc'
      await page.screenshot({ path: path.join(ROOT, 'test-results', 'linkage', `${label}-${name}.png`), fullPage: true })
    })
  },
})

export { expect }

export function pkce() {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') }
}

export function authorizeUrl(service: LinkageService, challenge: string, state = 'st-123'): string {
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT.clientId,
    redirect_uri: CLIENT.redirectUri,
    scope: 'accounts',
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })
  return `${service.url}/oauth/authorize?${q}`
}

/** The fintech app's redirect target: answered in the browser, the URL kept for the test. */
export async function catchRedirect(page: Page): Promise<() => URL | undefined> {
  let arrived: URL | undefined
  await page.route(`${CLIENT.redirectUri}**`, async (route) => {
    arrived = new URL(route.request().url())
    await route.fulfill({ contentType: 'text/html; charset=utf-8', body: '<!doctype html><meta charset="utf-8"><title>連携元</title><p>連携元アプリ</p>' })
  })
  return () => arrived
}

export const screenId = (page: Page) => page.locator('.screen-id')

export async function fillAccount(page: Page, c: Customer, type: '普通預金' | '貯蓄預金' = '普通預金') {
  await page.getByLabel('店舗').fill(c.branch)
  await page.getByLabel('科目').selectOption({ label: type })
  await page.getByLabel('口座番号').fill(c.accountNumber)
}

export async function fillCustomer(page: Page, c: Customer, overrides: Partial<Customer> = {}) {
  const v = { ...c, ...overrides }
  await page.getByLabel('お名前').fill(v.name)
  await page.locator('#birthYear').fill(v.year)
  await page.getByLabel('月', { exact: true }).selectOption(v.month)
  await page.getByLabel('日', { exact: true }).selectOption(v.day)
  await page.getByLabel('電話番号').fill(v.phone)
  await page.locator('#email').fill('taro@example.jp')
  await page.locator('#emailConfirm').fill('taro@example.jp')
}

/** From the authorization request to 画面④; returns the authentication number shown. */
export async function toCallScreen(page: Page, service: LinkageService, c: Customer = TARO): Promise<string> {
  await page.goto(authorizeUrl(service, pkce().challenge))
  await fillAccount(page, c)
  await page.getByRole('button', { name: '次へ' }).click()
  await fillCustomer(page, c)
  await page.getByRole('button', { name: '次へ' }).click()
  await page.getByRole('button', { name: '電話番号の決定' }).click()
  await expect(screenId(page)).toHaveText('画面ID : SOA209')
  return (await page.getByTestId('call-to').textContent())!.trim()
}
