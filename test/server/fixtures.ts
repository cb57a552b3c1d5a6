// Data a test starts from, written through the service's own functions (the same ones the admin CLI uses).
import type { Deps } from '../../server/src/deps.ts'
import { setOtpUserStatus, upsertService } from '../../server/src/provisioning/catalog.ts'
import { issueActivation, type IssuedActivation } from '../../server/src/provisioning/activations.ts'
import { saveRelyingParty } from '../../server/src/relying-parties.ts'

export const SERVICE_ID = 'TESTBANK'
export const SERVICE_NAME = 'テスト銀行'

export async function addService(deps: Deps, serviceId = SERVICE_ID): Promise<void> {
  await upsertService(deps.db, deps.clock.now(), {
    service_id: serviceId,
    name: SERVICE_NAME,
    logo_url: null,
    link_url: 'https://bank.example/',
    totp_algorithm: 'SHA1',
    totp_digits: 8,
    totp_period: 60,
    offers_transactions: 0,
  })
}

export function issue(deps: Deps, userId: string, options: { serviceId?: string; expiresInDays?: number; issuedAt?: Date } = {}): Promise<IssuedActivation> {
  return issueActivation(deps.db, options.issuedAt ?? deps.clock.now(), {
    serviceId: options.serviceId ?? SERVICE_ID,
    userId,
    expiresInDays: options.expiresInDays ?? 30,
  })
}

export function suspend(deps: Deps, userId: string): Promise<boolean> {
  return setOtpUserStatus(deps.db, SERVICE_ID, userId, 'suspended')
}

/** A relying-party key bound to `serviceIds` — by default to every service the test has added so far. */
export async function addRelyingPartyKey(deps: Deps, serviceIds?: string[]): Promise<string> {
  const bound = serviceIds ?? (await deps.db.selectFrom('services').select('service_id').execute()).map((row) => row.service_id)
  return (await saveRelyingParty(deps.db, deps.clock.now(), { name: 'test internet banking', serviceIds: bound })).key
}
