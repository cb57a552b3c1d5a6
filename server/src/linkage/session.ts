// The flow's session cookie: HttpOnly, SameSite=Lax, Secure when the service is published over https (PUBLIC_URL,
// SEC-05) — decided by configuration, never by the Host header a request brings — scoped to the linkage pages.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type {} from '@fastify/cookie'
import { servedOverHttps } from '../http-policy.ts'

export const SESSION_COOKIE = 'shinkumi_linkage'

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/linkage',
    httpOnly: true,
    sameSite: 'lax',
    secure: servedOverHttps(request.server.deps.config),
    maxAge: maxAgeSeconds,
  })
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE]
}
