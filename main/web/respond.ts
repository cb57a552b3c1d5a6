// Every answer of the browser host carries the same security headers, the renderer's CSP among them.
import type http from 'node:http'
import { CONTENT_SECURITY_POLICY } from '../security/policy.ts'

const SECURITY_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
}

export const TEXT = 'text/plain; charset=utf-8'
export const JAVASCRIPT = 'text/javascript; charset=utf-8'

export function send(response: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': type, ...SECURITY_HEADERS })
  response.end(body)
}
