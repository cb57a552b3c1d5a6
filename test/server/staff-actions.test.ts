// STF-03 / STF-04 from both sides: staff find a customer and see their locks; each action takes effect for the
// customer at once (SOA201→202 passes again, /v1/otp/verify verifies again, setup works again without S0B4, a revoked
// linkage's tokens stop on /v1/accounts); four eyes for reissue and device revocation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { newDevice, provision, setUpToken, verifyOtp, type ProvisionedToken } from './client.ts'
import { CLIENT, LinkageBrowser, TARO, authorizeUrl, completeFlow, pkce, tokenRequest } from './linkage-client.ts'
import { call, JUSTIFIED, staffWorld } from './staff-client.ts'
import { DEMO_BIZ_RELYING_PARTY, DEMO_RELYING_PARTY } from '../../server/src/cli/demo-otp.ts'
import { messages } from '../../server/src/linkage/messages.ts'
import { issueActivation } from '../../server/src/provisioning/activations.ts'
import type { CustomerDetail, LockedItem } from '@shinkumi/common/staff-api.ts'

/** A weekday, 14:00 JST: inside the linkage's service hours. */
const START = new Date('2026-11-18T05:00:00Z')

const otherCode = (code: string) => code.slice(0, -1) + ((Number(code.at(-1)) + 1) % 10)

