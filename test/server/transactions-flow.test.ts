// OTP-25 / SVC-06: transaction confirmation on each database, over real HTTP, from the relying party to the device
// and back, with the service's manual clock (SVC-08).
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { fromBase64Url, toBase64Url } from '@shinkumi/common/encoding.ts'
import { deviceSigningInput, transactionContentSha256 } from '@shinkumi/common/protocol.ts'
import { revokeDevice } from '../../server/src/devices/revoke.ts'
import { setOtpUserStatus } from '../../server/src/provisioning/catalog.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { setServiceClock, setUpToken } from './client.ts'
import { addTransactionService, createTransaction, deviceClient, DETAILS, transactionStatus, TX_SERVICE_ID } from './device-client.ts'
import { addRelyingPartyKey, addService, issue, SERVICE_ID } from './fixtures.ts'
import { saveRelyingParty } from '../../server/src/relying-parties.ts'
import { hashKey } from '../../server/src/secrets.ts'

const T0 = new Date('2030-01-15T03:00:30Z')
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000)

describeOnEachDatabase('transaction confirmation', (target) => {
  let h: Harness
  let rpKey: string
  let now = T0
  let userNo = 0
  let hash: string
  const setNow = async (when: Date) => {
    now = when
    await setServiceClock(h.url, when)
  }
  const newToken = async (options: { serviceId?: string; enrol?: boolean } = {}) => {
    const serviceId = options.serviceId ?? TX_SERVICE_ID
    const userId = `tx${++userNo}`
    const { activationPassword } = await issue(h.deps, userId, { serviceId })
    const token = await setUpToken(h.url, { serviceId, userId, activationPassword, deviceTime: now })
    const client = deviceClient(h.url, token, () => now)
    if (options.enrol !== false) expect((await client.enrol()).status).toBe(200)
    return { userId, token, client }
  }
  const submit = (userId: string, extra: Record<string, unknown> = {}, key = rpKey) => createTransaction(h.url, key, { serviceId: TX_SERVICE_ID, userId, details: DETAILS, ...extra })
  const status = async (id: string, key = rpKey) => (await transactionStatus(h.url, key, id)).body

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    await addService(h.deps)
    await addTransactionService(h.deps)
    rpKey = await addRelyingPartyKey(h.deps)
    hash = await transactionContentSha256(DETAILS)
  })
  beforeEach(() => setNow(T0))
  afterAll(() => h.close())

  it('OTP-25 SVC-06 full flow: relying party submits, device lists and approves, relying party reads approved', async () => {
    const { userId, client } = await newToken()
    const created = await submit(userId)
    expect(created.status).toBe(200)
    const id = created.body.id!
    expect(await status(id)).toEqual({ status: 'pending' })
    expect((await client.pending()).body).toEqual({
      transactions: [{ id, details: DETAILS, createdAt: T0.toISOString(), expiresAt: at(300).toISOString() }],
    })
    await setNow(at(20))
    expect(await client.decide(id, 'approve', hash)).toEqual({ status: 200, body: { status: 'approved' } })
    expect(await status(id)).toEqual({ status: 'approved' })
    expect((await client.pending()).body).toEqual({ transactions: [] })
  })

  it('OTP-25 the decision is stored with its signed request as evidence, verifiable with the device key', async () => {
    const { userId, token, client } = await newToken()
    const id = (await submit(userId)).body.id!
    await client.decide(id, 'approve', hash)
    const row = await h.deps.db.selectFrom('transaction_confirmations').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({ status: 'approved', decided_at: T0.getTime(), decision_timestamp: T0.toISOString() })
    expect(JSON.parse(row.decision_body!)).toEqual({ decision: 'approve', contentSha256: hash })
    const key = await crypto.subtle.importKey('spki', fromBase64Url(token.device.devicePublicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'])
    const bodySha256 = toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(row.decision_body!))))
    const input = deviceSigningInput('POST', `/v1/devices/transactions/${id}/decision`, row.decision_timestamp!, row.decision_nonce!, bodySha256)
    expect(await crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromBase64Url(row.decision_signature!), input)).toBe(true)
  })

  it('OTP-25 a rejection reads rejected; a second answer is TX_NOT_PENDING', async () => {
    const { userId, client } = await newToken()
    const id = (await submit(userId)).body.id!
    expect(await client.decide(id, 'reject', hash)).toEqual({ status: 200, body: { status: 'rejected' } })
    expect(await client.decide(id, 'approve', hash)).toEqual({ status: 409, body: { code: 'TX_NOT_PENDING', message: expect.any(String) } })
    expect(await status(id)).toEqual({ status: 'rejected' })
  })

  it('OTP-25 an answer bound to other content is refused with TX_CONTENT_MISMATCH and changes nothing', async () => {
    const { userId, client } = await newToken()
    const id = (await submit(userId)).body.id!
    const other = await transactionContentSha256({ ...DETAILS, amount: DETAILS.amount + 1 })
    expect(await client.decide(id, 'approve', other)).toEqual({ status: 409, body: { code: 'TX_CONTENT_MISMATCH', message: expect.any(String) } })
    expect(await status(id)).toEqual({ status: 'pending' })
    expect(await client.decide(id, 'approve', hash)).toEqual({ status: 200, body: { status: 'approved' } })
  })

  it('OTP-25 transactions expire: pending until expiresInSeconds, then expired everywhere, and no answer counts', async () => {
    const { userId, client } = await newToken()
    const id = (await submit(userId, { expiresInSeconds: 60 })).body.id!
    await setNow(at(59.999))
    expect(await status(id)).toEqual({ status: 'pending' })
    expect((await client.pending()).body.transactions).toHaveLength(1)
    await setNow(at(60))
    expect(await status(id)).toEqual({ status: 'expired' })
    expect((await client.pending()).body).toEqual({ transactions: [] })
    expect(await client.decide(id, 'approve', hash)).toEqual({ status: 409, body: { code: 'TX_NOT_PENDING', message: expect.any(String) } })
    expect(await status(id)).toEqual({ status: 'expired' })
  })

  it('SVC-06 expiresInSeconds is 10…3600, 300 by default; a malformed request is a 400 with a code', async () => {
    const { userId } = await newToken()
    expect((await submit(userId, { expiresInSeconds: 9 })).status).toBe(400)
    expect((await submit(userId, { expiresInSeconds: 3601 })).status).toBe(400)
    expect((await submit(userId, { expiresInSeconds: 10 })).status).toBe(200)
    expect((await submit(userId, { expiresInSeconds: 3600 })).status).toBe(200)
    expect(await submit(userId, { details: { ...DETAILS, amount: -1 } })).toEqual({ status: 400, body: expect.objectContaining({ code: 'BAD_REQUEST' }) })
  })

  it('SVC-06 refusals: unknown user 404, service without 取引確認 409, not enrolled 409, suspended 403, no key 401', async () => {
    expect(await submit('nobody')).toEqual({ status: 404, body: { code: 'TX_NO_TOKEN', message: expect.any(String) } })
    // SEC-04: a service the key is not bound to — an unknown one included — is refused before anything is looked up.
    expect(await createTransaction(h.url, rpKey, { serviceId: 'NOSUCH', userId: 'nobody', details: DETAILS })).toEqual({
      status: 403,
      body: { code: 'RP_SERVICE_NOT_BOUND', message: expect.any(String) },
    })
    const plain = await newToken({ serviceId: SERVICE_ID, enrol: false })
    expect(await createTransaction(h.url, rpKey, { serviceId: SERVICE_ID, userId: plain.userId, details: DETAILS })).toEqual({
      status: 409,
      body: { code: 'TX_NOT_OFFERED', message: expect.any(String) },
    })
    expect(await plain.client.enrol()).toEqual({ status: 409, body: { code: 'TX_NOT_OFFERED', message: expect.any(String) } })
    const unenrolled = await newToken({ enrol: false })
    expect(await submit(unenrolled.userId)).toEqual({ status: 409, body: { code: 'TX_NOT_ENROLLED', message: expect.any(String) } })
    const suspended = await newToken()
    await setOtpUserStatus(h.deps.db, TX_SERVICE_ID, suspended.userId, 'suspended')
    expect(await submit(suspended.userId)).toEqual({ status: 403, body: { code: 'TX_SUSPENDED', message: expect.any(String) } })
    expect(await submit(suspended.userId, {}, 'rp_not-a-key')).toEqual({ status: 401, body: { code: 'UNAUTHORIZED', message: expect.any(String) } })
  })

  it('SVC-06 an expired token cannot be asked (404), a revoked one neither, and revoking ends its pending transactions', async () => {
    const { userId, token } = await newToken()
    const id = (await submit(userId)).body.id!
    await revokeDevice(h.deps.db, { tokenId: token.response.tokenId }, h.deps.clock.now())
    expect(await status(id)).toEqual({ status: 'expired' })
    expect(await submit(userId)).toEqual({ status: 404, body: { code: 'TX_NO_TOKEN', message: expect.any(String) } })
    const old = await newToken()
    await setNow(at(731 * 24 * 60 * 60))
    expect(await submit(old.userId)).toEqual({ status: 404, body: { code: 'TX_NO_TOKEN', message: expect.any(String) } })
  })

  it('SVC-06 a transaction is visible only to its relying party and answerable only by its token', async () => {
    const mine = await newToken()
    const other = await newToken()
    const id = (await submit(mine.userId)).body.id!
    const otherKey = await addRelyingPartyKey(h.deps)
    expect(await transactionStatus(h.url, otherKey, id)).toEqual({ status: 404, body: { code: 'TX_NOT_FOUND', message: expect.any(String) } })
    expect(await transactionStatus(h.url, rpKey, crypto.randomUUID())).toEqual({ status: 404, body: { code: 'TX_NOT_FOUND', message: expect.any(String) } })
    expect((await other.client.pending()).body).toEqual({ transactions: [] })
    expect(await other.client.decide(id, 'approve', hash)).toEqual({ status: 404, body: { code: 'TX_NOT_FOUND', message: expect.any(String) } })
    expect(await status(id)).toEqual({ status: 'pending' })
  })
  it('SEC-04 SVC-06 a key not bound to the service gets 403 creating a transaction, and reading one once unbound', async () => {
    const { userId } = await newToken()
    const otherServiceKey = await addRelyingPartyKey(h.deps, [SERVICE_ID])
    expect(await submit(userId, {}, otherServiceKey)).toEqual({ status: 403, body: { code: 'RP_SERVICE_NOT_BOUND', message: expect.any(String) } })
    const id = (await submit(userId)).body.id!
    const party = await h.deps.db.selectFrom('relying_parties').select(['id', 'name']).where('key_hash', '=', hashKey(rpKey)).executeTakeFirstOrThrow()
    await saveRelyingParty(h.deps.db, now, { ...party, key: rpKey, serviceIds: [SERVICE_ID] })
    expect(await transactionStatus(h.url, rpKey, id)).toEqual({ status: 403, body: { code: 'RP_SERVICE_NOT_BOUND', message: expect.any(String) } })
    await saveRelyingParty(h.deps.db, now, { ...party, key: rpKey, serviceIds: [SERVICE_ID, TX_SERVICE_ID] })
    expect(await status(id)).toEqual({ status: 'pending' })
  })
})
