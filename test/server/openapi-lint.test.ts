// SVC-09 / issue 9: the OpenAPI document at /docs/json — every operation named (operationId) and summarised, the
// OAuth endpoints and the account API with their security schemes — and `redocly lint` finds no error in it.
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASES, startHarness, type Harness } from './harness.ts'

const redocly = path.resolve('node_modules/.bin/redocly')

interface Operation {
  operationId?: string
  summary?: string
  security?: Record<string, string[]>[]
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>
}

describe('OpenAPI document', () => {
  let h: Harness
  let document: { paths: Record<string, Record<string, Operation>>; components: { securitySchemes: Record<string, { type: string; scheme?: string }> } }

  beforeAll(async () => {
    h = await startHarness(DATABASES[0]!)
    document = (await (await fetch(`${h.url}/docs/json`)).json()) as typeof document
  })
  afterAll(() => h.close())

  it('SVC-09 OAUTH-01 every operation has an operationId and a summary; OAuth and the account API carry their security schemes', () => {
    const operations = Object.entries(document.paths).flatMap(([p, methods]) => Object.entries(methods).map(([method, op]) => ({ at: `${method.toUpperCase()} ${p}`, ...op })))
    expect(operations.filter((op) => !op.operationId || !op.summary).map((op) => op.at)).toEqual([])
    const ids = operations.map((op) => op.operationId)
    expect(new Set(ids).size).toBe(ids.length)
    const byPath = (p: string, method = 'post') => document.paths[p]?.[method]
    for (const p of ['/oauth/par', '/oauth/token', '/oauth/revoke']) expect(byPath(p)?.security).toEqual([{ clientSecretBasic: [] }, { privateKeyJwt: [] }])
    expect(byPath('/oauth/authorize', 'get')).toBeDefined()
    expect(byPath('/.well-known/oauth-authorization-server', 'get')).toBeDefined()
    expect(byPath('/v1/accounts', 'get')?.security).toEqual([{ oauth2: ['accounts'] }, { dpop: [] }])
    expect(document.components.securitySchemes).toMatchObject({
      oauth2: { type: 'oauth2' },
      dpop: { type: 'http', scheme: 'DPoP' },
      relyingParty: { type: 'http', scheme: 'bearer' },
      staffSession: { type: 'http', scheme: 'bearer' },
    })
  })

  it('SVC-09 the OAuth endpoints and the account API answer errors in one documented shape (OAuthError)', () => {
    const refs = Object.entries(document.paths)
      .filter(([p]) => p.startsWith('/oauth/') || p.startsWith('/v1/accounts'))
      .flatMap(([p, methods]) =>
        Object.values(methods).flatMap((op) =>
          Object.entries(op.responses ?? {})
            .filter(([status]) => status.startsWith('4'))
            .map(([status, r]) => `${p} ${status} ${r.content?.['application/json']?.schema?.$ref}`),
        ),
      )
    expect(refs.length).toBeGreaterThan(8)
    expect(refs.filter((r) => !r.endsWith('#/components/schemas/OAuthError'))).toEqual([])
  })

  it('SVC-09 redocly lint reports no error', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-openapi-'))
    const file = path.join(dir, 'openapi.json')
    fs.writeFileSync(file, JSON.stringify(document))
    // redocly exits non-zero when it finds errors; the JSON report says which.
    const run = await promisify(execFile)(redocly, ['lint', file, '--format=json'], { cwd: dir }).catch((error: { stdout: string }) => error)
    const report = JSON.parse(run.stdout) as { problems: { severity: string; ruleId: string; message: string; location: { pointer: string }[] }[] }
    const errors = report.problems.filter((p) => p.severity === 'error').map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`)
    expect(errors).toEqual([])
    fs.rmSync(dir, { recursive: true, force: true })
  }, 60_000)
})