describeOnEachDatabase('STF-03/STF-04 staff actions and what the customer sees', (target) => {
  let h: Harness
  let world: Awaited<ReturnType<typeof staffWorld>>
  const tokens: Record<string, string> = {}
  const activation: Record<string, string> = {}
  const as = (staffId: string) => ({
    post: <T = Record<string, unknown>>(path: string, body: unknown) => call<T>(h.url, 'POST', path, { token: tokens[staffId], body }),
    get: <T = Record<string, unknown>>(path: string) => call<T>(h.url, 'GET', path, { token: tokens[staffId] }),
  })
  const teller = () => as('teller01')
  const detailOf = async (ref: object) => (await teller().post<CustomerDetail>('/v1/staff/customers/detail', ref)).body
  // Each demo key verifies only its own service (SEC-04).
  const verify = (userId: string, otp: string, serviceId = 'SHINKUMI') =>
    verifyOtp(h.url, (serviceId === 'SHINKUMIBIZ' ? DEMO_BIZ_RELYING_PARTY : DEMO_RELYING_PARTY).key, { serviceId, userId, otp }).then((a) => a.body)
  /** Each lock a minute after the one before: "newest first" is then unambiguous. */
  const aMinuteLater = () => world.clock.set(new Date(world.clock.now().getTime() + 60_000))
  const setUp = (userId: string, password: string, serviceId = 'SHINKUMI') => setUpToken(h.url, { serviceId, userId, activationPassword: password, deviceTime: world.clock.now() })

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    world = await staffWorld(h)
    world.clock.set(START)
    for (const c of world.demo.customers as { userId?: string; activationPassword?: string }[]) if (c.userId && c.activationPassword) activation[c.userId] = c.activationPassword
    for (const staffId of ['teller01', 'super01', 'super02']) tokens[staffId] = await world.tokenOf(staffId)
  })
  afterAll(() => h.close())

  describe('STF-03 search and detail', () => {
    it('STF-03 finds the same customer by branch + account number and by service ID + user ID', async () => {
      const byAccount = await teller().post<{ customers: unknown[] }>('/v1/staff/customers/search', { by: 'account', branch: '115', accountNumber: '1100026' })
      const byUser = await teller().post<{ customers: unknown[] }>('/v1/staff/customers/search', { by: 'user', serviceId: 'SHINKUMI', userId: 'yamada001' })
      const taro = {
        ref: { customerId: 'demo-data-taro' },
        nameKana: 'ﾃﾞｰﾀ ﾀﾛｳ',
        accounts: [
          { branch: '115', type: 'ordinary', accountNumber: '1100026' },
          { branch: '115', type: 'savings', accountNumber: '2100026' },
        ],
        otpUsers: [{ serviceId: 'SHINKUMI', userId: 'yamada001' }],
      }
      expect(byAccount.body.customers).toEqual([taro])
      expect(byUser.body.customers).toEqual([taro])
      expect((await teller().post('/v1/staff/customers/search', { by: 'user', serviceId: 'SHINKUMI', userId: 'teishi004' })).body.customers).toEqual([
        { ref: { serviceId: 'SHINKUMI', userId: 'teishi004' }, nameKana: null, accounts: [], otpUsers: [{ serviceId: 'SHINKUMI', userId: 'teishi004' }] },
      ])
      expect((await teller().post('/v1/staff/customers/search', { by: 'account', branch: '999', accountNumber: '0000000' })).body).toEqual({ customers: [], nextCursor: null })
      expect((await teller().post('/v1/staff/customers/detail', { customerId: 'nobody' })).status).toBe(404)
      expect((await teller().post('/v1/staff/customers/search', { by: 'account', branch: '1150', accountNumber: 'x' })).body).toEqual({
        code: 'BAD_REQUEST',
        message: expect.any(String),
      })
    })
  })

  describe('API-linkage lock (LNK-04)', () => {
    const wrongAnswers = { name: 'チガウ ナマエ', birthYear: '1980', birthMonth: '04', birthDay: '01', phone: TARO.phone, email: 't@example.jp', emailConfirm: 't@example.jp' }
    async function atCustomerScreen() {
      const browser = new LinkageBrowser(h.url)
      await browser.open(authorizeUrl({ challenge: pkce().challenge }))
      await browser.submit('/linkage/account', { branch: TARO.branch, type: TARO.type, accountNumber: TARO.accountNumber })
      return browser
    }

    it('STF-03 the lock shows with failures, until 0:00 JST and the last attempts; STF-04 release lets the customer through at once', async () => {
      const aSecondLater = () => world.clock.set(new Date(world.clock.now().getTime() + 1000))
      for (let i = 0; i < 5; i++) {
        aSecondLater()
        await (await atCustomerScreen()).submit('/linkage/customer', wrongAnswers)
      }
      const lockedAt = world.clock.now().toISOString()
      aSecondLater()
      const blocked = await (await atCustomerScreen()).submit('/linkage/customer', { ...wrongAnswers, name: TARO.name })
      expect(blocked.html).toContain(messages.locked)

      const account = (await detailOf({ serviceId: 'SHINKUMI', userId: 'yamada001' })).accounts.find((a) => a.accountNumber === TARO.accountNumber)!
      expect(account.linkageLock).toEqual({ failures: 5, maxFailures: 5, locked: true, lockedAt, lockedUntil: '2026-11-18T15:00:00.000Z' })
      expect(account.lastAttempts.map((a) => a.step)).toEqual(['refused', 'refused', 'customer', 'customer', 'customer'])
      const locks = (await teller().get<{ items: LockedItem[] }>('/v1/staff/locks')).body.items
      expect(locks).toContainEqual(expect.objectContaining({ kind: 'linkage', ref: { customerId: 'demo-data-taro' }, label: '115 普通預金 1100026', failures: 5 }))

      const released = await teller().post('/v1/staff/actions/release-linkage-lock', { accountId: account.accountId, ...JUSTIFIED })
      expect(released.body).toEqual({ auditSeq: expect.any(Number), changed: true })
      const through = await (await atCustomerScreen()).submit('/linkage/customer', { ...wrongAnswers, name: TARO.name })
      expect(through.html).toContain('SOA208')
    })

    it('STF-04 a reason is mandatory, and 「その他」 needs what was checked', async () => {
      const body = { accountId: 'acct-115-ordinary-1100026', identityCheck: 'drivers_license' }
      expect((await teller().post('/v1/staff/actions/release-linkage-lock', body)).status).toBe(400)
      expect((await teller().post('/v1/staff/actions/release-linkage-lock', { ...body, reason: '   ' })).status).toBe(400)
      expect((await teller().post('/v1/staff/actions/release-linkage-lock', { ...body, reason: '依頼', identityCheck: 'other' })).status).toBe(400)
      expect((await teller().post('/v1/staff/actions/release-linkage-lock', { ...body, reason: '依頼', identityCheck: 'passport' })).status).toBe(400)
    })
  })

  describe('OTP lock (SVC-04)', () => {
    it('STF-04 after 10 wrong codes the token answers locked; a reset counter lets /v1/otp/verify verify again', async () => {
      aMinuteLater()
      const token = await setUp('yamada001', activation.yamada001!)
      const code = token.codeAt(world.clock.now())
      for (let i = 0; i < 10; i++) await verify('yamada001', otherCode(code))
      expect(await verify('yamada001', code)).toEqual({ valid: false, reason: 'locked' })
      const detail = await detailOf({ serviceId: 'SHINKUMI', userId: 'yamada001' })
      expect(detail.otpUsers[0]!.otpLock).toEqual({ failures: 10, maxFailures: 10, locked: true, lockedAt: world.clock.now().toISOString() })
      expect(detail.otpUsers[0]!.devices[0]).toMatchObject({ serialNumber: token.response.serialNumber, status: 'active', expiresAt: token.response.expiresAt })
      const locks = (await teller().get<{ items: LockedItem[] }>('/v1/staff/locks')).body.items
      expect(locks[0]).toMatchObject({ kind: 'otp', ref: { customerId: 'demo-data-taro' }, label: 'SHINKUMI / yamada001' })

      expect((await teller().post('/v1/staff/actions/reset-otp-failures', { serviceId: 'SHINKUMI', userId: 'yamada001', ...JUSTIFIED })).body.changed).toBe(true)
      expect(await verify('yamada001', code)).toEqual({ valid: true })
    })

    it('STF-04 suspend makes verification answer suspended; resume undoes it (管理者 only)', async () => {
      const body = { serviceId: 'SHINKUMI', userId: 'yamada001', ...JUSTIFIED }
      expect((await teller().post('/v1/staff/actions/suspend', body)).status).toBe(403)
      expect((await as('super01').post('/v1/staff/actions/suspend', body)).body.changed).toBe(true)
      expect(await verify('yamada001', '12345678')).toEqual({ valid: false, reason: 'suspended' })
      expect((await as('super01').post('/v1/staff/actions/resume', body)).body.changed).toBe(true)
      expect((await detailOf({ customerId: 'demo-data-taro' })).otpUsers[0]!.status).toBe('active')
    })
  })

  describe('activation password (S0C4, S0B4) and four eyes', () => {
    it('STF-04 unlock after S0C4: the customer’s own password works again', async () => {
      aMinuteLater()
      const issued = await issueActivation(h.deps.db, world.clock.now(), { serviceId: 'SHINKUMI', userId: 'lockme005', expiresInDays: 30 })
      const device = await newDevice()
      const attempt = (password: string) => provision(h.url, device, { serviceId: 'SHINKUMI', userId: 'lockme005', activationPassword: password, deviceTime: world.clock.now() })
      for (let i = 0; i < 5; i++) await attempt('WRONGPASS2')
      expect((await attempt(issued.activationPassword)).body).toEqual({ code: 'S0C4', message: expect.any(String) })
      const before = (await detailOf({ serviceId: 'SHINKUMI', userId: 'lockme005' })).otpUsers[0]!.activation
      expect(before).toMatchObject({ state: 'locked', failures: 5, maxFailures: 5 })
      const locks = (await teller().get<{ items: LockedItem[] }>('/v1/staff/locks')).body.items
      expect(locks[0]).toMatchObject({ kind: 'activation', ref: { serviceId: 'SHINKUMI', userId: 'lockme005' } })

      await teller().post('/v1/staff/actions/unlock-activation', { serviceId: 'SHINKUMI', userId: 'lockme005', ...JUSTIFIED })
      expect((await attempt(issued.activationPassword)).status).toBe(200)
    })

    it('STF-02 reissue waits for a second 管理者; then the new password (shown once) sets up again without S0B4', async () => {
      const first = await setUp('suzuki002', activation.suzuki002!)
      expect(
        (await provision(h.url, await newDevice(), { serviceId: 'SHINKUMI', userId: 'suzuki002', activationPassword: activation.suzuki002!, deviceTime: world.clock.now() })).body,
      ).toEqual({ code: 'S0B4', message: expect.any(String) })

      const requested = await as('super01').post<{ approval: { approvalId: string; requestedBy: string } }>('/v1/staff/actions/reissue-activation', {
        serviceId: 'SHINKUMI',
        userId: 'suzuki002',
        ...JUSTIFIED,
      })
      expect(requested.status).toBe(202)
      const id = requested.body.approval.approvalId
      expect((await detailOf({ serviceId: 'SHINKUMI', userId: 'suzuki002' })).otpUsers[0]!.pendingApprovals.map((a) => a.approvalId)).toEqual([id])
      // Nothing happened yet: the old device still verifies.
      expect(await verify('suzuki002', first.codeAt(world.clock.now()))).toEqual({ valid: true })

      expect((await as('super01').post(`/v1/staff/approvals/${id}/approve`, {})).body).toEqual({ code: 'SAME_STAFF', message: 'a second 管理者 must approve' })
      expect((await as('super02').get<{ approvals: { approvalId: string }[] }>('/v1/staff/approvals')).body.approvals.map((a) => a.approvalId)).toContain(id)
      // Two approvals of one request at once (a double click): one acts, the other finds it decided.
      const approveOnce = () => as('super02').post<{ activationPassword?: string; code?: string }>(`/v1/staff/approvals/${id}/approve`, {})
      const [approved, again] = await Promise.all([approveOnce(), approveOnce()])
      const winner = approved.status === 200 ? approved : again
      const loser = approved.status === 200 ? again : approved
      expect(winner.status).toBe(200)
      expect(loser.body).toEqual({ code: 'NOT_PENDING', message: expect.any(String) })
      const password = winner.body.activationPassword!
      expect(password).toMatch(/^[A-Z2-9]{10}$/)

      aMinuteLater()
      expect(await verify('suzuki002', first.codeAt(world.clock.now()))).toEqual({ valid: false, reason: 'unknown' })
      const second = await setUp('suzuki002', password)
      expect(await verify('suzuki002', second.codeAt(world.clock.now()))).toEqual({ valid: true })
      const stored = await h.deps.db.selectFrom('staff_approvals').select(['status', 'decided_by']).where('approval_id', '=', id).executeTakeFirstOrThrow()
      expect(stored).toEqual({ status: 'approved', decided_by: 'super02' })
    })

    it('STF-04 revoking a lost device (four eyes): its codes stop verifying; a rejected request changes nothing', async () => {
      const token: ProvisionedToken = await setUp('sato003', activation.sato003!, 'SHINKUMIBIZ')
      const body = { serviceId: 'SHINKUMIBIZ', userId: 'sato003', serialNumber: token.response.serialNumber, reason: 'PC紛失の届出', identityCheck: 'health_insurance_card' }
      const withdrawn = await as('super02').post<{ approval: { approvalId: string } }>('/v1/staff/actions/revoke-device', body)
      expect((await as('super02').post(`/v1/staff/approvals/${withdrawn.body.approval.approvalId}/reject`, {})).status).toBe(200)
      expect((await as('super01').post(`/v1/staff/approvals/${withdrawn.body.approval.approvalId}/approve`, {})).body).toEqual({ code: 'NOT_PENDING', message: expect.any(String) })
      expect(await verify('sato003', token.codeAt(world.clock.now()), 'SHINKUMIBIZ')).toEqual({ valid: true })

      const requested = await as('super02').post<{ approval: { approvalId: string } }>('/v1/staff/actions/revoke-device', body)
      expect((await as('super01').post(`/v1/staff/approvals/${requested.body.approval.approvalId}/approve`, {})).status).toBe(200)
      aMinuteLater()
      expect(await verify('sato003', token.codeAt(world.clock.now()), 'SHINKUMIBIZ')).toEqual({ valid: false, reason: 'unknown' })
      expect((await detailOf({ serviceId: 'SHINKUMIBIZ', userId: 'sato003' })).otpUsers[0]!.devices[0]!.status).toBe('revoked')
      expect((await as('super02').post('/v1/staff/actions/revoke-device', body)).body).toEqual({ code: 'NOTHING_TO_DO', message: 'the device is already revoked' })
    })
  })

  describe('fintech linkage (LNK-12) and maintenance (LNK-05)', () => {
    it('STF-04 a revoked linkage’s access and refresh tokens stop at once', async () => {
      const hanako = {
        branch: '022',
        type: 'ordinary',
        accountNumber: '2222222',
        name: 'ｼﾝｸﾐ ﾊﾅｺ',
        birthYear: '1975',
        birthMonth: '05',
        birthDay: '05',
        phone: '0312345678',
        pin: '4321',
      }
      const { code, verifier } = await completeFlow(h.url, h.deps.config.linkage.telephonySecret, hanako)
      const issued = await tokenRequest(h.url, { grant_type: 'authorization_code', code, redirect_uri: CLIENT.redirectUri, code_verifier: verifier })
      const accounts = () => fetch(`${h.url}/v1/accounts`, { headers: { authorization: `Bearer ${issued.body.access_token}` } }).then((r) => r.status)
      expect(await accounts()).toBe(200)

      const account = (await detailOf({ customerId: 'demo-shinkumi-hanako' })).accounts.find((a) => a.accountNumber === '2222222')!
      expect(account.linkages).toEqual([expect.objectContaining({ clientId: CLIENT.clientId, clientName: CLIENT.name })])
      await as('super01').post('/v1/staff/actions/revoke-linkage', { grantId: account.linkages[0]!.grantId, ...JUSTIFIED })
      expect(await accounts()).toBe(401)
      const refreshed = await tokenRequest(h.url, { grant_type: 'refresh_token', refresh_token: String(issued.body.refresh_token) })
      expect(refreshed.body.error).toBe('invalid_grant')
      expect((await detailOf({ customerId: 'demo-shinkumi-hanako' })).accounts.find((a) => a.accountNumber === '2222222')!.linkages).toEqual([])
    })

    it('STF-04 an ad-hoc maintenance window closes the linkage pages for its time, through the linkage’s own table', async () => {
      const now = world.clock.now().getTime()
      const window = { startsAt: new Date(now).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), reason: '臨時メンテナンス' }
      expect((await as('super01').post('/v1/staff/maintenance', { ...window, endsAt: window.startsAt })).status).toBe(400)
      const set = await as('super01').post<{ window: { id: string } }>('/v1/staff/maintenance', window)
      expect(set.status).toBe(200)
      expect((await teller().get<{ windows: { id: string }[] }>('/v1/staff/maintenance')).body.windows.map((w) => w.id)).toContain(set.body.window.id)
      const closed = await new LinkageBrowser(h.url).request(authorizeUrl({ challenge: pkce().challenge }))
      expect(closed.status).toBe(503)
      expect(closed.html).toContain(messages.outOfHours)
      world.clock.set(new Date(now + 3_600_000))
      expect((await new LinkageBrowser(h.url).request(authorizeUrl({ challenge: pkce().challenge }))).status).toBe(303)
    })
  })
})
