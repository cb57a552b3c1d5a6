// OTP-12: every row of the transport-error table in main/core/service-client.ts, against real local servers where
// a real failure can be staged, and as a pure table for the renewal (A3) and correction (A4) families.
import fs from 'node:fs'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import path from 'node:path'
import { execFileSync } from 'node:child_process'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deviceRoutes } from '@shinkumi/common/wire/devices.ts'
import { transportErrorCode, type ErrorFamily } from '../../main/core/service-client.ts'
import { createTestApp, tempDir, validInput } from './helpers/app.ts'

type Server = http.Server | https.Server | net.Server
const servers: Server[] = []

async function listen<S extends Server>(server: S): Promise<number> {
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

async function httpService(handler: http.RequestListener): Promise<string> {
  return `http://127.0.0.1:${await listen(http.createServer(handler))}`
}

const answer =
  (status: number, body: string, type = 'application/json'): http.RequestListener =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': type }).end(body)
  }

async function provisionCode(serviceUrl: string, options: { mode?: 'setup' | 'add'; timeoutMs?: number } = {}) {
  const { api } = createTestApp({ serviceUrl, timeoutMs: options.timeoutMs })
  const result = await api['tokens.provision'](validInput({ mode: options.mode ?? 'setup' }))
  expect(result.ok).toBe(false)
  return result.ok ? undefined : result.error.code
}

afterAll(() => {
  for (const server of servers) {
    if (server instanceof http.Server) server.closeAllConnections()
    server.close()
  }
})

describe('OTP-12 A000 cannot connect', () => {
  it('A000 when nothing listens on the port (ECONNREFUSED)', async () => {
    const port = await listen(net.createServer())
    await new Promise((resolve) => servers.pop()?.close(resolve))
    expect(await provisionCode(`http://127.0.0.1:${port}`)).toBe('A000')
  })

  it('A000 when the host name does not resolve (ENOTFOUND / EAI_AGAIN)', async () => {
    expect(await provisionCode('https://shinkumi-otp.invalid')).toBe('A000')
  })
})

describe('OTP-12 A001 timeout', () => {
  it('A001 when the service accepts the request and never answers', async () => {
    const url = await httpService(() => undefined)
    expect(await provisionCode(url, { timeoutMs: 200 })).toBe('A001')
  })

  it('A001 when the answer starts and then stalls', async () => {
    const url = await httpService((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      res.write('{"tokenId":')
    })
    expect(await provisionCode(url, { timeoutMs: 200 })).toBe('A001')
  })
})

describe('OTP-12 A002 TLS failure', () => {
  const openssl = (() => {
    try {
      execFileSync('openssl', ['version'])
      return true
    } catch {
      return false
    }
  })()
  let tlsUrl = ''

  beforeAll(async () => {
    if (!openssl) return
    const dir = tempDir()
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')]
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    )
    const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, answer(200, '{}'))
    tlsUrl = `https://127.0.0.1:${await listen(server)}`
  })

  it.skipIf(!openssl)('A002 for a self-signed certificate (DEPTH_ZERO_SELF_SIGNED_CERT)', async () => {
    expect(await provisionCode(tlsUrl)).toBe('A002')
  })

  it('A002 when the peer does not speak TLS at all (ERR_SSL_WRONG_VERSION_NUMBER)', async () => {
    const url = await httpService(answer(200, '{}'))
    expect(await provisionCode(url.replace('http:', 'https:'))).toBe('A002')
  })
})

describe('OTP-12 A006 connection reset or closed mid-answer', () => {
  it('A006 when the service drops the connection on receiving the request', async () => {
    const url = await httpService((req) => req.socket.destroy())
    expect(await provisionCode(url)).toBe('A006')
  })

  it('A006 when the connection closes in the middle of the body', async () => {
    const url = await httpService((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' })
      res.write('{"tokenId":', () => req.socket.destroy())
    })
    expect(await provisionCode(url)).toBe('A006')
  })
})

