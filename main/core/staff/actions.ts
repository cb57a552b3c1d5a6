// staff.act: each action of the staff screens as its /v1/staff call, its input checked against the contract here
// first (BAD_REQUEST without a network call), its answer turned into one outcome shape for the screen.
import type { z } from 'zod'
import {
  ActionResult,
  MaintenanceRequest,
  MaintenanceResult,
  OtpUserActionRequest,
  PendingResult,
  ReissueActivationRequest,
  ReleaseLinkageLockRequest,
  RevokeDeviceRequest,
  RevokeLinkageRequest,
} from '@shinkumi/common/staff-api.ts'
import type { StaffActionInput, StaffActionOutcome } from '@shinkumi/common/staff-bridge.ts'
import { CodedError } from '../coded-error.ts'
import type { StaffHttp } from './http.ts'

type Route = { path: string; request: z.ZodType; answer: 'done' | 'pending' | 'maintenance' }

const ROUTES: Record<StaffActionInput['kind'], Route> = {
  'release-linkage-lock': { path: '/v1/staff/actions/release-linkage-lock', request: ReleaseLinkageLockRequest, answer: 'done' },
  'reset-otp-failures': { path: '/v1/staff/actions/reset-otp-failures', request: OtpUserActionRequest, answer: 'done' },
  'unlock-activation': { path: '/v1/staff/actions/unlock-activation', request: OtpUserActionRequest, answer: 'done' },
  suspend: { path: '/v1/staff/actions/suspend', request: OtpUserActionRequest, answer: 'done' },
  resume: { path: '/v1/staff/actions/resume', request: OtpUserActionRequest, answer: 'done' },
  'revoke-linkage': { path: '/v1/staff/actions/revoke-linkage', request: RevokeLinkageRequest, answer: 'done' },
  'reissue-activation': { path: '/v1/staff/actions/reissue-activation', request: ReissueActivationRequest, answer: 'pending' },
  'revoke-device': { path: '/v1/staff/actions/revoke-device', request: RevokeDeviceRequest, answer: 'pending' },
  maintenance: { path: '/v1/staff/maintenance', request: MaintenanceRequest, answer: 'maintenance' },
}

export async function act(http: StaffHttp, token: string, input: StaffActionInput): Promise<StaffActionOutcome> {
  const { kind, ...fields } = input
  const route = ROUTES[kind]
  const body = route.request.safeParse(fields)
  if (!body.success) throw new CodedError('BAD_REQUEST', `${kind}: input breaks the contract`)
  const post = <S extends z.ZodType>(schema: S) => http.json('POST', route.path, schema, { token, body: body.data })
  switch (route.answer) {
    case 'done':
      return { outcome: 'done', changed: (await post(ActionResult)).changed }
    case 'pending':
      return { outcome: 'pending', approval: (await post(PendingResult)).approval }
    case 'maintenance':
      return { outcome: 'maintenance', window: (await post(MaintenanceResult)).window }
  }
}
