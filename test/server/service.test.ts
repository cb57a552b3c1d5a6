// SVC-08 (test clock) and SVC-09 (health, metrics, OpenAPI) on each database.
import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../server/src/config.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { postJson } from './client.ts'

describe('SVC-08 configuration', () => {
  it('SVC-08 loadConfig refuses CLOCK=manual in production mode', () => {
    const production = { NODE_ENV: 'production', SEED_KEY: randomBytes(32).toString('base64') }
    expect(() => loadConfig({ ...production, CLOCK: 'manual' })).toThrow(/CLOCK=manual/)
    expect(loadConfig({ CLOCK: 'manual' }).manualClock).toBe(true)
  })
})

describeOnEachDatabase('service', (target) => {
  let system: Harness
  let manual: Harness
  beforeAll(async () => {
    system = await startHarness(target)
    manual = await startHarness(target, { manualClock: true })
  })
  afterAll(async () => {
    await system.close()
    await manual.close()
  })

  it('SVC-08 POST /__test__/clock sets the time of a service started with CLOCK=manual', async () => {
    const now = '2031-04-01T09:00:00.000Z'
    expect(await postJson(`${manual.url}/__test__/clock`, { now })).toEqual({ status: 200, body: { now } })
    expect(manual.deps.clock.now().toISOString()).toBe(now)
  })

  it('SVC-08 the test clock route does not exist without CLOCK=manual', async () => {
    const answer = await postJson(`${system.url}/__test__/clock`, { now: '2031-04-01T09:00:00Z' })
    expect(answer.status).toBe(404)
    expect(Math.abs(system.deps.clock.now().getTime() - Date.now())).toBeLessThan(60_000)
  })

  it('SVC-09 GET /healthz answers ok with the database in use', async () => {
    const response = await fetch(`${system.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', database: target.kind })
  })

  it("SVC-09 GET /metrics is Prometheus text that times every area's routes", async () => {
    await postJson(`${system.url}/v1/otp/verify`, {})
    const response = await fetch(`${system.url}/metrics`)
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await response.text()
    expect(text).toContain('# TYPE http_request_duration_seconds histogram')
    expect(text).toMatch(/http_request_duration_seconds_count\{method="POST",route="\/v1\/otp\/verify",status="401"\} 1/)
  })

  it('SVC-09 GET /docs/json is an OpenAPI document listing the OTP and provisioning routes', async () => {
    const doc = (await (await fetch(`${system.url}/docs/json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> }
    expect(doc.openapi).toMatch(/^3\./)
    expect(doc.paths['/v1/otp/verify']).toHaveProperty('post')
    expect(doc.paths['/v1/devices/provision']).toHaveProperty('post')
  })
})
