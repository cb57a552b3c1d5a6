// The staff API (SPEC STF-01…STF-05) under /v1/staff, as one encapsulated plugin. Every route declares who may
// call it; the onRequest hook enforces that before the body is even parsed — a route without a declaration is
// refused to everyone — so roles are the service's decision, never the UI's (STF-02).
import { Readable } from 'node:stream'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest, RawServerDefault } from 'fastify'
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  ActionResult,
  type ActionResult as ActionOutcome,
  ApprovalList,
  ApprovalOutcome,
  AuditExportQuery,
  AuditPage,
  CustomerDetail,
  CustomerRef,
  CustomerSearch,
  CustomerSearchResponse,
  LockedList,
  MaintenanceList,
  MaintenanceRequest,
  MaintenanceResult,
  OtpUserActionRequest,
  PageQuery,
  PendingResult,
  ReissueActivationRequest,
  ReleaseLinkageLockRequest,
  RevokeDeviceRequest,
  RevokeLinkageRequest,
  StaffError,
  StaffSessionView,
  StaffSignInRequest,
  StaffSignInResponse,
  type StaffRole,
} from '@shinkumi/common/staff-api.ts'
import { auditRead, type Actor } from './actor.ts'
import { StaffRefusal } from './refusal.ts'
import { releaseLinkageLock, resetOtpFailures, revokeLinkage, setMaintenance, setUserStatus, unlockActivation, upcomingMaintenance } from './actions.ts'
import { approvalPage, approve, reject, requestApproval } from './approvals.ts'
import { appendAudit, auditPage } from './audit.ts'
import { auditCsv } from './audit-export.ts'
import { customerDetail, customerSubject, searchCustomers } from './customers.ts'
import { lockedNow } from './locks.ts'
import { closeSession, openSession, sessionOf, type StaffPrincipal } from './sessions.ts'
import { signIn } from './sign-in.ts'
import { iso } from '@shinkumi/common/time.ts'
import { clientErrorStatus, unparsedBody } from '../request-errors.ts'

/** 'public': sign-in only; 'signedIn': any role; otherwise the roles allowed. */
type Access = 'public' | 'signedIn' | readonly StaffRole[]

declare module 'fastify' {
  interface FastifyContextConfig {
    staffAccess?: Access
  }
  interface FastifyRequest {
    staff?: StaffPrincipal
    /** `request.ip` as read when the request arrived: once the client hangs up, the socket no longer knows it. */
    clientAddress: string
  }
}

const COUNTER: Access = ['窓口', '管理者']
const SUPERVISOR: Access = ['管理者']
const AUDITOR: Access = ['監査']
const errors = { '4xx': StaffError }

const actorOf = (request: FastifyRequest): Actor => ({ staffId: request.staff!.staffId, role: request.staff!.role, ip: request.clientAddress })

export async function staffRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>()

  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof StaffRefusal) return reply.status(error.status).send(error.body)
    if (hasZodFastifySchemaValidationErrors(error)) return reply.status(400).send({ code: 'BAD_REQUEST' })
    const status = clientErrorStatus(error)
    // The staff contract's codes: BAD_REQUEST for every request that does not parse, with its own status.
    if (status) return reply.status(status).send({ code: 'BAD_REQUEST', message: unparsedBody(status).message })
    throw error
  })
  // The address every audit entry records (STF-05), read before anything is awaited.
  app.decorateRequest('clientAddress', '')
  app.addHook('onRequest', (request, _reply, done) => {
    request.clientAddress = request.ip
    done()
  })
  // Customer data and session answers are never kept by caches or proxies.
  app.addHook('onSend', async (_request, reply) => void reply.header('cache-control', 'no-store'))
  app.addHook('onRequest', async (request, reply) => enforceAccess(app, request, reply))

  sessionRoutes(app)
  customerRoutes(app)
  actionRoutes(app)
  approvalRoutes(app)
  auditRoutes(app)
}

async function enforceAccess(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply) {
  const access = request.routeOptions.config.staffAccess
  if (access === 'public') return
  const staff = await sessionOf(app.deps, request.headers.authorization)
  if (!staff) return reply.status(401).send({ code: 'STAFF_UNAUTHENTICATED' })
  request.staff = staff
  if (access === 'signedIn' || access?.includes(staff.role)) return
  await auditRead(app.deps, actorOf(request), 'access.refused', null, { route: `${request.method} ${request.routeOptions.url}` })
  return reply.status(403).send({ code: 'STAFF_FORBIDDEN' })
}

type App = FastifyInstance<RawServerDefault, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>

function sessionView(app: App, staff: StaffPrincipal | { staffId: string; name: string; role: StaffRole }, expiresAt: number) {
  return {
    staff: { staffId: staff.staffId, name: staff.name, role: staff.role },
    expiresAt: iso(expiresAt),
    idleTimeoutSeconds: Math.floor(app.deps.config.staff.sessionIdleMs / 1000),
  }
}

