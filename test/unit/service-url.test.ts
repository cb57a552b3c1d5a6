// OTP-19: one service URL; anything but https is refused, except plain http to this machine.
import { describe, expect, it } from 'vitest'
import { ServiceClient, parseServiceUrl } from '../../main/core/service-client.ts'
import { chooseServiceUrl } from '../../main/core/service-url.ts'
import { createTestApp } from './helpers/app.ts'

describe('OTP-19 service URL policy', () => {
  it.each([
    'https://otp.shinkumi.example.jp',
    'https://otp.shinkumi.example.jp:8443/base',
    'http://127.0.0.1:8787',
    'http://127.45.6.7',
    'http://localhost:8787',
    'http://[::1]:8787',
  ])('accepts %s', (url) => {
    expect(() => new ServiceClient({ serviceUrl: url })).not.toThrow()
  })

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
