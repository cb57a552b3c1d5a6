// The staff API (SPEC STF-01…STF-05), registered from common/wire/staff.ts under its prefix, as one encapsulated
// plugin. Every route but sign-in declares who may call it; the onRequest hook enforces that before the body is
// even parsed — a route without a declaration is refused to everyone — so roles are the service's decision, never
// the UI's (STF-02).
import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { StaffRole } from '@shinkumi/common/staff-api.ts'
import type { RefusalCode, RouteDescriptor } from '@shinkumi/common/wire/route.ts'
import { staffRoutes as routes } from '@shinkumi/common/wire/staff.ts'
import { Refusal } from '../refusal.ts'
import { serve, type WireHandler } from '../wire.ts'
import { auditRead, type Actor } from './actor.ts'
import { releaseLinkageLock, resetOtpFailures, revokeLinkage, setMaintenance, setUserStatus, unlockActivation, upcomingMaintenance } from './actions.ts'
import { approvalPage, approve, reject, requestApproval } from './approvals.ts'
import { appendAudit, auditPage } from './audit.ts'
import { auditCsv } from './audit-export.ts'
import { customerDetail, customerSubject, searchCustomers } from './customers.ts'
import { lockedNow } from './locks.ts'
import { closeSession, openSession, sessionOf, type StaffPrincipal } from './sessions.ts'
import { signIn } from './sign-in.ts'
import { iso } from '@shinkumi/common/time.ts'

/** 'signedIn': any role; otherwise the roles allowed. Sign-in (auth 'none') is open to everyone. */
type Access = 'signedIn' | readonly StaffRole[]

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

const actorOf = (request: FastifyRequest): Actor => ({ staffId: request.staff!.staffId, role: request.staff!.role, ip: request.clientAddress })

export async function staffRoutes(app: FastifyInstance): Promise<void> {
  // The address every audit entry records (STF-05), read before anything is awaited.
  app.decorateRequest('clientAddress', '')
  app.addHook('onRequest', (request, _reply, done) => {
    request.clientAddress = request.ip
    done()
  })
  app.addHook('onRequest', async (request) => enforceAccess(app, request))

  /** A staff route and who may call it. */
  const staffRoute = <R extends RouteDescriptor>(descriptor: R, access: Access, handler: WireHandler<R>) => serve(app, descriptor, handler, { config: { staffAccess: access } })

  sessionRoutes(app, staffRoute)
  customerRoutes(app, staffRoute)
  actionRoutes(app, staffRoute)
  approvalRoutes(app, staffRoute)
  auditRoutes(app, staffRoute)
}

type StaffRoute = <R extends RouteDescriptor>(descriptor: R, access: Access, handler: WireHandler<R>) => void

async function enforceAccess(app: FastifyInstance, request: FastifyRequest) {
  const { descriptor, staffAccess: access } = request.routeOptions.config
  if (descriptor?.auth === 'none') return
  const staff = await sessionOf(app.deps, request.headers.authorization)
  if (!staff) throw new Refusal('STAFF_UNAUTHENTICATED', 'a staff session is required: Authorization: Bearer <session token>')
  request.staff = staff
  if (access === 'signedIn' || access?.includes(staff.role)) return
  await auditRead(app.deps, actorOf(request), 'access.refused', null, { route: `${request.method} ${request.routeOptions.url}` })
  throw new Refusal('STAFF_FORBIDDEN', `the role ${staff.role} may not call this`)
}

function sessionView(app: FastifyInstance, staff: StaffPrincipal | { staffId: string; name: string; role: StaffRole }, expiresAt: number) {
  return {
    staff: { staffId: staff.staffId, name: staff.name, role: staff.role },
    expiresAt: iso(expiresAt),
    expiresInSeconds: Math.max(0, Math.floor((expiresAt - app.deps.clock.now().getTime()) / 1000)),
    idleTimeoutSeconds: Math.floor(app.deps.config.staff.sessionIdleMs / 1000),
  }
}

function sessionRoutes(app: FastifyInstance, staffRoute: StaffRoute) {
  const { deps } = app
  serve(app, routes.signIn, async (request) => {
    const outcome = await signIn(deps, request.body, request.clientAddress)
    if (!outcome.ok) throw new Refusal(outcome.code satisfies RefusalCode<typeof routes.signIn>, 'not signed in')
    const session = await openSession(deps, outcome.staffId, request.clientAddress)
    return { token: session.token, ...sessionView(app, outcome, session.expiresAt) }
  })
  staffRoute(routes.session, 'signedIn', async (request) => sessionView(app, request.staff!, request.staff!.expiresAt))
  staffRoute(routes.signOut, 'signedIn', async (request) => {
    await closeSession(deps, request.staff!.tokenHash)
    await appendAudit(deps.db, { ...actorOf(request), action: 'staff.sign-out', subject: null, outcome: 'done' }, deps.clock.now())
    return null
  })
}

