// OTP-19: one service URL; anything but https is refused, except plain http to this machine.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it, onTestFinished } from 'vitest'
import type { RouteDescriptor } from '@shinkumi/common/wire/route.ts'
import { deviceRoutes } from '@shinkumi/common/wire/devices.ts'
import { staffRoutes } from '@shinkumi/common/wire/staff.ts'
import { ServiceClient, parseServiceUrl } from '../../main/core/service-client.ts'
import { chooseServiceUrl } from '../../main/core/service-url.ts'
import { signedCall, type RequestSigner } from '../../main/core/signed-call.ts'
import { createTestApp, validInput } from './helpers/app.ts'

describe('OTP-19 service URL policy', () => {
  it.each(['https://otp.shinkumi.example.jp', 'https://otp.shinkumi.example.jp:8443/base', 'http://127.0.0.1:8787', 'http://127.45.6.7', 'http://localhost:8787', 'http://[::1]:8787'])(
    'accepts %s',
    (url) => {
      expect(() => new ServiceClient({ serviceUrl: url })).not.toThrow()
    },
  )

  it.each([
    'http://otp.shinkumi.example.jp',
    'http://192.168.1.10:8787',
    'http://10.0.0.1',
    'http://[::2]',
    'http://localhost.example.jp',
    'http://128.0.0.1',
    'ftp://otp.shinkumi.example.jp',
    'file:///etc/passwd',
    'https://user:secret@otp.shinkumi.example.jp',
    'https://otp.shinkumi.example.jp/?redirect=x',
    'not a url',
  ])('refuses %s at construction', (url) => {
    expect(() => new ServiceClient({ serviceUrl: url })).toThrow()
  })

  it('OTP-19 a refused URL stops the app API from being built at all', () => {
    expect(() => createTestApp({ serviceUrl: 'http://otp.shinkumi.example.jp' })).toThrow(/OTP-19/)
  })

  it('keeps a base path, so the service may live below a prefix', () => {
    expect(new URL('v1/devices/provision', parseServiceUrl('https://x.example.jp/otp')).href).toBe('https://x.example.jp/otp/v1/devices/provision')
  })

  it('OTP-19 a service URL with a base path keeps it for every route', async () => {
    const reached: string[] = []
    const server = http.createServer((req, res) => {
      reached.push(`${req.method} ${req.url}`)
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"code":"NOT_FOUND","message":"no"}')
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => void server.close())
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/base`
    const client = new ServiceClient({ serviceUrl: base, timeoutMs: 2_000 })
    const id = '00000000-0000-4000-8000-000000000000'
    // Every route gets both parameter names; pathOf fills in the one its path asks for.
    const params = { id, approvalId: id } as never
    const signed: string[] = []
    const signRequest = async (_token: string, method: string, path: string) => {
      signed.push(`${method} ${path}`)
      return {}
    }
    const signer = { signRequest } as unknown as RequestSigner
    const expected = (route: RouteDescriptor) => `${route.method} /base${route.prefix}${route.path.replace(/:[A-Za-z]+/, id)}`

    for (const route of Object.values(deviceRoutes) as RouteDescriptor[]) {
      const call =
        route.auth === 'device' ? signedCall({ client, signer }, 'token', route as RouteDescriptor & { auth: 'device' }, { params }, 'A3') : client.call(route, { params }, 'A0')
      await expect(call).rejects.toThrow()
    }
    for (const route of Object.values(staffRoutes) as RouteDescriptor[]) await expect(client.call(route, { params, bearer: 'stf_x' }, 'STAFF')).rejects.toThrow()
    expect(reached).toEqual([...Object.values(deviceRoutes), ...Object.values(staffRoutes)].map(expected))
    // A device signs the path the service receives, base path included.
    expect(signed).toEqual(
      Object.values(deviceRoutes)
        .filter((r) => r.auth === 'device')
        .map(expected),
    )

    // And through the app's entries: 初期設定 and the staff sign-in.
    reached.length = 0
    const { api } = createTestApp({ serviceUrl: base })
    await api['tokens.provision'](validInput())
    await api['staff.signIn']({ staffId: 'teller01', password: 'x', otp: '123456' })
    expect(reached).toEqual(['POST /base/v1/devices/provision', 'POST /base/v1/staff/session'])
  })

  it('OTP-16 「このアプリについて」 shows the service URL in use', async () => {
    const { api } = createTestApp({ serviceUrl: 'http://127.0.0.1:8787' })
    expect(await api['app.about']()).toEqual({ version: '0.1.0', serviceUrl: 'http://127.0.0.1:8787/', channel: 'test' })
  })
})

describe('SEC-07 the production channel keeps the URL it was built with', () => {
  const built = 'https://otp.mire-shinkumi.example/'
  const tampered = ['electron', '.', '--service-url=https://evil.example/']
  const env = { SHINKUMI_SERVICE_URL: 'https://evil-env.example/' }

  it('SEC-07 a production-channel build ignores --service-url and SHINKUMI_SERVICE_URL', () => {
    expect(chooseServiceUrl({ serviceUrl: built, channel: 'production' }, tampered, env)).toBe(built)
    expect(chooseServiceUrl({ serviceUrl: built, channel: 'production' }, [], env)).toBe(built)
  })

  it("SEC-07 testers' channels keep both overrides, the flag first", () => {
    expect(chooseServiceUrl({ serviceUrl: built, channel: 'testers' }, tampered, env)).toBe('https://evil.example/')
    expect(chooseServiceUrl({ serviceUrl: built, channel: 'development' }, [], env)).toBe('https://evil-env.example/')
    expect(chooseServiceUrl({ serviceUrl: built, channel: 'testers' }, [], {})).toBe(built)
  })
})