describe('OTP-12 HTTP statuses without a known service code', () => {
  it.each([
    [404, '{"message":"no such route"}', 'A007'],
    [400, '{"code":"S9Z9"}', 'A007'],
    [401, 'unauthorised', 'A007'],
    [302, '', 'A007'],
    [500, '{"code":"INTERNAL"}', 'A008'],
    [502, '<html>bad gateway</html>', 'A008'],
    [503, '{"message":"maintenance"}', 'A010'],
    [429, '', 'A010'],
  ])('HTTP %i %s → %s', async (status, body, code) => {
    expect(await provisionCode(await httpService(answer(status, body)))).toBe(code)
  })
})

describe('OTP-12 A009 malformed answer', () => {
  it.each([
    ['not JSON', '<html>hello</html>'],
    ['JSON of another shape', '{"tokenId":"x"}'],
    ['a service code on a 200', '{"code":"S0C1"}'],
    ['more than 1 MiB', JSON.stringify({ padding: 'x'.repeat(1_100_000) })],
  ])('A009 for %s', async (_label, body) => {
    expect(await provisionCode(await httpService(answer(200, body)))).toBe('A009')
  })

  it('A009 when the peer does not answer HTTP', async () => {
    const port = await listen(net.createServer((socket) => socket.end('SSH-2.0-OpenSSH_9.2\r\n\r\n')))
    expect(await provisionCode(`http://127.0.0.1:${port}`)).toBe('A009')
  })
})

describe('OTP-12 service codes pass through', () => {
  it.each(Object.keys(deviceRoutes.provision.refusals))('%s from the service is shown as %s', async (code) => {
    expect(await provisionCode(await httpService(answer(403, JSON.stringify({ code }))))).toBe(code)
  })

  it('OTP-12 S0A1 (unknown service ID) is shown as S0B1 on トークン追加', async () => {
    const url = await httpService(answer(404, '{"code":"S0A1"}'))
    expect(await provisionCode(url, { mode: 'setup' })).toBe('S0A1')
    expect(await provisionCode(url, { mode: 'add' })).toBe('S0B1')
  })
})

const fetchFailure = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) })

