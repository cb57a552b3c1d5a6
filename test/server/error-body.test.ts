// SVC-09 / issue 10 "one way to refuse": every refusal of the API — device, staff, relying-party and telephony
// routes, an unknown path, a body that does not parse or is too large — is the one error body ApiError, with the
// status the route's descriptor gives its code; the OpenAPI document says so for every described route; a code a
// route does not declare is a fault of ours (500 INTERNAL with the request id); the OAuth surface keeps RFC 6749.
import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ApiError, route } from '@shinkumi/common/wire/route.ts'
import { answerErrorsAs, errors } from '../../server/src/errors.ts'
import { Refusal } from '../../server/src/refusal.ts'
import { serve } from '../../server/src/wire.ts'
import { addRelyingPartyKey } from './fixtures.ts'
import { DATABASES, startHarness, type Harness } from './harness.ts'

const OneErrorBody = ApiError.strict()

describe('SVC-09 every API refusal has the one error body', () => {
  let h: Harness
  let rpKey: string
  beforeAll(async () => {
    h = await startHarness(DATABASES[0]!)
    rpKey = await addRelyingPartyKey(h.deps)
  })
  afterAll(() => h.close())

  const send = async (method: 'GET' | 'POST', url: string, options: { headers?: Record<string, string>; body?: string } = {}) => {
    const answer = await h.app.inject({ method, url, headers: { 'content-type': 'application/json', ...options.headers }, payload: options.body })
    return { status: answer.statusCode, body: answer.json<unknown>() }
  }

  it('SVC-09 device, staff, relying-party and telephony refusals, an unknown path, malformed JSON and a body too large', async () => {
    const rp = { authorization: `Bearer ${rpKey}` }
    const cases = [
      ['unsigned device request', await send('POST', '/v1/devices/renew', { body: '{}' }), 401, 'DEVICE_UNKNOWN'],
      ['provisioning schema failure (seed 4.3)', await send('POST', '/v1/devices/provision', { body: '{}' }), 400, 'S0G1'],
      ['staff without a session', await send('GET', '/v1/staff/session'), 401, 'STAFF_UNAUTHENTICATED'],
      ['staff schema failure', await send('POST', '/v1/staff/session', { body: '{}' }), 400, 'BAD_REQUEST'],
      ['relying party without a key', await send('POST', '/v1/otp/verify', { body: '{}' }), 401, 'UNAUTHORIZED'],
      ['relying party, a transaction not its own', await send('GET', `/v1/transactions/${crypto.randomUUID()}`, { headers: rp }), 404, 'TX_NOT_FOUND'],
      ['unsigned telephony call', await send('POST', '/v1/telephony/inbound-call', { body: '{}' }), 401, 'INVALID_SIGNATURE'],
      ['unknown path', await send('GET', '/v1/nowhere'), 404, 'NOT_FOUND'],
      ['malformed JSON', await send('POST', '/v1/otp/verify', { headers: rp, body: '{"serviceId":' }), 400, 'BAD_REQUEST'],
      ['body too large', await send('POST', '/v1/staff/session', { body: `{"staffId":"${'x'.repeat(70 * 1024)}"}` }), 413, 'PAYLOAD_TOO_LARGE'],
    ] as const
    for (const [what, answer, status, code] of cases) {
      expect(OneErrorBody.safeParse(answer.body).success, `${what}: ${JSON.stringify(answer.body)}`).toBe(true)
      expect({ what, status: answer.status, code: (answer.body as ApiError).code }).toEqual({ what, status, code })
    }
  })

  it('SVC-09 the OpenAPI document: ApiError is a component, and every 4xx/5xx of the described routes refers to it', async () => {
    interface Document {
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }> }>>
      components: { schemas: Record<string, { required?: string[] }> }
    }
    const document = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json<Document>()
    expect(document.components.schemas.ApiError?.required).toEqual(expect.arrayContaining(['code', 'message']))
    const described = ['/v1/devices/', '/v1/staff/', '/v1/otp/', '/v1/transactions', '/v1/telephony/']
    const refs = Object.entries(document.paths)
      .filter(([path]) => described.some((prefix) => path.startsWith(prefix)))
      .flatMap(([path, methods]) =>
        Object.entries(methods).flatMap(([method, op]) =>
          Object.entries(op.responses ?? {})
            .filter(([status]) => /^[45]/.test(status))
            .map(([status, response]) => `${method} ${path} ${status} ${response.content?.['application/json']?.schema?.$ref}`),
        ),
      )
    expect(refs.length).toBeGreaterThan(2 * 30)
    expect(refs.filter((ref) => !ref.endsWith(' #/components/schemas/ApiError'))).toEqual([])
  })
})

describe('SVC-09 the one error handler', () => {
  const example = route({
    operationId: 'example',
    summary: 'example',
    method: 'POST',
    prefix: '/v1/example',
    path: '/:what',
    auth: 'none',
    params: z.object({ what: z.enum(['declared', 'undeclared', 'fault']) }),
    response: z.object({}),
    refusals: { DECLARED: 409 },
  })
  const logged: string[] = []
  const app = Fastify({ logger: { level: 'info', stream: { write: (line: string) => void logged.push(line) } }, genReqId: (request) => String(request.headers['x-request-id']) })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)

  beforeAll(async () => {
    await app.register(errors)
    const handler = async (request: { params: { what: 'declared' | 'undeclared' | 'fault' } }) => {
      if (request.params.what === 'declared') throw new Refusal('DECLARED', 'declared by the route')
      if (request.params.what === 'undeclared') throw new Refusal('UNDECLARED', 'not in the contract')
      throw new Error('a fault of ours, /src/secret.ts:12')
    }
    await app.register(async (area) => serve(area, example, handler), { prefix: example.prefix })
    await app.register(async (area) => {
      answerErrorsAs(area, 'oauth')
      area.post('/oauth/example', async () => {
        throw new Error('fault')
      })
    })
    await app.ready()
  })
  afterAll(() => app.close())

  it('SVC-09 a declared code has its status; an undeclared one is a logged contract fault (500 INTERNAL, the request id)', async () => {
    const declared = await app.inject({ method: 'POST', url: '/v1/example/declared' })
    expect({ status: declared.statusCode, body: declared.json() }).toEqual({ status: 409, body: { code: 'DECLARED', message: 'declared by the route' } })
    for (const what of ['undeclared', 'fault']) {
      const answer = await app.inject({ method: 'POST', url: `/v1/example/${what}`, headers: { 'x-request-id': `req-${what}` } })
      expect({ status: answer.statusCode, body: answer.json() }).toEqual({ status: 500, body: { code: 'INTERNAL', message: 'internal error', correlationId: `req-${what}` } })
      expect(answer.body).not.toContain('/src/')
    }
    expect(logged.some((line) => line.includes('refusal the route does not declare') && line.includes('UNDECLARED'))).toBe(true)
  })

  it('SVC-09 the OAuth surface answers RFC 6749 §5.2, chosen by its route config', async () => {
    const answer = await app.inject({ method: 'POST', url: '/oauth/example' })
    expect(answer.statusCode).toBe(500)
    expect(answer.json()).toEqual({ error: 'server_error', error_description: expect.stringMatching(/^internal error \(.+\)$/) })
  })
})
