// The flow's session cookie: HttpOnly, SameSite=Lax, Secure everywhere but loopback (where tests and the demo
// run over plain http), scoped to the linkage pages.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type {} from '@fastify/cookie'

export const SESSION_COOKIE = 'shinkumi_linkage'
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]'])

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/linkage',
    httpOnly: true,
    sameSite: 'lax',
    secure: !isLoopback(request),
    maxAge: maxAgeSeconds,
  })
}

/** Loopback is plain http (tests, the demo): the one place a cookie goes without Secure. */
export function isLoopback(request: FastifyRequest): boolean {
  return LOOPBACK.has(request.hostname)
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE]
}