describe('OTP-12 / OTP-23 / OTP-24 transportErrorCode table', () => {
  const rows: [string, unknown, Record<Exclude<ErrorFamily, 'TX' | 'STAFF'>, string>][] = [
    ['ECONNREFUSED', fetchFailure('ECONNREFUSED'), { A0: 'A000', A3: 'A300', A4: 'A400' }],
    ['ENOTFOUND', fetchFailure('ENOTFOUND'), { A0: 'A000', A3: 'A300', A4: 'A400' }],
    ['EAI_AGAIN', fetchFailure('EAI_AGAIN'), { A0: 'A000', A3: 'A300', A4: 'A400' }],
    ['ENETUNREACH', fetchFailure('ENETUNREACH'), { A0: 'A000', A3: 'A300', A4: 'A400' }],
    ['EHOSTUNREACH', fetchFailure('EHOSTUNREACH'), { A0: 'A000', A3: 'A300', A4: 'A400' }],
    [
      'AggregateError of ECONNREFUSED',
      Object.assign(new TypeError('fetch failed'), { cause: new AggregateError([fetchFailure('ECONNREFUSED').cause]) }),
      { A0: 'A000', A3: 'A300', A4: 'A400' },
    ],
    ['TimeoutError', new DOMException('The operation was aborted due to timeout', 'TimeoutError'), { A0: 'A001', A3: 'A301', A4: 'A401' }],
    ['UND_ERR_CONNECT_TIMEOUT', fetchFailure('UND_ERR_CONNECT_TIMEOUT'), { A0: 'A001', A3: 'A301', A4: 'A401' }],
    ['CERT_HAS_EXPIRED', fetchFailure('CERT_HAS_EXPIRED'), { A0: 'A002', A3: 'A302', A4: 'A401' }],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', fetchFailure('DEPTH_ZERO_SELF_SIGNED_CERT'), { A0: 'A002', A3: 'A302', A4: 'A401' }],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', fetchFailure('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), { A0: 'A002', A3: 'A302', A4: 'A401' }],
    ['ERR_TLS_CERT_ALTNAME_INVALID', fetchFailure('ERR_TLS_CERT_ALTNAME_INVALID'), { A0: 'A002', A3: 'A302', A4: 'A401' }],
    ['ECONNRESET', fetchFailure('ECONNRESET'), { A0: 'A006', A3: 'A306', A4: 'A401' }],
    ['UND_ERR_SOCKET', fetchFailure('UND_ERR_SOCKET'), { A0: 'A006', A3: 'A306', A4: 'A401' }],
    ['HTTP 404', new Response(null, { status: 404 }), { A0: 'A007', A3: 'A307', A4: 'A403' }],
    ['HTTP 500', new Response(null, { status: 500 }), { A0: 'A008', A3: 'A308', A4: 'A403' }],
    ['HPE_INVALID_CONSTANT', fetchFailure('HPE_INVALID_CONSTANT'), { A0: 'A009', A3: 'A309', A4: 'A403' }],
    ['HTTP 503', new Response(null, { status: 503 }), { A0: 'A010', A3: 'A310', A4: 'A403' }],
    ['HTTP 429', new Response(null, { status: 429 }), { A0: 'A010', A3: 'A310', A4: 'A403' }],
  ]
  it.each(rows)('%s', (_label, failure, codes) => {
    for (const family of ['A0', 'A3', 'A4'] as const) expect(transportErrorCode(failure, family)).toBe(codes[family])
  })

  it.each(rows)('OTP-25 取引確認 (no seed codes): %s is TX_OFFLINE when unreachable, TX_FAILED otherwise', (_label, failure, codes) => {
    expect(transportErrorCode(failure, 'TX')).toBe(codes.A0 === 'A000' ? 'TX_OFFLINE' : 'TX_FAILED')
  })

  it.each(rows)('STF-01 staff mode: %s is STAFF_OFFLINE when no answer came, STAFF_SERVICE_ERROR otherwise', (_label, failure, codes) => {
    const noAnswer = ['A000', 'A001', 'A002', 'A006'].includes(codes.A0)
    expect(transportErrorCode(failure, 'STAFF')).toBe(noAnswer ? 'STAFF_OFFLINE' : 'STAFF_SERVICE_ERROR')
  })
})

describe('OTP-12 STF-01 one client: staff and customer calls are refused alike', () => {
  const signedIn = JSON.stringify({
    staff: { staffId: 'teller01', name: '窓口 一郎', role: '窓口' },
    expiresAt: '2030-01-01T00:00:00Z',
    expiresInSeconds: 8 * 3600,
    idleTimeoutSeconds: 900,
    token: `stf_${'a'.repeat(43)}`,
  })

  /** A service that signs staff in and answers everything else with `other`; and whether anything followed a redirect. */
  async function service(other: http.RequestListener) {
    const elsewhere: string[] = []
    const target = await httpService((req, res) => {
      elsewhere.push(req.url ?? '')
      answer(200, signedIn)(req, res)
    })
    const url = await httpService((req, res) => {
      if (req.method === 'POST' && req.url === '/v1/staff/session') return answer(200, signedIn)(req, res)
      return other(req, res)
    })
    return { url, target, elsewhere }
  }

  async function staffSearchCode(serviceUrl: string) {
    const { api } = createTestApp({ serviceUrl })
    expect(await api['staff.signIn']({ staffId: 'teller01', password: 'x', otp: '123456' })).toMatchObject({ ok: true })
    const result = await api['staff.search']({ by: 'account', branch: '115', accountNumber: '1100026' })
    return result.ok ? undefined : result.error.code
  }

  it('OTP-12 STF-01 a redirect and an oversize answer are refused the same way for staff and customer calls', async () => {
    let redirectTo = ''
    const redirect = await service((_req, res) => void res.writeHead(307, { location: redirectTo }).end())
    redirectTo = `${redirect.target}/v1/staff/customers/search`
    // A redirect is an HTTP refusal (not followed: the service URL is the only peer) …
    expect(await provisionCode(redirect.url)).toBe('A007')
    expect(await staffSearchCode(redirect.url)).toBe('STAFF_SERVICE_ERROR')
    expect(redirect.elsewhere).toEqual([])
    // … and an answer over 1 MiB is malformed, for both.
    const oversize = await service(answer(200, JSON.stringify({ customers: [], nextCursor: null, padding: 'x'.repeat(1_100_000) })))
    expect(await provisionCode(oversize.url)).toBe('A009')
    expect(await staffSearchCode(oversize.url)).toBe('STAFF_SERVICE_ERROR')
  })
})
