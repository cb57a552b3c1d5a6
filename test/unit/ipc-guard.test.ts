import { describe, expect, it } from 'vitest'
import { APP_ORIGIN, guardedHandler, isTrustedSender, UntrustedSenderError } from '../../main/security/ipc-guard.ts'
import type { BridgeApi } from '@shinkumi/common/bridge.ts'

const ours = { webContentsId: 7, frameUrl: `${APP_ORIGIN}/index.html`, isMainFrame: true }

describe('bridge sender check (DESIGN §2, SPEC §5 Electron checklist)', () => {
  it('accepts our window, main frame, app:// page', () => {
    expect(isTrustedSender(ours, 7)).toBe(true)
  })

  it.each([
    ['another webContents', { ...ours, webContentsId: 8 }],
    ['a subframe of our window', { ...ours, isMainFrame: false }],
    ['a page on another origin', { ...ours, frameUrl: 'https://evil.example/index.html' }],
    ['a file:// page', { ...ours, frameUrl: 'file:///tmp/index.html' }],
    ['an app:// page of another host', { ...ours, frameUrl: 'app://other/index.html' }],
    ['an unparsable frame URL', { ...ours, frameUrl: 'not a url' }],
  ])('refuses %s', (_name, sender) => {
    expect(isTrustedSender(sender, 7)).toBe(false)
  })

  it('refuses everything before our window exists', () => {
    expect(isTrustedSender(ours, undefined)).toBe(false)
  })

  it('an untrusted call never reaches the core; a trusted one has its input and output parsed', async () => {
    const calls: unknown[] = []
    const api = {
      'otp.current': async (tokenId: string) => {
        calls.push(tokenId)
        return { ok: true as const, value: { code: '12345678', secondsLeft: 12, period: 60 } }
      },
    } as unknown as BridgeApi
    const handler = guardedHandler(api, 'otp.current', () => 7)
    const id = '5b0a3f3e-8a65-4f5e-9d7a-2f4c1a9b6c01'

    await expect(handler({ ...ours, webContentsId: 9 }, id)).rejects.toBeInstanceOf(UntrustedSenderError)
    await expect(handler(ours, 'not-a-uuid')).rejects.toThrow()
    expect(calls).toEqual([])

    await expect(handler(ours, id)).resolves.toEqual({ ok: true, value: { code: '12345678', secondsLeft: 12, period: 60 } })
    expect(calls).toEqual([id])
  })

  it('an output that breaks the contract is not passed to the renderer', async () => {
    const api = { 'otp.current': async () => ({ ok: true, value: { seed: 'SECRET' } }) } as unknown as BridgeApi
    const handler = guardedHandler(api, 'otp.current', () => 7)
    await expect(handler(ours, '5b0a3f3e-8a65-4f5e-9d7a-2f4c1a9b6c01')).rejects.toThrow()
  })
})
