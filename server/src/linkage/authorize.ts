// LNK-01, LNK-05, LNK-06: GET /oauth/authorize starts a linkage flow — or answers with a page (unknown client or
// redirect URI: nothing may go to that URI), an OAuth error redirect, the out-of-hours page or the busy page.
// SEC-02: the new flow holds no capacity until 画面① is submitted, and ends within 10 minutes if it never is; the
// busy page here only spares a customer filling in ① when the capacity is already taken.
import type { FastifyInstance } from 'fastify'
import { checkAuthorizationRequest, errorRedirect } from '../oauth/authorize-request.ts'
import { capacityLeft, createFlow } from './flow.ts'
import { linkageOpen } from './hours.ts'
import { messages } from './messages.ts'
import { noticePage } from './pages/notice.ts'
import { sendPage } from './respond.ts'
import { setSessionCookie } from './session.ts'

export const BUSY_RETRY_AFTER_SECONDS = 60

export function authorizeRoute(app: FastifyInstance): void {
  const { db, clock, config } = app.deps

  app.get('/oauth/authorize', { schema: { hide: true } }, async (request, reply) => {
    const check = await checkAuthorizationRequest(db, request.query)
    if (!check.ok && check.kind === 'page') {
      request.log.info({ detail: check.detail }, 'authorization request refused')
      return sendPage(reply, noticePage({ lines: [messages.serviceUnavailable] }), { status: 400 })
    }
    if (!check.ok) return reply.redirect(check.location, 303)
    const { request: authz } = check
    const now = clock.now()
    const unavailable = errorRedirect(authz.redirectUri, 'temporarily_unavailable', authz.state)
    if (!(await linkageOpen(db, now))) {
      return sendPage(reply, noticePage({ lines: [messages.outOfHours], returnUrl: unavailable }), { status: 503 })
    }
    const asker = { clientId: authz.client.clientId, address: request.ip }
    if (!(await capacityLeft(db, now, asker, config.linkage.flowCaps))) {
      reply.header('Retry-After', String(BUSY_RETRY_AFTER_SECONDS))
      return sendPage(reply, noticePage({ lines: [messages.busy], returnUrl: unavailable }), { status: 503 })
    }
    const { sessionToken } = await createFlow(db, authz, { now, address: request.ip, ttlSeconds: config.linkage.unsubmittedTtlSeconds })
    setSessionCookie(request, reply, sessionToken, config.linkage.flowTtlSeconds)
    return reply.redirect('/linkage', 303)
  })
}
