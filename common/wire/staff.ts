// The staff mode's calls to the service (STF-01…STF-05), all under /v1/staff with the session token as a Bearer
// (auth 'staff'), except sign-in. Which roles may call each route is the service's decision (server/src/staff).
import { z } from 'zod'
import {
  ActionResult,
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
  StaffSessionView,
  StaffSignInRequest,
  StaffSignInResponse,
} from '../staff-api.ts'
import { route } from './route.ts'

export const STAFF_PREFIX = '/v1/staff'

const staff = { prefix: STAFF_PREFIX, auth: 'staff' } as const
/** An action on a customer: done at once, or nothing to do (`changed: false`); NOT_FOUND for an unknown subject. */
const action = <B extends z.ZodType>(name: string, summary: string, body: B) =>
  route({ ...staff, operationId: `staff-${name}`, summary, method: 'POST', path: `/actions/${name}`, body, response: ActionResult, refusals: { NOT_FOUND: 404 } })
/** A four-eyes action: waits (202) for a second 管理者 (STF-02). */
const fourEyes = <B extends z.ZodType>(name: string, summary: string, body: B) =>
  route({ ...staff, operationId: `staff-${name}`, summary, method: 'POST', path: `/actions/${name}`, body, status: 202, response: PendingResult, refusals: { NOT_FOUND: 404, NOTHING_TO_DO: 409 } })
const ApprovalParams = z.object({ approvalId: z.uuid() })

export const staffRoutes = {
  signIn: route({
    ...staff,
    auth: 'none',
    operationId: 'staffSignIn',
    summary: 'Staff sign-in: staff ID, password and the staff member’s own TOTP',
    method: 'POST',
    path: '/session',
    body: StaffSignInRequest,
    response: StaffSignInResponse,
    refusals: { STAFF_SIGNIN_FAILED: 401, STAFF_LOCKED: 423 },
  }),
  session: route({ ...staff, operationId: 'getStaffSession', summary: 'The signed-in staff member and the session’s limits', method: 'GET', path: '/session', response: StaffSessionView, refusals: {} }),
  signOut: route({ ...staff, operationId: 'staffSignOut', summary: 'Staff sign-out', method: 'DELETE', path: '/session', status: 204, response: z.null(), refusals: {} }),
  search: route({
    ...staff,
    operationId: 'searchCustomers',
    summary: 'Find a customer by branch + account number or by service ID + user ID',
    method: 'POST',
    path: '/customers/search',
    body: CustomerSearch,
    response: CustomerSearchResponse,
    refusals: {},
  }),
  customer: route({
    ...staff,
    operationId: 'getCustomerDetail',
    summary: 'A customer’s locks, activation, devices and linkages',
    method: 'POST',
    path: '/customers/detail',
    body: CustomerRef,
    response: CustomerDetail,
    refusals: { NOT_FOUND: 404 },
  }),
  locks: route({ ...staff, operationId: 'listLocks', summary: 'Everything locked now, newest first, one page at a time', method: 'GET', path: '/locks', query: PageQuery, response: LockedList, refusals: {} }),
  releaseLinkageLock: action('release-linkage-lock', 'Release an API-linkage lockout now', ReleaseLinkageLockRequest),
  resetOtpFailures: action('reset-otp-failures', 'Reset the OTP failure counter', OtpUserActionRequest),
  unlockActivation: action('unlock-activation', 'Unlock the activation password (S0C4)', OtpUserActionRequest),
  suspend: action('suspend', 'Suspend the OTP user', OtpUserActionRequest),
  resume: action('resume', 'Resume the OTP user', OtpUserActionRequest),
  revokeLinkage: action('revoke-linkage', 'Revoke a fintech linkage (its tokens stop working)', RevokeLinkageRequest),
  reissueActivation: fourEyes('reissue-activation', 'Request a new activation password (revokes the device; a second 管理者 approves)', ReissueActivationRequest),
  revokeDevice: fourEyes('revoke-device', 'Request revoking a device (a second 管理者 approves)', RevokeDeviceRequest),
  maintenance: route({ ...staff, operationId: 'listMaintenance', summary: 'Current and future ad-hoc maintenance windows', method: 'GET', path: '/maintenance', response: MaintenanceList, refusals: {} }),
  addMaintenance: route({
    ...staff,
    operationId: 'addMaintenance',
    summary: 'Set an ad-hoc maintenance window of the API linkage',
    method: 'POST',
    path: '/maintenance',
    body: MaintenanceRequest,
    response: MaintenanceResult,
    refusals: {},
  }),
  approvals: route({
    ...staff,
    operationId: 'listApprovals',
    summary: 'Four-eyes requests waiting for a second 管理者, newest first, one page at a time',
    method: 'GET',
    path: '/approvals',
    query: PageQuery,
    response: ApprovalList,
    refusals: {},
  }),
  approve: route({
    ...staff,
    operationId: 'approveApproval',
    summary: 'Approve (not the requester)',
    method: 'POST',
    path: '/approvals/:approvalId/approve',
    params: ApprovalParams,
    response: ApprovalOutcome,
    refusals: { NOT_FOUND: 404, SAME_STAFF: 409, NOT_PENDING: 409 },
  }),
  reject: route({
    ...staff,
    operationId: 'rejectApproval',
    summary: 'Reject or withdraw',
    method: 'POST',
    path: '/approvals/:approvalId/reject',
    params: ApprovalParams,
    response: ApprovalOutcome,
    refusals: { NOT_FOUND: 404, NOT_PENDING: 409 },
  }),
  audit: route({ ...staff, operationId: 'listAudit', summary: 'The audit log, newest first, one page at a time', method: 'GET', path: '/audit', query: PageQuery, response: AuditPage, refusals: {} }),
  exportAudit: route({
    ...staff,
    operationId: 'exportAudit',
    summary: 'The audit log as CSV (UTF-8 with BOM), JST dates from/to inclusive',
    method: 'GET',
    path: '/audit/export',
    query: AuditExportQuery,
    produces: 'text/csv',
    response: z.string().describe('CSV, text/csv; charset=utf-8'),
    refusals: {},
  }),
} as const
