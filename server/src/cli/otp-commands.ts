// `issue` and `rp-add`: the credit union's desk work for OTP customers and the systems that verify their codes.
import { z } from 'zod'
import { serviceIdRule, userIdRule } from '@shinkumi/common/rules.ts'
import { issueActivation } from '../provisioning/activations.ts'
import { serviceExists } from '../provisioning/catalog.ts'
import { saveRelyingParty } from '../relying-parties.ts'
import { requiredOption, UsageError, type Command } from './command.ts'

const DEFAULT_EXPIRY_DAYS = 30
const expiryDays = z.coerce.number().int().min(1).max(365)

export const issueCommand: Command = {
  name: 'issue',
  usage: 'issue --service S --user U [--expires-in-days N]',
  summary: 'a fresh 利用開始パスワード (creates the user if missing)',
  options: { service: { type: 'string' }, user: { type: 'string' }, 'expires-in-days': { type: 'string' } },
  async run(values, deps) {
    const serviceId = requiredOption(values, 'service', serviceIdRule)
    const userId = requiredOption(values, 'user', userIdRule)
    const expiresInDays = values['expires-in-days'] === undefined ? DEFAULT_EXPIRY_DAYS : requiredOption(values, 'expires-in-days', expiryDays)
    if (!(await serviceExists(deps.db, serviceId))) throw new UsageError(`unknown service ID ${serviceId} (run demo first?)`)
    const issued = await issueActivation(deps.db, deps.clock.now(), { serviceId, userId, expiresInDays })
    const expiresAt = issued.expiresAt.toISOString()
    return {
      json: { serviceId, userId, activationPassword: issued.activationPassword, expiresAt },
      text: `利用開始パスワード for ${serviceId} / ${userId}: ${issued.activationPassword}  (valid until ${expiresAt})`,
    }
  },
}

export const relyingPartyAddCommand: Command = {
  name: 'rp-add',
  usage: 'rp-add --name N --service S [--service S2 …]',
  summary: 'a new relying-party key for the given services only (shown once, stored hashed)',
  options: { name: { type: 'string' }, service: { type: 'string', multiple: true } },
  async run(values, deps) {
    const name = requiredOption(values, 'name', z.string().trim().min(1).max(128))
    const serviceIds = (values.service as unknown as string[] | undefined) ?? []
    if (!serviceIds.length) throw new UsageError('--service is required: a key works only for the services it is bound to')
    for (const serviceId of serviceIds) {
      if (!serviceIdRule.safeParse(serviceId).success || !(await serviceExists(deps.db, serviceId))) throw new UsageError(`unknown service ID ${serviceId}`)
    }
    const party = await saveRelyingParty(deps.db, deps.clock.now(), { name, serviceIds })
    return {
      json: { id: party.id, name, relyingPartyKey: party.key, serviceIds: party.serviceIds },
      text: `Relying-party key for ${name} (${party.serviceIds.join(', ')}; shown only now, the service keeps its hash):\n  ${party.key}`,
    }
  },
}
