// The linkage pages' routes: GET /linkage shows where the flow stands; each POST is one step of the seed's
// sequence (①→②→③→④→⑤→⑥), checked for the session, its CSRF token, the service hours and the step it belongs to.
import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { FlowStep } from '../db/schema.ts'
import { findClient, type OAuthClient } from '../oauth/clients.ts'
import { authorizationResponse, errorRedirect } from '../oauth/authorize-request.ts'
import { createGrantWithCode } from '../oauth/grants.ts'
import type { Mailer } from '../mail/mailer.ts'
import { linkageResultMail } from '../mail/linkage-result.ts'
import type { Html } from './html.ts'
import { advance, advanceUnlessLocked, capacityLeft, flowOfSession, isTerminal, restartFlow, type Flow } from './flow.ts'
import { BUSY_RETRY_AFTER_SECONDS } from './authorize.ts'
import { checkCustomer, checkPin, type CheckOutcome } from './checks.ts'
import { clearFailures, isLocked } from './lock.ts'
import { Csrf, readAccountForm, readConsentForm, readCustomerForm, readPinForm } from './forms.ts'
import { linkageOpen } from './hours.ts'
import type { Messages } from './messages.ts'
import { messagesOf } from './language.ts'
import { callState, pickAuthNumber } from './phone-step.ts'
import { accessDeniedUrl, accountOf, callExpiredPage, callScreen, currentScreen } from './screens.ts'
import { sendPage } from './respond.ts'
import { sessionToken } from './session.ts'
import { accountPage } from './pages/soa201-account.ts'
import { customerPage } from './pages/soa202-customer.ts'
import { pinPage } from './pages/soa211-pin.ts'
import { consentPage } from './pages/soa206-consent.ts'
import { noticePage } from './pages/notice.ts'
import { linkageRefusals } from '../metrics.ts'

interface StepContext {
  /** The page's language (LNK-13). */
  t: Messages
  flow: Flow
  client: OAuthClient
  now: Date
  request: FastifyRequest
  reply: FastifyReply
  show: (page: Html, status?: number) => FastifyReply
}

const sameToken = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

