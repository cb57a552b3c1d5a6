// Helpers for the specs of a token's life after setup (有効期限, パスワード補正, 取引確認, device binding): a service of
// the spec's own (its token lifetime, its database to stage refusals in), desktop apps on it (restartable on the
// same vault, optionally with the browser host's test-only clock offset), 初期設定 in the real renderer, and
// internet banking's side of 取引確認 (SVC-06).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from '@playwright/test'
import type { Channel, In, Out } from '@shinkumi/common/bridge.ts'
import { expect } from './fixtures.ts'

export { startOwnApp, startOwnService, type OwnApp, type OwnService } from './fixtures.ts'

/** Internet banking's demo key: bound to SHINKUMI only (SEC-04). */
export const RP_KEY = 'rp-demo-key-shinkumi-netbank'
/** The business service's demo key: bound to SHINKUMIBIZ only. */
export const BIZ_RP_KEY = 'rp-demo-key-shinkumi-biz'
/** Offers 取引確認 (demo data). */
export const NETBANK = 'SHINKUMI'
/** Does not offer it. */
export const BIZ = 'SHINKUMIBIZ'

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
  const output = await page.evaluate(([name, value]) => (window as unknown as { api: Record<string, (input: unknown) => Promise<unknown>> }).api[name]!(value), [
    channel,
    input,
  ] as const)
  return output as Out<K>
}
