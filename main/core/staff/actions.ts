// staff.act: each action of the staff screens as its staff route, its input checked against the route's body first
// (BAD_REQUEST without a network call), its answer turned into one outcome shape for the screen.
import type { z } from 'zod'
import type { StaffActionInput, StaffActionOutcome } from '@shinkumi/common/staff-bridge.ts'
import { staffRoutes } from '@shinkumi/common/wire/staff.ts'
import { CodedError } from '../coded-error.ts'
import type { CallRequest, ServiceClient } from '../service-client.ts'

type Kind = StaffActionInput['kind']

/** Done at once (or nothing to do). */
const DONE = {
  'release-linkage-lock': staffRoutes.releaseLinkageLock,
  'reset-otp-failures': staffRoutes.resetOtpFailures,
  'unlock-activation': staffRoutes.unlockActivation,
  suspend: staffRoutes.suspend,
  resume: staffRoutes.resume,
  'revoke-linkage': staffRoutes.revokeLinkage,
} as const satisfies Partial<Record<Kind, unknown>>
/** Four eyes: waits for a second 管理者 (STF-02). */
const FOUR_EYES = {
  'reissue-activation': staffRoutes.reissueActivation,
  'revoke-device': staffRoutes.revokeDevice,
} as const satisfies Partial<Record<Kind, unknown>>

type ActionRoute = (typeof DONE)[keyof typeof DONE] | (typeof FOUR_EYES)[keyof typeof FOUR_EYES] | typeof staffRoutes.addMaintenance

export async function act(client: ServiceClient, token: string, input: StaffActionInput): Promise<StaffActionOutcome> {
  const { kind, ...fields } = input
  const send = async <R extends ActionRoute>(route: R): Promise<z.output<R['response']>> => {
    const body = route.body.safeParse(fields)
    if (!body.success) throw new CodedError('BAD_REQUEST', `${kind}: input breaks the contract`)
    // The route's own body schema parsed it, so it is that route's body; TypeScript cannot follow the union.
    return client.call(route, { bearer: token, body: body.data as CallRequest<R>['body'] }, 'STAFF')
  }
  switch (kind) {
    case 'maintenance':
      return { outcome: 'maintenance', window: (await send(staffRoutes.addMaintenance)).window }
    case 'reissue-activation':
    case 'revoke-device':
      return { outcome: 'pending', approval: (await send(FOUR_EYES[kind])).approval }
    default:
      return { outcome: 'done', changed: (await send(DONE[kind])).changed }
  }
}