function sessionRoutes(app: App) {
  const { deps } = app
  app.post(
    '/v1/staff/session',
    {
      config: { staffAccess: 'public' },
      schema: { operationId: 'staffSignIn', security: [], summary: 'Staff sign-in: staff ID, password and the staff member’s own TOTP', tags: ['staff'], body: StaffSignInRequest, response: { 200: StaffSignInResponse, ...errors } },
    },
    async (request, reply) => {
      const outcome = await signIn(deps, request.body, request.clientAddress)
      if (!outcome.ok) throw new StaffRefusal(outcome.code)
      const session = await openSession(deps, outcome.staffId, request.clientAddress)
      return reply.send({ token: session.token, ...sessionView(app, outcome, session.expiresAt) })
    },
  )
  app.get(
    '/v1/staff/session',
    { config: { staffAccess: 'signedIn' }, schema: { operationId: 'getStaffSession', security: [{ staffSession: [] }], summary: 'The signed-in staff member and the session’s limits', tags: ['staff'], response: { 200: StaffSessionView, ...errors } } },
    async (request) => sessionView(app, request.staff!, request.staff!.expiresAt),
  )
  app.delete(
    '/v1/staff/session',
    { config: { staffAccess: 'signedIn' }, schema: { operationId: 'staffSignOut', security: [{ staffSession: [] }], summary: 'Staff sign-out', tags: ['staff'], response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await closeSession(deps, request.staff!.tokenHash)
      await appendAudit(deps.db, { ...actorOf(request), action: 'staff.sign-out', subject: null, outcome: 'done' }, deps.clock.now())
      return reply.status(204).send(null)
    },
  )
}

function customerRoutes(app: App) {
  const { deps } = app
  app.post(
    '/v1/staff/customers/search',
    { config: { staffAccess: COUNTER }, schema: { operationId: 'searchCustomers', security: [{ staffSession: [] }], summary: 'Find a customer by branch + account number or by service ID + user ID', tags: ['staff'], body: CustomerSearch, response: { 200: CustomerSearchResponse, ...errors } } },
    async (request) => {
      const found = await searchCustomers(deps, request.body)
      const term = request.body.by === 'account' ? `account:${request.body.branch}-${request.body.accountNumber}` : `otp:${request.body.serviceId}/${request.body.userId}`
      await auditRead(deps, actorOf(request), 'customer.search', `search:${term}`, { found: found.customers.map((c) => customerSubject(c.ref)) })
      return found
    },
  )
  app.post(
    '/v1/staff/customers/detail',
    { config: { staffAccess: COUNTER }, schema: { operationId: 'getCustomerDetail', security: [{ staffSession: [] }], summary: 'A customer’s locks, activation, devices and linkages', tags: ['staff'], body: CustomerRef, response: { 200: CustomerDetail, ...errors } } },
    async (request) => {
      const detail = await customerDetail(deps, request.body)
      if (!detail) throw new StaffRefusal('NOT_FOUND')
      await auditRead(deps, actorOf(request), 'customer.view', customerSubject(detail.ref))
      return detail
    },
  )
  app.get(
    '/v1/staff/locks',
    { config: { staffAccess: COUNTER }, schema: { operationId: 'listLocks', security: [{ staffSession: [] }], summary: 'Everything locked now, newest first, one page at a time', tags: ['staff'], querystring: PageQuery, response: { 200: LockedList, ...errors } } },
    async (request) => {
      const page = await lockedNow(deps, request.query)
      await auditRead(deps, actorOf(request), 'locks.list', null, { count: page.items.length })
      return page
    },
  )
}

function actionRoutes(app: App) {
  const { deps } = app
  const action = <S extends z.ZodType>(path: string, access: Access, summary: string, body: S, run: (actor: Actor, input: z.output<S>) => Promise<ActionOutcome>) =>
    app.post(
      `/v1/staff/actions/${path}`,
      { config: { staffAccess: access }, schema: { operationId: `staff-${path}`, security: [{ staffSession: [] }], summary, tags: ['staff'], body, response: { 200: ActionResult, ...errors } } },
      async (request) => run(actorOf(request), request.body as z.output<S>),
    )
  action('release-linkage-lock', COUNTER, 'Release an API-linkage lockout now', ReleaseLinkageLockRequest, (a, i) => releaseLinkageLock(deps, a, i))
  action('reset-otp-failures', COUNTER, 'Reset the OTP failure counter', OtpUserActionRequest, (a, i) => resetOtpFailures(deps, a, i))
  action('unlock-activation', COUNTER, 'Unlock the activation password (S0C4)', OtpUserActionRequest, (a, i) => unlockActivation(deps, a, i))
  action('suspend', SUPERVISOR, 'Suspend the OTP user', OtpUserActionRequest, (a, i) => setUserStatus(deps, a, i, 'suspended'))
  action('resume', SUPERVISOR, 'Resume the OTP user', OtpUserActionRequest, (a, i) => setUserStatus(deps, a, i, 'active'))
  action('revoke-linkage', SUPERVISOR, 'Revoke a fintech linkage (its tokens stop working)', RevokeLinkageRequest, (a, i) => revokeLinkage(deps, a, i))

  const fourEyes = <S extends z.ZodType>(path: 'reissue-activation' | 'revoke-device', summary: string, body: S) =>
    app.post(
      `/v1/staff/actions/${path}`,
      { config: { staffAccess: SUPERVISOR }, schema: { operationId: `staff-${path}`, security: [{ staffSession: [] }], summary, tags: ['staff'], body, response: { 202: PendingResult, ...errors } } },
      async (request, reply) =>
        reply.status(202).send(await requestApproval(deps, actorOf(request), { ...(request.body as object), kind: path } as Parameters<typeof requestApproval>[2])),
    )
  fourEyes('reissue-activation', 'Request a new activation password (revokes the device; a second 管理者 approves)', ReissueActivationRequest)
  fourEyes('revoke-device', 'Request revoking a device (a second 管理者 approves)', RevokeDeviceRequest)

  app.get(
    '/v1/staff/maintenance',
    { config: { staffAccess: COUNTER }, schema: { operationId: 'listMaintenance', security: [{ staffSession: [] }], summary: 'Current and future ad-hoc maintenance windows', tags: ['staff'], response: { 200: MaintenanceList, ...errors } } },
    async () => ({ windows: await upcomingMaintenance(deps) }),
  )
  app.post(
    '/v1/staff/maintenance',
    { config: { staffAccess: SUPERVISOR }, schema: { operationId: 'addMaintenance', security: [{ staffSession: [] }], summary: 'Set an ad-hoc maintenance window of the API linkage', tags: ['staff'], body: MaintenanceRequest, response: { 200: MaintenanceResult, ...errors } } },
    async (request) => setMaintenance(deps, actorOf(request), request.body),
  )
}

function approvalRoutes(app: App) {
  const { deps } = app
  const Params = z.object({ approvalId: z.uuid() })
  app.get(
    '/v1/staff/approvals',
    { config: { staffAccess: SUPERVISOR }, schema: { operationId: 'listApprovals', security: [{ staffSession: [] }], summary: 'Four-eyes requests waiting for a second 管理者, newest first, one page at a time', tags: ['staff'], querystring: PageQuery, response: { 200: ApprovalList, ...errors } } },
    async (request) => {
      const page = await approvalPage(deps, request.query)
      await auditRead(deps, actorOf(request), 'approvals.list', null, { count: page.approvals.length })
      return page
    },
  )
  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/v1/staff/approvals/:approvalId/${decision}`,
      {
        config: { staffAccess: SUPERVISOR },
        schema: { operationId: `${decision}Approval`, security: [{ staffSession: [] }], summary: decision === 'approve' ? 'Approve (not the requester)' : 'Reject or withdraw', tags: ['staff'], params: Params, response: { 200: ApprovalOutcome, ...errors } },
      },
      async (request) => (decision === 'approve' ? approve : reject)(deps, actorOf(request), request.params.approvalId),
    )
  }
}

function auditRoutes(app: App) {
  const { deps } = app
  app.get(
    '/v1/staff/audit',
    { config: { staffAccess: AUDITOR }, schema: { operationId: 'listAudit', security: [{ staffSession: [] }], summary: 'The audit log, newest first, one page at a time', tags: ['staff'], querystring: PageQuery, response: { 200: AuditPage, ...errors } } },
    async (request) => {
      const { rows, nextCursor } = await auditPage(deps.db, request.query)
      await auditRead(deps, actorOf(request), 'audit.read', null, { cursor: request.query.cursor ?? null, count: rows.length })
      return { nextCursor, entries: rows.map(({ prev_hash: _prev, staff_role, identity_check, staff_id, at, ...e }) => ({ ...e, staffId: staff_id, role: staff_role, identityCheck: identity_check, at: iso(at) })) }
    },
  )
  app.get(
    '/v1/staff/audit/export',
    {
      config: { staffAccess: AUDITOR },
      schema: { operationId: 'exportAudit', security: [{ staffSession: [] }], summary: 'The audit log as CSV (UTF-8 with BOM), JST dates from/to inclusive', tags: ['staff'], querystring: AuditExportQuery, produces: ['text/csv'], response: { 200: z.unknown().describe('CSV, text/csv; charset=utf-8'), ...errors } },
    },
    async (request, reply) => {
      const csv = auditCsv(deps, request.query)
      await auditRead(deps, actorOf(request), 'audit.export', null, { from: csv.from, to: csv.to })
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${csv.fileName}"`)
        .send(Readable.from(csv.lines()))
    },
  )
}