function customerRoutes(app: FastifyInstance, staffRoute: StaffRoute) {
  const { deps } = app
  staffRoute(routes.search, COUNTER, async (request) => {
    const found = await searchCustomers(deps, request.body)
    const term = request.body.by === 'account' ? `account:${request.body.branch}-${request.body.accountNumber}` : `otp:${request.body.serviceId}/${request.body.userId}`
    await auditRead(deps, actorOf(request), 'customer.search', `search:${term}`, { found: found.customers.map((c) => customerSubject(c.ref)) })
    return found
  })
  staffRoute(routes.customer, COUNTER, async (request) => {
    const detail = await customerDetail(deps, request.body)
    if (!detail) throw new Refusal('NOT_FOUND', 'no such customer')
    await auditRead(deps, actorOf(request), 'customer.view', customerSubject(detail.ref))
    return detail
  })
  staffRoute(routes.locks, COUNTER, async (request) => {
    const page = await lockedNow(deps, request.query)
    await auditRead(deps, actorOf(request), 'locks.list', null, { count: page.items.length })
    return page
  })
}

function actionRoutes(app: FastifyInstance, staffRoute: StaffRoute) {
  const { deps } = app
  staffRoute(routes.releaseLinkageLock, COUNTER, async (request) => releaseLinkageLock(deps, actorOf(request), request.body))
  staffRoute(routes.resetOtpFailures, COUNTER, async (request) => resetOtpFailures(deps, actorOf(request), request.body))
  staffRoute(routes.unlockActivation, COUNTER, async (request) => unlockActivation(deps, actorOf(request), request.body))
  staffRoute(routes.suspend, SUPERVISOR, async (request) => setUserStatus(deps, actorOf(request), request.body, 'suspended'))
  staffRoute(routes.resume, SUPERVISOR, async (request) => setUserStatus(deps, actorOf(request), request.body, 'active'))
  staffRoute(routes.revokeLinkage, SUPERVISOR, async (request) => revokeLinkage(deps, actorOf(request), request.body))
  staffRoute(routes.reissueActivation, SUPERVISOR, async (request) => requestApproval(deps, actorOf(request), { ...request.body, kind: 'reissue-activation' }))
  staffRoute(routes.revokeDevice, SUPERVISOR, async (request) => requestApproval(deps, actorOf(request), { ...request.body, kind: 'revoke-device' }))

  staffRoute(routes.maintenance, COUNTER, async () => ({ windows: await upcomingMaintenance(deps) }))
  staffRoute(routes.addMaintenance, SUPERVISOR, async (request) => setMaintenance(deps, actorOf(request), request.body))
}

function approvalRoutes(app: FastifyInstance, staffRoute: StaffRoute) {
  const { deps } = app
  staffRoute(routes.approvals, SUPERVISOR, async (request) => {
    const page = await approvalPage(deps, request.query)
    await auditRead(deps, actorOf(request), 'approvals.list', null, { count: page.approvals.length })
    return page
  })
  staffRoute(routes.approve, SUPERVISOR, async (request) => approve(deps, actorOf(request), request.params.approvalId))
  staffRoute(routes.reject, SUPERVISOR, async (request) => reject(deps, actorOf(request), request.params.approvalId))
}

function auditRoutes(app: FastifyInstance, staffRoute: StaffRoute) {
  const { deps } = app
  staffRoute(routes.audit, AUDITOR, async (request) => {
    const { rows, nextCursor } = await auditPage(deps.db, request.query)
    await auditRead(deps, actorOf(request), 'audit.read', null, { cursor: request.query.cursor ?? null, count: rows.length })
    return {
      nextCursor,
      entries: rows.map(({ prev_hash: _prev, staff_role, identity_check, staff_id, at, ...e }) => ({
        ...e,
        staffId: staff_id,
        role: staff_role,
        identityCheck: identity_check,
        at: iso(at),
      })),
    }
  })
  staffRoute(routes.exportAudit, AUDITOR, async (request, reply) => {
    const csv = auditCsv(deps, request.query)
    await auditRead(deps, actorOf(request), 'audit.export', null, { from: csv.from, to: csv.to })
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${csv.fileName}"`).send(Readable.from(csv.lines()))
  })
}
