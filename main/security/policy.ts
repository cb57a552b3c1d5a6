// The Electron security checklist as data and pure functions (SPEC §5), so that tests check the very values
// main/electron.ts applies — and the browser host (main/web.ts) serves the renderer under the same CSP and
// path guard. No Electron import here.
import path from 'node:path'
import { isAppUrl } from './ipc-guard.ts'

export const WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' https: data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/**
 * Permission requests are denied, with one exception: writing the OTP to the clipboard (and reading it back to
 * clear it after 30 s, OTP-02) from our own page. Electron asks for these when the page uses navigator.clipboard.
 */
const CLIPBOARD_PERMISSIONS = new Set(['clipboard-sanitized-write', 'clipboard-read'])

export function permissionAllowed(permission: string, requestingUrl: string): boolean {
  return CLIPBOARD_PERMISSIONS.has(permission) && isAppUrl(requestingUrl)
}

/** The window never navigates: the renderer is a single page, and links open in the system browser via the core. */
export function navigationAllowed(_targetUrl: string): boolean {
  return false
}

/**
 * The renderer file a request path names ('/' is index.html), or undefined when the path would leave
 * `rendererDir` (path traversal, encoded or not) or is not a well-formed path.
 */
export function rendererFile(rendererDir: string, pathname: string): string | undefined {
  const root = path.resolve(rendererDir)
  let relative: string
  try {
    relative = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '')
  } catch {
    return undefined
  }
  const file = path.resolve(root, relative)
  return file.startsWith(root + path.sep) ? file : undefined
}
