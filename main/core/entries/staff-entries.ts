// The staff mode's bridge entries (STF-01…STF-05), composed into the API by main/core/app-api.ts. The session token
// lives in StaffSession only; the renderer gets the staff member, views and outcomes. Each call the person makes
// counts as activity; calls without a live session answer STAFF_SIGNED_OUT without reaching the service.
import { AuditExportQuery, StaffSignInRequest } from '@shinkumi/common/staff-api.ts'
import type { AuditExportOutcome } from '@shinkumi/common/staff-bridge.ts'
import type { Channel } from '@shinkumi/common/bridge.ts'
import { staffRoutes } from '@shinkumi/common/wire/staff.ts'
import type { RouteDescriptor } from '@shinkumi/common/wire/route.ts'
import type { CoreContext, Entries } from './context.ts'
import { CodedError } from '../coded-error.ts'
import type { CallRequest, ServiceClient } from '../service-client.ts'
import { act } from '../staff/actions.ts'
import { staffIdleMs } from '../staff/config.ts'
import { StaffSession } from '../staff/session.ts'

type StaffChannel = Extract<Channel, `staff.${string}`>

export function staffEntries({ deps, client, guard }: CoreContext): Entries<StaffChannel> {
  const call = <R extends RouteDescriptor>(route: R, request: CallRequest<R>) => client.call(route, request, 'STAFF')
  const signOutRemotely = (token: string) => call(staffRoutes.signOut, { bearer: token }).catch(() => undefined)
  const session = new StaffSession(deps.clock, staffIdleMs(), (token) => void signOutRemotely(token))

  /** A call in the session: activity; a session the service ended is ended here too. */
  const inSession = <T>(channel: StaffChannel, task: (bearer: string) => Promise<T>) =>
    guard(channel, async () => {
      const live = session.current()
      if (!live) throw new CodedError('STAFF_SIGNED_OUT')
      session.touch()
      try {
        return await task(live.token)
      } catch (error) {
        if (error instanceof CodedError && error.code === 'STAFF_SIGNED_OUT') session.end('expired')
        throw error
      }
    })

  return {
    'staff.status': async () => session.status(),
    'staff.signIn': (input) =>
      guard('staff.signIn', async () => {
        const request = StaffSignInRequest.safeParse(input)
        if (!request.success) throw new CodedError('BAD_REQUEST', 'sign-in input breaks the contract')
        const previous = session.end('signedOut')
        if (previous) await signOutRemotely(previous)
        const answer = await call(staffRoutes.signIn, { body: request.data })
        // The end counted on this PC's clock: the service's instant would end the session at once on a PC whose
        // clock runs hours ahead of the service's, or keep it past its end on one that runs behind.
        session.start(answer.token, answer.staff, deps.clock.now().getTime() + answer.expiresInSeconds * 1000)
        return answer.staff
      }),
    'staff.signOut': async () => {
      const token = session.end('signedOut')
      if (token) await signOutRemotely(token)
    },
    'staff.activity': async ({ userActive }) => {
      if (userActive) session.touch()
      return session.status()
    },
    'staff.search': (input) => inSession('staff.search', (bearer) => call(staffRoutes.search, { bearer, body: input })),
    'staff.customer': (ref) => inSession('staff.customer', (bearer) => call(staffRoutes.customer, { bearer, body: ref })),
    'staff.locks': ({ cursor }) => inSession('staff.locks', (bearer) => call(staffRoutes.locks, { bearer, query: { cursor } })),
    'staff.act': (input) => inSession('staff.act', (bearer) => act(client, bearer, input)),
    'staff.approvals': ({ cursor }) => inSession('staff.approvals', (bearer) => call(staffRoutes.approvals, { bearer, query: { cursor } })),
    'staff.decide': ({ approvalId, decision }) =>
      inSession('staff.decide', (bearer) => call(decision === 'approve' ? staffRoutes.approve : staffRoutes.reject, { bearer, params: { approvalId } })),
    'staff.maintenance': () => inSession('staff.maintenance', async (bearer) => (await call(staffRoutes.maintenance, { bearer })).windows),
    'staff.audit': ({ cursor }) => inSession('staff.audit', (bearer) => call(staffRoutes.audit, { bearer, query: { cursor } })),
    'staff.exportAudit': (range) => inSession('staff.exportAudit', (bearer) => exportAudit(client, bearer, range, deps.fileSaver)),
  }
}

async function exportAudit(client: ServiceClient, bearer: string, range: unknown, saver: CoreContext['deps']['fileSaver']): Promise<AuditExportOutcome> {
  const query = AuditExportQuery.safeParse(range)
  if (!query.success) throw new CodedError('BAD_REQUEST', 'export range breaks the contract')
  const { text, fileName } = await client.download(staffRoutes.exportAudit, { bearer, query: query.data }, 'STAFF')
  const name = fileName ?? 'staff-audit.csv'
  if (!saver) return { saved: false, fileName: name, csv: text }
  const path = await saver.save(name, text)
  return path ? { saved: true, path } : { saved: false, fileName: name, csv: null }
}
