// OTP-25 取引確認 through the bridge entries: 取引認証開始 on first use, the pending list, and a decision bound to
// the content shown.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { transactionContentSha256, type TransactionDetails } from '@shinkumi/common/protocol.ts'
import { createTestApp, validInput } from './helpers/app.ts'
import { startFakeDeviceService, type FakeDeviceService } from './helpers/fake-device-service.ts'

const NOW = Date.UTC(2026, 10, 21, 3, 0, 0)
let service: FakeDeviceService

const details: TransactionDetails = {
  payeeBank: 'ミレ信用組合',
  payeeBranch: '本店営業部',
  payeeAccount: '普通 1234567',
  payeeName: 'ヤマダ タロウ',
  amount: 1_234_567,
}

beforeAll(async () => {
  service = await startFakeDeviceService()
})
afterAll(() => service.close())

async function provisionedApp(offersTransactions: boolean) {
  service.provisioning.answer = { offersTransactions }
  const app = createTestApp({ serviceUrl: service.url, now: NOW })
  const provisioned = await app.api['tokens.provision'](validInput({ userId: `user${Math.random().toString(36).slice(2, 10)}` }))
  if (!provisioned.ok) throw new Error(provisioned.error.code)
  return { app, tokenId: provisioned.value.id }
}

function pending(id = randomUUID()) {
  return { id, details, createdAt: new Date(NOW).toISOString(), expiresAt: new Date(NOW + 300_000).toISOString() }
}

describe('OTP-25 取引確認', () => {
  it('the tab is offered only for a token whose service offers it, and reads 取引認証開始 until enrolment', async () => {
    const without = await provisionedApp(false)
    expect(await without.app.api['transactions.overview']()).toEqual({ ok: true, value: { offered: false, enrolmentPending: false } })
    const withTx = await provisionedApp(true)
    expect(await withTx.app.api['transactions.overview']()).toEqual({ ok: true, value: { offered: true, enrolmentPending: true } })
  })

  it('the first list completes 取引認証開始 once, then lists the pending transactions with the token name', async () => {
    const tx = pending()
    service.answers.set('POST /v1/devices/transactions/enrol', () => ({ status: 200, body: { enrolled: true } }))
    service.answers.set('GET /v1/devices/transactions', () => ({ status: 200, body: { transactions: [tx] } }))
    const { app, tokenId } = await provisionedApp(true)
    const first = await app.api['transactions.list']()
    expect(first).toEqual({ ok: true, value: { enrolled: ['SHINKUMI1バンク'], transactions: [{ ...tx, tokenId, tokenName: 'SHINKUMI1バンク' }] } })
    const second = await app.api['transactions.list']()
    expect(second.ok && second.value.enrolled).toEqual([])
    expect(await app.api['transactions.overview']()).toEqual({ ok: true, value: { offered: true, enrolmentPending: false } })
    const mine = service.requests.filter((r) => r.tokenId === tokenId)
    expect(mine.map((r) => `${r.method} ${r.path} ${r.body}`)).toEqual(['POST /v1/devices/transactions/enrol {}', 'GET /v1/devices/transactions ', 'GET /v1/devices/transactions '])
  })

  it('a decision carries contentSha256 of the details shown, in the signed body', async () => {
    const tx = pending()
    service.answers.set(`POST /v1/devices/transactions/${tx.id}/decision`, () => ({ status: 200, body: { status: 'approved' } }))
    const { app, tokenId } = await provisionedApp(true)
    const result = await app.api['transactions.decide']({ tokenId, transactionId: tx.id, decision: 'approve', details })
    expect(result).toEqual({ ok: true, value: { status: 'approved' } })
    const request = service.requests.at(-1)!
    expect(request.signatureValid).toBe(true)
    expect(JSON.parse(request.body)).toEqual({ decision: 'approve', contentSha256: await transactionContentSha256(details) })
  })

  it.each([
    ['TX_NOT_PENDING', 409, 'TX_CLOSED'],
    ['TX_NOT_FOUND', 404, 'TX_CLOSED'],
    ['TX_CONTENT_MISMATCH', 409, 'TX_CHANGED'],
  ])('the refusal %s (HTTP %i) is shown as %s', async (serviceCode, status, code) => {
    const tx = pending()
    service.answers.set(`POST /v1/devices/transactions/${tx.id}/decision`, () => ({ status, body: { code: serviceCode } }))
    const { app, tokenId } = await provisionedApp(true)
    const result = await app.api['transactions.decide']({ tokenId, transactionId: tx.id, decision: 'reject', details })
    expect(result.ok ? null : result.error.code).toBe(code)
  })

  it('TX_OFFLINE when the service cannot be reached, TX_FAILED for other failures', async () => {
    const { app } = await provisionedApp(true)
    const offline = createTestApp({ serviceUrl: 'http://127.0.0.1:9', dir: app.dir, now: NOW })
    const a = await offline.api['transactions.list']()
    expect(a.ok ? null : a.error.code).toBe('TX_OFFLINE')
    service.answers.set('POST /v1/devices/transactions/enrol', () => ({ status: 500, body: {} }))
    const b = await app.api['transactions.list']()
    expect(b.ok ? null : b.error.code).toBe('TX_FAILED')
  })
})
