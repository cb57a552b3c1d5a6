// OTP-13: device-signed requests on each database, over real HTTP, with the service's manual clock (SVC-08).
// The renewal route serves as the signed request; its own rules are tested in devices-renew.test.ts.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { CORRECTION_REQUEST_MAX_AGE_SECONDS, DEVICE_HEADERS, DEVICE_REQUEST_MAX_AGE_SECONDS } from '@shinkumi/common/protocol.ts'
import { revokeDevice } from '../../server/src/devices/revoke.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { newDevice, setServiceClock, setUpToken, verifyOtp } from './client.ts'
import { deviceClient, newNonce, send, signRequest } from './device-client.ts'
import { addRelyingPartyKey, addService, issue, SERVICE_ID } from './fixtures.ts'

const T0 = new Date('2030-01-15T03:00:30Z')
const DAY_MS = 24 * 60 * 60 * 1000
/** Inside the renewal window of a token set up at T0 (730-day lifetime), so a signed renewal succeeds. */
const IN_WINDOW = new Date(T0.getTime() + 600 * DAY_MS)
const MAX_AGE_MS = DEVICE_REQUEST_MAX_AGE_SECONDS * 1000

describeOnEachDatabase('device-signed requests', (target) => {
  let h: Harness
  let now = IN_WINDOW
  let userNo = 0
  const setNow = async (at: Date) => {
    now = at
    await setServiceClock(h.url, at)
  }
  const newToken = async () => {
    await setNow(T0)
    const userId = `signed${++userNo}`
    const { activationPassword } = await issue(h.deps, userId)
    const token = await setUpToken(h.url, { serviceId: SERVICE_ID, userId, activationPassword, deviceTime: T0 })
    await setNow(IN_WINDOW)
    return { userId, token, client: deviceClient(h.url, token, () => now) }
  }
  const renewPath = '/v1/devices/renew'

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    await addService(h.deps)
  })
  beforeEach(() => setNow(IN_WINDOW))
  afterAll(() => h.close())

  it('OTP-13 a request signed with the device key is accepted', async () => {
    const { client } = await newToken()
    const answer = await client.renew()
    expect(answer.status).toBe(200)
    expect(answer.body).toHaveProperty('expiresAt')
  })

  it('OTP-13 a replayed signed request (same nonce) is refused with REPLAYED_REQUEST', async () => {
    const { token } = await newToken()
    const request = await signRequest(token, 'POST', renewPath, {}, now)
    expect((await send(h.url, request)).status).toBe(200)
    expect(await send(h.url, request)).toEqual({ status: 401, body: { code: 'REPLAYED_REQUEST', message: expect.any(String) } })
  })

  it('OTP-13 20 concurrent copies of one signed request: exactly one passes the nonce check', async () => {
    const { token } = await newToken()
    const request = await signRequest(token, 'GET', '/v1/devices/transactions', undefined, now)
    const answers = await Promise.all(Array.from({ length: 20 }, () => send(h.url, request)))
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1)
    expect(answers.filter((a) => a.body.code === 'REPLAYED_REQUEST')).toHaveLength(19)
  })

  it('OTP-13 the same nonce with a fresh signature is still a replay; a new nonce is not', async () => {
    const { client } = await newToken()
    const nonce = newNonce()
    expect((await client.call('GET', '/v1/devices/transactions', undefined, { nonce })).status).toBe(200)
    expect((await client.call('GET', '/v1/devices/transactions', undefined, { nonce })).body).toEqual({ code: 'REPLAYED_REQUEST', message: expect.any(String) })
    expect((await client.call('GET', '/v1/devices/transactions')).status).toBe(200)
  })

  it('OTP-13 a bad signature is refused with BAD_SIGNATURE: another key, changed body, changed path, changed method', async () => {
    const { client } = await newToken()
    const bad = { status: 401, body: { code: 'BAD_SIGNATURE', message: expect.any(String) } }
    expect(await client.renew({ key: (await newDevice()).signingKey })).toEqual(bad)
    expect(await client.correct('12345678', now, { sentBody: JSON.stringify({ otp: '87654321', deviceTime: now.toISOString() }) })).toEqual(bad)
    expect(await client.renew({ signedPath: '/v1/devices/correct' })).toEqual(bad)
    expect(await client.renew({ signedMethod: 'PUT' })).toEqual(bad)
  })

  it('OTP-13 missing or malformed signature headers are refused before the body is looked at', async () => {
    const { token } = await newToken()
    const request = await signRequest(token, 'POST', renewPath, {}, now)
    const without = (name: string) => Object.fromEntries(Object.entries(request.headers).filter(([k]) => k !== name))
    expect(await send(h.url, { ...request, headers: without(DEVICE_HEADERS.signature) })).toEqual({ status: 401, body: { code: 'BAD_SIGNATURE', message: expect.any(String) } })
    expect(await send(h.url, { ...request, headers: without(DEVICE_HEADERS.nonce) })).toEqual({ status: 401, body: { code: 'BAD_SIGNATURE', message: expect.any(String) } })
    expect(await send(h.url, { ...request, headers: without(DEVICE_HEADERS.token) })).toEqual({ status: 401, body: { code: 'DEVICE_UNKNOWN', message: expect.any(String) } })
    expect(await send(h.url, { ...request, body: 'not json' })).toEqual({ status: 401, body: { code: 'BAD_SIGNATURE', message: expect.any(String) } })
  })

  it('OTP-13 a body that is signed but not valid is a 400 with a code, after the signature', async () => {
    const { client } = await newToken()
    const answer = await client.call('POST', renewPath, { unexpected: true })
    expect(answer).toEqual({ status: 400, body: { code: 'BAD_REQUEST', message: 'request does not match the schema' } })
  })

  it('OTP-13 a stale timestamp is refused: exactly the maximum age is accepted, one second more is not (both ways)', async () => {
    const { client } = await newToken()
    const shifted = (ms: number) => new Date(now.getTime() + ms)
    expect((await client.call('GET', '/v1/devices/transactions', undefined, { at: shifted(-MAX_AGE_MS) })).status).toBe(200)
    expect((await client.call('GET', '/v1/devices/transactions', undefined, { at: shifted(MAX_AGE_MS) })).status).toBe(200)
    const stale = { status: 401, body: { code: 'STALE_REQUEST', message: expect.any(String) } }
    expect(await client.call('GET', '/v1/devices/transactions', undefined, { at: shifted(-MAX_AGE_MS - 1000) })).toEqual(stale)
    expect(await client.call('GET', '/v1/devices/transactions', undefined, { at: shifted(MAX_AGE_MS + 1000) })).toEqual(stale)
  })

  it('OTP-13 an unknown device is refused with DEVICE_UNKNOWN', async () => {
    const { client } = await newToken()
    expect(await client.renew({ tokenId: crypto.randomUUID() })).toEqual({ status: 401, body: { code: 'DEVICE_UNKNOWN', message: expect.any(String) } })
    expect(await client.renew({ tokenId: 'not-a-uuid' })).toEqual({ status: 401, body: { code: 'DEVICE_UNKNOWN', message: expect.any(String) } })
  })

  it('OTP-13 a revoked device is refused with DEVICE_REVOKED, and /v1/otp/verify answers as for no active token', async () => {
    const rpKey = await addRelyingPartyKey(h.deps)
    const { userId, token, client } = await newToken()
    expect(await revokeDevice(h.deps.db, { serviceId: SERVICE_ID, userId }, h.deps.clock.now())).toEqual([token.response.tokenId])
    expect(await client.renew()).toEqual({ status: 401, body: { code: 'DEVICE_REVOKED', message: expect.any(String) } })
    expect(await client.call('GET', '/v1/devices/transactions')).toEqual({ status: 401, body: { code: 'DEVICE_REVOKED', message: expect.any(String) } })
    const verdict = await verifyOtp(h.url, rpKey, { serviceId: SERVICE_ID, userId, otp: token.codeAt(now) })
    expect(verdict.body).toEqual({ valid: false, reason: 'unknown' })
    expect(await revokeDevice(h.deps.db, { tokenId: token.response.tokenId }, h.deps.clock.now())).toEqual([])
  })

  it('OTP-13 a revoked device with a wrong key still learns only BAD_SIGNATURE', async () => {
    const { token, client } = await newToken()
    await revokeDevice(h.deps.db, { tokenId: token.response.tokenId }, h.deps.clock.now())
    expect(await client.renew({ key: (await newDevice()).signingKey })).toEqual({ status: 401, body: { code: 'BAD_SIGNATURE', message: expect.any(String) } })
  })

  it('OTP-13 nonces are forgotten once no request carrying them could pass the timestamp check of any route', async () => {
    const { token, client } = await newToken()
    expect((await client.call('GET', '/v1/devices/transactions')).status).toBe(200)
    const stored = () => h.deps.db.selectFrom('device_nonces').select('nonce').where('token_id', '=', token.response.tokenId).execute()
    const [first] = await stored()
    expect(first).toBeDefined()
    const start = now.getTime()
    const kept = 2 * CORRECTION_REQUEST_MAX_AGE_SECONDS * 1000
    // パスワード補正 accepts the widest window, so a nonce is kept for twice that: still there just before …
    await setNow(new Date(start + kept - MAX_AGE_MS))
    expect((await client.call('GET', '/v1/devices/transactions')).status).toBe(200)
    expect(await stored()).toHaveLength(2)
    // … and gone after.
    await setNow(new Date(start + kept + MAX_AGE_MS))
    expect((await client.call('GET', '/v1/devices/transactions')).status).toBe(200)
    expect(await stored()).toHaveLength(2)
    expect(await stored()).not.toContainEqual(first)
  })

  it('SVC-09 the OpenAPI document lists the device and transaction routes, with the device headers', async () => {
    const doc = (await (await fetch(`${h.url}/docs/json`)).json()) as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> }
    for (const path of ['/v1/devices/renew', '/v1/devices/correct', '/v1/devices/transactions/enrol', '/v1/devices/transactions/{id}/decision', '/v1/transactions']) {
      expect(doc.paths[path]).toHaveProperty('post')
    }
    expect(doc.paths['/v1/devices/transactions']).toHaveProperty('get')
    expect(doc.paths['/v1/transactions/{id}']).toHaveProperty('get')
    const headers = doc.paths['/v1/devices/renew']!.post!.parameters!.filter((p) => p.in === 'header').map((p) => p.name)
    expect(headers.sort()).toEqual(Object.values(DEVICE_HEADERS).sort())
  })
})
