// The linkage specs' helpers: the demo fintech client and bank customers, the authorization request, and the steps a
// customer takes through the pages. Their service is the `linkage` fixture (../fixtures.ts).
import { createHash, randomBytes } from 'node:crypto'
import type { Page } from '@playwright/test'
import { expect, type LinkageService } from '../fixtures.ts'

export const CLIENT = {
  clientId: 'demo-kakeibo',
  clientSecret: 'demo-kakeibo-secret-0123456789abcdef',
  redirectUri: 'http://127.0.0.1:8790/callback',
}
export const TARO = { branch: '115', accountNumber: '1100026', name: 'データ タロウ', year: '1980', month: '04', day: '01', phone: '09011113333', pin: '1234' }
export const HANAKO = { branch: '022', accountNumber: '2222222', name: 'ｼﾝｸﾐ ﾊﾅｺ', year: '1975', month: '05', day: '05', phone: '0312345678', pin: '4321' }
export type Customer = typeof TARO

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
