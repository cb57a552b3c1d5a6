// OTP-25 / SVC-06: one transaction, many concurrent answers — and answers racing its expiry (the manual clock moved
// while they are in flight): exactly one outcome, on each database, over real HTTP.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { transactionContentSha256 } from '@shinkumi/common/protocol.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { setServiceClock, setUpToken } from './client.ts'
import { addTransactionService, createTransaction, DETAILS, deviceClient, send, signRequest, transactionStatus, TX_SERVICE_ID } from './device-client.ts'
import { addRelyingPartyKey, issue } from './fixtures.ts'

const T0 = new Date('2030-01-15T03:00:30Z')
const CONCURRENT = 20

describeOnEachDatabase('transaction confirmation under concurrency', (target) => {
  let h: Harness
  let rpKey: string
  let hash: string
  let token: Awaited<ReturnType<typeof setUpToken>>
  let userId: string

  const submit = async (expiresInSeconds = 300) => (await createTransaction(h.url, rpKey, { serviceId: TX_SERVICE_ID, userId, details: DETAILS, expiresInSeconds })).body.id!
  /** Signed before any is sent, so that all of them are in flight together. */
  const signedDecisions = (id: string, at: Date, decisionOf: (i: number) => 'approve' | 'reject') =>
    Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) => signRequest(token, 'POST', `/v1/devices/transactions/${id}/decision`, { decision: decisionOf(i), contentSha256: hash }, at)),
    )
  const row = (id: string) => h.deps.db.selectFrom('transaction_confirmations').select(['status', 'decided_at', 'expires_at']).where('id', '=', id).executeTakeFirstOrThrow()

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    await addTransactionService(h.deps)
    rpKey = await addRelyingPartyKey(h.deps)
    hash = await transactionContentSha256(DETAILS)
    await setServiceClock(h.url, T0)
    userId = 'concurrent1'
    const { activationPassword } = await issue(h.deps, userId, { serviceId: TX_SERVICE_ID })
    token = await setUpToken(h.url, { serviceId: TX_SERVICE_ID, userId, activationPassword, deviceTime: T0 })
    await deviceClient(h.url, token, () => T0).enrol()
  })
  afterAll(() => h.close())

  it('OTP-25 20 concurrent approvals of one transaction: exactly one counts, the others are TX_NOT_PENDING', async () => {
    const id = await submit()
    const answers = await Promise.all((await signedDecisions(id, T0, () => 'approve')).map((r) => send(h.url, r)))
    expect(answers.filter((a) => a.status === 200)).toEqual([{ status: 200, body: { status: 'approved' } }])
    expect(answers.filter((a) => a.body.code === 'TX_NOT_PENDING')).toHaveLength(CONCURRENT - 1)
    expect((await transactionStatus(h.url, rpKey, id)).body).toEqual({ status: 'approved' })
  })

  it('OTP-25 20 concurrent approvals and rejections: exactly one counts, and the relying party reads that one', async () => {
    const id = await submit()
    const answers = await Promise.all((await signedDecisions(id, T0, (i) => (i % 2 ? 'approve' : 'reject'))).map((r) => send(h.url, r)))
    const winners = answers.filter((a) => a.status === 200)
    expect(winners).toHaveLength(1)
    expect(answers.filter((a) => a.body.code === 'TX_NOT_PENDING')).toHaveLength(CONCURRENT - 1)
    expect((await transactionStatus(h.url, rpKey, id)).body).toEqual(winners[0]!.body)
  })

  it('OTP-25 approvals racing the expiry (clock moved to the expiry while they are in flight): exactly one outcome each time', async () => {
    for (let round = 0; round < 5; round++) {
      const start = new Date(T0.getTime() + round * 60_000)
      await setServiceClock(h.url, start)
      const id = await submit(10)
      const requests = (await signedDecisions(id, start, () => 'approve')).map((r) => () => send(h.url, r))
      const expire = async () => {
        await setServiceClock(h.url, new Date(start.getTime() + 10_000))
        return { status: 0, body: {} as Record<string, unknown> }
      }
      // The clock moves at a different place among the requests each round.
      const cut = (round * 4 + 2) % CONCURRENT
      const answers = (await Promise.all([...requests.slice(0, cut), expire, ...requests.slice(cut)].map((f) => f()))).filter((a) => a.status !== 0)
      const approved = answers.filter((a) => a.status === 200)
      expect(approved.length).toBeLessThanOrEqual(1)
      expect(answers.filter((a) => a.body.code === 'TX_NOT_PENDING')).toHaveLength(CONCURRENT - approved.length)
      const seen = (await transactionStatus(h.url, rpKey, id)).body.status
      expect(seen).toBe(approved.length === 1 ? 'approved' : 'expired')
      const stored = await row(id)
      if (approved.length === 1) expect(stored.decided_at!).toBeLessThan(stored.expires_at)
      else expect(stored).toMatchObject({ status: 'pending', decided_at: null })
    }
  })
})
