import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, navigationAllowed, permissionAllowed, rendererFile, WEB_PREFERENCES } from '../../main/security/policy.ts'

describe('Electron security checklist (SPEC §5)', () => {
  it('the window isolates the renderer: context isolation, sandbox, no Node', () => {
    expect(WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false })
  })

  it('the CSP allows only our own scripts and no remote content', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'self'")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|script-src[^;]*https?:/)
  })

  it('permissions are denied except clipboard access for our own page (OTP-02 copy and clear)', () => {
    expect(permissionAllowed('clipboard-sanitized-write', 'app://shinkumi/index.html')).toBe(true)
    expect(permissionAllowed('clipboard-read', 'app://shinkumi/index.html')).toBe(true)
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'fullscreen']) {
      expect(permissionAllowed(permission, 'app://shinkumi/index.html')).toBe(false)
    }
    expect(permissionAllowed('clipboard-read', 'https://evil.example/')).toBe(false)
  })

  it('navigation away from the app is never allowed', () => {
    expect(navigationAllowed('https://www.example.jp/')).toBe(false)
    expect(navigationAllowed('app://shinkumi/other.html')).toBe(false)
  })

  it('both hosts serve only files inside the renderer directory, whatever the encoding of the path', () => {
    const root = path.resolve('/app/renderer')
    expect(rendererFile(root, '/')).toBe(path.join(root, 'index.html'))
    expect(rendererFile(root, '/assets/index.js')).toBe(path.join(root, 'assets', 'index.js'))
    for (const escape of ['/../vault.json', '/..%2Fvault.json', '/%2e%2e/vault.json', '/assets/../../vault.json', '/%E0%A4%A']) {
      expect(rendererFile(root, escape)).toBeUndefined()
    }
  })
})
