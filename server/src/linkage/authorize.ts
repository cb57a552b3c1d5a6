// LNK-01, LNK-05, LNK-06: GET /oauth/authorize starts a linkage flow — or answers with a page (unknown client or
// redirect URI: nothing may go to that URI), an OAuth error redirect, the out-of-hours page or the busy page.
// SEC-02: the new flow holds no capacity until 画面① is submitted, and ends within 10 minutes if it never is; the
// busy page here only spares a customer filling in ① when the capacity is already taken.
import type { FastifyInstance } from 'fastify'
import { AuthorizationQuery, checkAuthorizationRequest, errorRedirect } from '../oauth/authorize-request.ts'
import { capacityLeft, createFlow } from './flow.ts'
import { linkageOpen } from './hours.ts'
import { messagesOf } from './language.ts'
import { noticePage } from './pages/notice.ts'
import { sendPage } from './respond.ts'
import { setSessionCookie } from './session.ts'
import { linkageRefusals } from '../metrics.ts'

export const BUSY_RETRY_AFTER_SECONDS = 60

const authorizeRouteOptions = {
  // The parameters are checked by checkAuthorizationRequest, whose refusals are pages or OAuth error redirects.
  attachValidation: true,
  schema: {
    operationId: 'authorize',
    summary: 'Authorization request (LNK-01, RFC 9126 request_uri): opens the linkage pages SOA201…SOA206, or redirects with an OAuth error and iss',
    tags: ['oauth'],
    security: [],
    querystring: AuthorizationQuery,
  },
}

export function authorizeRoute(app: FastifyInstance): void {
  const { db, clock, config } = app.deps

  app.get('/oauth/authorize', authorizeRouteOptions, async (request, reply) => {
    const check = await checkAuthorizationRequest(db, request.query, { issuer: config.publicUrl, now: clock.now() })
    const t = messagesOf(request)
    // The language link of these pages returns here, to the same request.
    const here = request.url
    if (!check.ok && check.kind === 'page') {
      request.log.info({ detail: check.detail }, 'authorization request refused')
      linkageRefusals.inc({ message: 'serviceUnavailable' })
      return sendPage(reply, noticePage(t, { lines: [t.serviceUnavailable], here }), { status: 400 })
    }
    if (!check.ok) return reply.redirect(check.location, 303)
    const { request: authz } = check
    const now = clock.now()
    const unavailable = errorRedirect(config.publicUrl, authz.redirectUri, 'temporarily_unavailable', authz.state)
    if (!(await linkageOpen(db, now))) {
      linkageRefusals.inc({ message: 'outOfHours' })
      return sendPage(reply, noticePage(t, { lines: [t.outOfHours], returnUrl: unavailable, here }), { status: 503 })
    }
    const asker = { clientId: authz.client.clientId, address: request.ip }
    if (!(await capacityLeft(db, now, asker, config.linkage.flowCaps))) {
      reply.header('Retry-After', String(BUSY_RETRY_AFTER_SECONDS))
      linkageRefusals.inc({ message: 'busy' })
      return sendPage(reply, noticePage(t, { lines: [t.busy], returnUrl: unavailable, here }), { status: 503 })
    }
    const { sessionToken } = await createFlow(db, authz, { now, address: request.ip, ttlSeconds: config.linkage.unsubmittedTtlSeconds })
    setSessionCookie(request, reply, sessionToken, config.linkage.flowTtlSeconds)
    return reply.redirect('/linkage', 303)
  })
}
