// `revoke-device`: the desk's answer to a lost or stolen PC (seed 4.2 FAQ) — the user's active token stops signing
// (the app shows A998, re-issue needed) and stops verifying. Like `issue`, an operator's command against the
// database; staff mode's revocation (STF-04) is the audited way for branch staff.
import { serviceIdRule, userIdRule } from '../../../common/rules.ts'
import { revokeDevice } from '../devices/revoke.ts'
import { requiredOption, type Command } from './command.ts'

export const revokeDeviceCommand: Command = {
  name: 'revoke-device',
  usage: 'revoke-device --service S --user U',
  summary: "revokes the user's active device (its token stops working; the user may set up again)",
  options: { service: { type: 'string' }, user: { type: 'string' } },
  async run(values, deps) {
    const serviceId = requiredOption(values, 'service', serviceIdRule)
    const userId = requiredOption(values, 'user', userIdRule)
    const revoked = await revokeDevice(deps.db, { serviceId, userId }, deps.clock.now())
    return {
      json: { serviceId, userId, revokedTokenIds: revoked },
      text: revoked.length > 0 ? `Revoked the device of ${serviceId} / ${userId} (token ${revoked.join(', ')})` : `${serviceId} / ${userId} has no active device`,
    }
  },
}
