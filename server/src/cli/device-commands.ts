// `revoke-device`: the desk's answer to a lost or stolen PC (seed 4.2 FAQ) — the user's active token stops signing
// (the app shows A998, re-issue needed) and stops verifying. An operator's command against the database; like every
// action on a customer (STF-04, STF-05) it needs a reason and is written to the audit chain, in the same
// transaction as the revocation. Staff mode's revocation (four eyes) is the way for branch staff.
import { z } from 'zod'
import { serviceIdRule, userIdRule } from '@shinkumi/common/rules.ts'
import { revokeDevice } from '../devices/revoke.ts'
import { appendAudit } from '../staff/audit.ts'
import { requiredOption, type Command } from './command.ts'
import { CLI_ACTOR } from './staff-commands.ts'

export const revokeDeviceCommand: Command = {
  name: 'revoke-device',
  usage: 'revoke-device --service S --user U --reason TEXT',
  summary: "revokes the user's active device (its token stops working; the user may set up again); audited",
  options: { service: { type: 'string' }, user: { type: 'string' }, reason: { type: 'string' } },
  async run(values, deps) {
    const serviceId = requiredOption(values, 'service', serviceIdRule)
    const userId = requiredOption(values, 'user', userIdRule)
    const reason = requiredOption(values, 'reason', z.string().trim().min(1).max(500))
    const now = deps.clock.now()
    const revoked = await deps.db.transaction().execute(async (trx) => {
      const tokenIds = await revokeDevice(trx, { serviceId, userId }, now)
      const outcome = tokenIds.length > 0 ? 'done' : 'nothing-to-do'
      await appendAudit(trx, { ...CLI_ACTOR, action: 'device.revoke', subject: `otp:${serviceId}/${userId}`, reason, outcome, detail: { tokenIds } }, now)
      return tokenIds
    })
    return {
      json: { serviceId, userId, revokedTokenIds: revoked },
      text: revoked.length > 0 ? `Revoked the device of ${serviceId} / ${userId} (token ${revoked.join(', ')})` : `${serviceId} / ${userId} has no active device`,
    }
  },
}
