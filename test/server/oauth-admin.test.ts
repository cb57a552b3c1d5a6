// SVC-03 / OAUTH-03: the admin CLI's part in FAPI — the demo publishes the FAPI client with its demo key,
// `client-add --jwks FILE --fapi` registers a client by its public keys, which can then push requests signed with
// the private half (and is refused a plain authorization request).
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { DATABASES, startHarness, type Harness } from './harness.ts'
import { JWT_BEARER } from '../../server/src/oauth/client-auth.ts'
import { LinkageBrowser, pkce } from './linkage-client.ts'
import { postForm } from './fapi-client.ts'
import { linkageDemoPart } from '../../server/src/cli/linkage-commands.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

describe('admin CLI for FAPI clients', () => {
  let h: Harness
  const admin = async (...args: string[]) => {
    const { stdout } = await promisify(execFile)(`${ROOT}node_modules/.bin/node`, ['src/cli/admin.ts', ...args, '--json'], { cwd: `${ROOT}server`, env: { ...process.env, ...h.env } })
    return JSON.parse(stdout) as Record<string, unknown>
  }

  beforeAll(async () => {
    h = await startHarness(DATABASES[0]!)
  })
  afterAll(() => h.close())

  it('SVC-03 OAUTH-03 demo --json publishes the FAPI client: private_key_jwt, DPoP, its demo private JWK', async () => {
    // The linkage part of `demo` as the CLI prints it (the whole demo, staff and all, is run by admin-cli.test.ts).
    const demo = (await linkageDemoPart.load(h.deps, {})) as { oauthClients: Record<string, unknown>[] }
    expect(demo.oauthClients).toContainEqual(
      expect.objectContaining({
        clientId: 'demo-kakeibo-fapi',
        redirectUri: 'http://127.0.0.1:8790/callback',
        scope: 'accounts',
        tokenEndpointAuthMethod: 'private_key_jwt',
        dpop: true,
        privateJwk: expect.objectContaining({ kty: 'EC', crv: 'P-256', d: expect.any(String) }),
      }),
    )
    expect(demo.oauthClients).toContainEqual(expect.objectContaining({ clientId: 'demo-kakeibo', clientSecret: expect.any(String) }))
  })

  it('SVC-03 OAUTH-02 OAUTH-03 client-add --jwks FILE --fapi registers public keys; the client pushes with the private key and must use PAR', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256')
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-jwks-'))
    const file = path.join(dir, 'jwks.json')
    fs.writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256' }] }))
    const added = await admin('client-add', '--name', '家計簿テスト株式会社', '--redirect-uri', 'https://app.example/cb', '--jwks', file, '--fapi')
    expect(added).toMatchObject({ tokenEndpointAuthMethod: 'private_key_jwt', dpop: true })
    expect(added.clientSecret).toBeUndefined()
    const clientId = String(added.clientId)

    const now = Math.floor(Date.now() / 1000)
    const assertion = await new SignJWT({ iss: clientId, sub: clientId, aud: h.url, jti: crypto.randomUUID(), iat: now, exp: now + 30 })
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .sign(privateKey)
    const pushed = await postForm(`${h.url}/oauth/par`, {
      response_type: 'code',
      code_challenge: pkce().challenge,
      code_challenge_method: 'S256',
      client_id: clientId,
      client_assertion_type: JWT_BEARER,
      client_assertion: assertion,
    })
    expect(pushed.status).toBe(201)
    const plain = await new LinkageBrowser(h.url).request(
      `/oauth/authorize?${new URLSearchParams({ client_id: clientId, response_type: 'code', code_challenge: pkce().challenge, code_challenge_method: 'S256' })}`,
    )
    expect(new URL(plain.location!).searchParams.get('error')).toBe('invalid_request')
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('SVC-03 client-add refuses a JWK Set holding a private key', async () => {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true })
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-jwks-')), 'jwks.json')
    fs.writeFileSync(file, JSON.stringify({ keys: [await exportJWK(privateKey)] }))
    await expect(admin('client-add', '--name', 'x', '--redirect-uri', 'https://app.example/cb', '--jwks', file)).rejects.toThrow(/public keys only/)
  })
})
