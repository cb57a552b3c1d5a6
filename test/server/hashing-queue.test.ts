// SEC-03: every scrypt call waits in one bounded queue; when it is full the service answers 503 with Retry-After
// at once — never a hang, never a 500 — and answers normally again once it drains. A small configured queue (one
// at a time, one waiting) makes it full with a handful of requests.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { newDevice } from './client.ts'
import { addService, SERVICE_ID } from './fixtures.ts'
import { loadConfig } from '../../server/src/config.ts'
import { BoundedQueue, defaultHashConcurrency, QueueFullError } from '../../server/src/work-queue.ts'

it('SEC-03 the queue runs at most `concurrency` tasks, lets `maxWaiting` wait, refuses the next at once and recovers', async () => {
  const queue = new BoundedQueue({ concurrency: 2, maxWaiting: 1 })
  let running = 0
  let most = 0
  const releases: (() => void)[] = []
  const task = () =>
    queue.run(async () => {
      most = Math.max(most, ++running)
      await new Promise<void>((resolve) => releases.push(resolve))
      running--
    })
  const accepted = [task(), task(), task()]
  await expect(task()).rejects.toBeInstanceOf(QueueFullError)
  while (releases.length || running) {
    releases.shift()?.()
    await new Promise((resolve) => setImmediate(resolve))
  }
  await Promise.all(accepted)
  expect(most).toBe(2)
  await expect(queue.run(async () => 'again')).resolves.toBe('again')
})

it('SEC-03 by default the hashes of a host leave one core to the event loops: cores − 1, shared by the worker processes, at least 1 each', () => {
  expect(defaultHashConcurrency(1, 2)).toBe(1)
  expect(defaultHashConcurrency(1, 8)).toBe(7)
  expect(defaultHashConcurrency(3, 8)).toBe(2)
  expect(defaultHashConcurrency(8, 8)).toBe(1)
  expect(defaultHashConcurrency(1, 1)).toBe(1)
  expect(loadConfig({ WORKERS: '1' }).hashing.concurrency).toBe(defaultHashConcurrency(1))
  expect(loadConfig({ WORKERS: '2', HASH_CONCURRENCY: '3' }).hashing.concurrency).toBe(3)
})

describeOnEachDatabase('bounded hashing', (target) => {
  let h: Harness

  beforeAll(async () => {
    h = await startHarness(target, { env: { HASH_CONCURRENCY: '1', HASH_QUEUE_LIMIT: '1' } })
    await addService(h.deps)
  })
  afterAll(() => h.close())

  it('SEC-03 a full hashing queue answers 503 with Retry-After and a code, not a hang; then the service answers again', async () => {
    const device = await newDevice()
    const attempt = (userId: string) =>
      fetch(`${h.url}/v1/devices/provision`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          serviceId: SERVICE_ID,
          userId,
          activationPassword: 'WRONGPASS9',
          deviceTime: new Date().toISOString(),
          devicePublicKey: device.devicePublicKey,
          ephemeralPublicKey: device.ephemeral.publicKey,
        }),
      })
    const refused = await attempt('alone')
    expect(refused.status).toBeLessThan(500) // the seed's refusal of an unknown user, hashed like a known one
    const burst = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(`guess${i}`)))
    const statuses = burst.map((r) => r.status)
    expect(statuses.every((s) => s === refused.status || s === 503)).toBe(true)
    const busy = burst.filter((r) => r.status === 503)
    expect(busy.length).toBeGreaterThan(0)
    expect(busy.length).toBeLessThan(12)
    expect(await busy[0]!.json()).toEqual({ code: 'BUSY', message: expect.any(String) })
    expect(Number(busy[0]!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await attempt('after')).status).toBe(refused.status)
  })
})
