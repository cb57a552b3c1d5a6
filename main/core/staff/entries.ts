// The staff mode's bridge entries (STF-01…STF-05), composed into the API by main/core/api.ts. The session token
// lives in StaffSession only; the renderer gets the staff member, views and outcomes. Each call the person makes
// counts as activity; calls without a live session answer STAFF_SIGNED_OUT without reaching the service.
import {
  ApprovalList,
  ApprovalOutcome,
  AuditExportQuery,
  AuditPage,
  CustomerDetail,
  CustomerSearchResponse,
  LockedList,
  MaintenanceList,
  StaffSignInRequest,
  StaffSignInResponse,
} from '@shinkumi/common/staff-api.ts'
import type { AuditExportOutcome } from '@shinkumi/common/staff-bridge.ts'
import type { Channel } from '@shinkumi/common/bridge.ts'
import type { CoreContext, Entries } from '../api/context.ts'
import { CodedError } from '../coded-error.ts'
import { act } from './actions.ts'
import { staffIdleMs } from './config.ts'
import { staffHttp, type StaffHttp } from './http.ts'
import { StaffSession } from './session.ts'

type StaffChannel = Extract<Channel, `staff.${string}`>

const DEFAULT_TIMEOUT_MS = 15_000

export function staffEntries({ deps, client, guard }: CoreContext): Entries<StaffChannel> {
  const http = staffHttp(client.url, deps.serviceTimeoutMs ?? DEFAULT_TIMEOUT_MS)
  const signOutRemotely = (token: string) => http.empty('DELETE', '/v1/staff/session', token).catch(() => undefined)
  const session = new StaffSession(deps.clock, staffIdleMs(), (token) => void signOutRemotely(token))

  /** A call in the session: activity; a session the service ended is ended here too. */
  const inSession = <T>(channel: StaffChannel, task: (token: string) => Promise<T>) =>
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
        const answer = await http.json('POST', '/v1/staff/session', StaffSignInResponse, { body: request.data })
        session.start(answer.token, answer.staff, Date.parse(answer.expiresAt))
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
    'staff.search': (input) => inSession('staff.search', (t) => http.json('POST', '/v1/staff/customers/search', CustomerSearchResponse, { token: t, body: input })),
    'staff.customer': (ref) => inSession('staff.customer', (t) => http.json('POST', '/v1/staff/customers/detail', CustomerDetail, { token: t, body: ref })),
    'staff.locks': ({ cursor }) => inSession('staff.locks', (t) => http.json('GET', pagePath('/v1/staff/locks', cursor), LockedList, { token: t })),
    'staff.act': (input) => inSession('staff.act', (t) => act(http, t, input)),
    'staff.approvals': ({ cursor }) => inSession('staff.approvals', (t) => http.json('GET', pagePath('/v1/staff/approvals', cursor), ApprovalList, { token: t })),
    'staff.decide': ({ approvalId, decision }) =>
      inSession('staff.decide', (t) => http.json('POST', `/v1/staff/approvals/${approvalId}/${decision}`, ApprovalOutcome, { token: t, body: {} })),
    'staff.maintenance': () => inSession('staff.maintenance', async (t) => (await http.json('GET', '/v1/staff/maintenance', MaintenanceList, { token: t })).windows),
    'staff.audit': ({ cursor }) => inSession('staff.audit', (t) => http.json('GET', pagePath('/v1/staff/audit', cursor), AuditPage, { token: t })),
    'staff.exportAudit': (range) => inSession('staff.exportAudit', (t) => exportAudit(http, t, range, deps.fileSaver)),
  }
}

/** A paged list's path, asking for the page after `cursor` when one is given. */
function pagePath(path: string, cursor: string | undefined): string {
  return cursor ? `${path}?${new URLSearchParams({ cursor })}` : path
}

async function exportAudit(http: StaffHttp, token: string, range: unknown, saver: CoreContext['deps']['fileSaver']): Promise<AuditExportOutcome> {
  const query = AuditExportQuery.safeParse(range)
  if (!query.success) throw new CodedError('BAD_REQUEST', 'export range breaks the contract')
  const params = new URLSearchParams(Object.entries(query.data).filter((e): e is [string, string] => e[1] !== undefined))
  const { text, fileName } = await http.text(`/v1/staff/audit/export?${params}`, token)
  const name = fileName ?? 'staff-audit.csv'
  if (!saver) return { saved: false, fileName: name, csv: text }
  const path = await saver.save(name, text)
  return path ? { saved: true, path } : { saved: false, fileName: name, csv: null }
}