export function stepRoutes(app: FastifyInstance, mailer: Mailer): void {
  const { db, clock, config } = app.deps
  const issuer = () => config.publicUrl
  const limits = (now: Date) => ({ now, maxFailures: config.linkage.maxFailures })

  /** Loads and checks what every linkage request needs; undefined when a page has already been sent. */
  async function context(request: FastifyRequest, reply: FastifyReply, checkCsrf: boolean, checkHours = true): Promise<StepContext | undefined> {
    const now = clock.now()
    const t = messagesOf(request)
    const flow = await flowOfSession(db, sessionToken(request), now)
    if (!flow) {
      linkageRefusals.inc({ message: 'restart' })
      sendPage(reply, noticePage(t, { lines: [t.restart] }), { status: 400 })
      return undefined
    }
    const show = (page: Html, status = 200) => sendPage(reply, page, { status, formTarget: flow.redirect_uri })
    if (checkCsrf) {
      const csrf = Csrf.parse(request.body).csrf
      if (!csrf || !sameToken(csrf, flow.csrf_token)) {
        linkageRefusals.inc({ message: 'restart' })
        show(noticePage(t, { lines: [t.restart], returnUrl: accessDeniedUrl(flow, issuer()) }), 403)
        return undefined
      }
    }
    if (checkHours && !isTerminal(flow.step) && !(await linkageOpen(db, now))) {
      linkageRefusals.inc({ message: 'outOfHours' })
      show(noticePage(t, { lines: [t.outOfHours], returnUrl: errorRedirect(issuer(), flow.redirect_uri, 'temporarily_unavailable', flow.state ?? undefined) }), 503)
      return undefined
    }
    const client = await findClient(db, flow.client_id)
    if (!client) {
      linkageRefusals.inc({ message: 'serviceUnavailable' })
      show(noticePage(t, { lines: [t.serviceUnavailable] }), 400)
      return undefined
    }
    return { t, flow, client, now, request, reply, show }
  }

  function step(path: string, expected: FlowStep, handler: (ctx: StepContext) => Promise<unknown>): void {
    app.post(path, { schema: { hide: true } }, async (request, reply) => {
      const ctx = await context(request, reply, true)
      if (!ctx) return reply
      if (ctx.flow.step !== expected) return reply.redirect('/linkage', 303)
      return handler(ctx)
    })
  }

  /** LNK-04: a refusal that ends the flow (the lock), or the message to show on the same screen (② or ⑤). */
  async function refusal(ctx: StepContext, outcome: Exclude<CheckOutcome, { ok: true }>, from: FlowStep, onScreen: (message: string) => Html) {
    linkageRefusals.inc({ message: outcome.reason })
    const { t } = ctx
    if (outcome.reason === 'identityWrong' || outcome.reason === 'accountNotHandled') return ctx.show(onScreen(t[outcome.reason]))
    await advance(db, ctx.flow.flow_id, from, 'refused', {}, ctx.now)
    return ctx.show(noticePage(t, { lines: [t[outcome.reason]], returnUrl: accessDeniedUrl(ctx.flow, issuer()) }), 403)
  }

  app.get('/linkage', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await context(request, reply, false)
    if (!ctx) return reply
    return ctx.show(currentScreen(ctx.t, ctx.flow, ctx.client.name, ctx.now, issuer()))
  })

  step('/linkage/account', 'account', async (ctx) => {
    const { raw, read } = readAccountForm(ctx.request.body, ctx.t)
    if (!read.ok) return ctx.show(accountPage(ctx.t, { clientName: ctx.client.name, csrf: ctx.flow.csrf_token, values: raw, state: read.state }))
    // SEC-02: from here the flow holds capacity — if there is any — and lives the full flow lifetime.
    const asker = { clientId: ctx.flow.client_id, address: ctx.flow.source_address ?? ctx.request.ip }
    if (!(await capacityLeft(db, ctx.now, asker, config.linkage.flowCaps))) {
      ctx.reply.header('Retry-After', String(BUSY_RETRY_AFTER_SECONDS))
      linkageRefusals.inc({ message: 'busy' })
      return ctx.show(noticePage(ctx.t, { lines: [ctx.t.busy], returnUrl: errorRedirect(issuer(), ctx.flow.redirect_uri, 'temporarily_unavailable', ctx.flow.state ?? undefined) }), 503)
    }
    const { branch, type, accountNumber } = read.value
    const expiresAt = ctx.now.getTime() + config.linkage.flowTtlSeconds * 1000
    await advance(db, ctx.flow.flow_id, 'account', 'customer', { branch, account_type: type, account_number: accountNumber, expires_at: expiresAt }, ctx.now)
    return ctx.reply.redirect('/linkage', 303)
  })

  step('/linkage/customer', 'customer', async (ctx) => {
    const { flow, t } = ctx
    const account = accountOf(flow)
    const { raw, read } = readCustomerForm(ctx.request.body, t)
    if (!read.ok) return ctx.show(customerPage(t, { csrf: flow.csrf_token, account, values: raw, state: read.state }))
    const outcome = await checkCustomer(db, account, read.value, limits(ctx.now))
    if (!outcome.ok) {
      // The seed raises every check's message on ② itself; 科目 and 口座番号 (message 1) are corrected on ①, so
      // that message comes with [最初に戻る].
      const offerRestart = outcome.reason === 'accountNotHandled'
      return refusal(ctx, outcome, 'customer', (message) => customerPage(t, { csrf: flow.csrf_token, account, values: raw, message, offerRestart }))
    }
    const { nameKana, phone, email } = read.value
    await advance(db, flow.flow_id, 'customer', 'phone', { account_id: outcome.accountId, name_kana: nameKana, phone, email }, ctx.now)
    return ctx.reply.redirect('/linkage', 303)
  })

  step('/linkage/phone', 'phone', async (ctx) => {
    const patch = { call_to: pickAuthNumber(config.linkage.authNumbers), call_started_at: ctx.now.getTime(), call_verified_at: null }
    await advance(db, ctx.flow.flow_id, 'phone', 'call', patch, ctx.now)
    return ctx.reply.redirect('/linkage', 303)
  })

  step('/linkage/call', 'call', async (ctx) => {
    const { flow, now, t } = ctx
    const state = callState(flow, now)
    if (state === 'expired') {
      linkageRefusals.inc({ message: 'callExpired' })
      return ctx.show(callExpiredPage(t, flow, issuer()))
    }
    if (state === 'waiting') return ctx.show(callScreen(t, flow, now, true))
    await advance(db, flow.flow_id, 'call', 'pin', {}, now)
    return ctx.reply.redirect('/linkage', 303)
  })

  step('/linkage/pin', 'pin', async (ctx) => {
    const { flow, now, t } = ctx
    const read = readPinForm(ctx.request.body, t)
    if (!read.ok) return ctx.show(pinPage(t, { csrf: flow.csrf_token, state: read.state }))
    const outcome = await checkPin(db, flow.account_id!, read.value, limits(now))
    const onScreen = (message: string) => pinPage(t, { csrf: flow.csrf_token, message })
    if (!outcome.ok) return refusal(ctx, outcome, 'pin', onScreen)
    if (!(await advanceUnlessLocked(db, flow.flow_id, outcome.accountId, 'pin', 'consent', now))) {
      if (await isLocked(db, outcome.accountId, now)) return refusal(ctx, { ok: false, reason: 'locked' }, 'pin', onScreen)
      return ctx.reply.redirect('/linkage', 303)
    }
    await clearFailures(db, outcome.accountId, now)
    return ctx.reply.redirect('/linkage', 303)
  })

  step('/linkage/consent', 'consent', async (ctx) => {
    const { flow, client, now, t } = ctx
    if (!readConsentForm(ctx.request.body)) return ctx.show(consentPage(t, { csrf: flow.csrf_token, clientName: client.name, state: { missing: ['agree'] } }))
    // The step change is the one-time gate: a double submit issues one code.
    if (!(await advance(db, flow.flow_id, 'consent', 'done', {}, now))) return ctx.reply.redirect('/linkage', 303)
    const grant = await createGrantWithCode(
      db,
      { clientId: client.clientId, accountId: flow.account_id!, scope: flow.scope, email: flow.email, redirectUri: flow.redirect_uri, codeChallenge: flow.code_challenge },
      now,
    )
    const account = accountOf(flow)
    // The mail follows the page's language (LNK-13).
    const mail = linkageResultMail(t, {
      to: flow.email!,
      clientName: client.name,
      accountLabel: `${account.branch} ${t.accountTypes[account.type]} ****${account.accountNumber.slice(-3)}`,
      completedAt: now,
      expiresAt: new Date(grant.expiresAt),
    })
    mailer.send(mail).catch((error: unknown) => ctx.request.log.error({ err: error }, 'linkage result mail not sent'))
    return ctx.reply.redirect(authorizationResponse(issuer(), flow.redirect_uri, { code: grant.code, state: flow.state ?? undefined }), 303)
  })

  // 中止 works at any hour: a customer caught by the closing time can still leave cleanly.
  app.post('/linkage/abort', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await context(request, reply, true, false)
    if (!ctx) return reply
    await advance(db, ctx.flow.flow_id, ['account', 'customer', 'phone', 'call', 'pin', 'consent'], 'aborted', {}, ctx.now)
    return reply.redirect('/linkage', 303)
  })

  app.post('/linkage/restart', { schema: { hide: true } }, async (request, reply) => {
    const ctx = await context(request, reply, true)
    if (!ctx) return reply
    await restartFlow(db, ctx.flow, ctx.now)
    return reply.redirect('/linkage', 303)
  })
}
