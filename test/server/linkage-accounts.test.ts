import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { loadLinkageDemo } from '../../server/src/linkage/demo.ts'
import type { ManualClock } from '../../server/src/clock.ts'
import { checkRange } from '../../server/src/accounts/routes.ts'
import { CLIENT, completeFlow, tokenRequest } from './linkage-client.ts'

describe('LNK-12 transaction ranges', () => {
  const today = '2026-11-18'
  it.each([
    ['the default: the last 3 months', undefined, undefined, { ok: true, from: '2026-08-18', to: '2026-11-18' }],
    ['a month', '2026-10-01', '2026-10-31', { ok: true, from: '2026-10-01', to: '2026-10-31' }],
    ['older than 3 months', '2026-08-17', '2026-09-01', { ok: false, error: 'range_too_old' }],
    ['more than 93 days', '2026-08-18', '2026-11-20', { ok: false, error: 'range_too_long' }],
    ['from after to', '2026-11-10', '2026-11-01', { ok: false, error: 'invalid_range' }],
    ['not a date', '2026-02-30', '2026-03-01', { ok: false, error: 'invalid_date' }],
  ])('LNK-12 %s', (_label, from, to, expected) => {
    expect(checkRange(today, from, to)).toMatchObject(expected)
  })
})

describeOnEachDatabase('LNK-12 account API', (target) => {
  let h: Harness
  const HANAKO = { branch: '022', type: 'ordinary', accountNumber: '2222222', name: 'ｼﾝｸﾐ ﾊﾅｺ', birthYear: '1975', birthMonth: '05', birthDay: '05', phone: '0312345678', pin: '4321' }

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    ;(h.deps.clock as ManualClock).set(new Date('2026-11-18T05:00:00Z'))
    await loadLinkageDemo(h.deps.db, h.deps.clock.now())
  })
  afterAll(() => h.close())

  async function linkedToken(who?: typeof HANAKO) {
    const { code, verifier } = await completeFlow(h.url, h.deps.config.linkage.telephonySecret, who)
    const tokens = await tokenRequest(h.url, { grant_type: 'authorization_code', code, redirect_uri: CLIENT.redirectUri, code_verifier: verifier })
    return String(tokens.body.access_token)
  }
  const get = async (path: string, token: string) => {
    const response = await fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  it('LNK-12 transactions: a range beyond three months or 93 days is 400 with an error code', async () => {
    const token = await linkedToken()
    const { body } = await get('/v1/accounts', token)
    const id = (body.accounts as { id: string }[])[0]!.id
    expect((await get(`/v1/accounts/${id}/transactions?from=2026-05-01&to=2026-06-01`, token)).body.error).toBe('range_too_old')
    expect((await get(`/v1/accounts/${id}/transactions?from=2026-13-01`, token)).body.error).toBe('invalid_date')
    const ok = await get(`/v1/accounts/${id}/transactions`, token)
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({ from: '2026-08-18', to: '2026-11-18' })
    expect((await get('/v1/accounts/someone-else/transactions', token)).status).toBe(404)
    expect((await get('/v1/accounts', 'not-a-token')).status).toBe(401)
  })

  it('LNK-12 an account moved to another branch stops answering under its old number', async () => {
    const token = await linkedToken(HANAKO)
    const { body } = await get('/v1/accounts', token)
    const id = (body.accounts as { id: string }[])[0]!.id
    // The core system moves 022-2222222 to branch 033: the old number is no longer an account.
    await h.deps.db.updateTable('bank_accounts').set({ status: 'moved' }).where('account_id', '=', id).execute()
    expect((await get('/v1/accounts', token)).body).toEqual({ accounts: [] })
    expect((await get(`/v1/accounts/${id}/transactions`, token)).status).toBe(404)
  })
})
