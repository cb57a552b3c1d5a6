// The OTP part of the demo data set: the institution, its two services, four customers (one suspended) with
// fresh activation passwords, and the relying-party keys of internet banking and of the business service.
//
// Documented demo values (README, SPEC SVC-03):
//   services   SHINKUMI     しんくみネットバンキング  logo + link https://netbank.mire-shinkumi.example/, 取引確認 offered
//              SHINKUMIBIZ  しんくみビジネス          logo without link
//   customers  SHINKUMI/yamada001, SHINKUMI/suzuki002, SHINKUMIBIZ/sato003, SHINKUMI/teishi004 (suspended → S0B5)
//   relying-party keys (fixed, so a demo RP can be configured once; each bound to its own service only, SEC-04):
//              rp-demo-key-shinkumi-netbank  internet banking, SHINKUMI
//              rp-demo-key-shinkumi-biz      the business service, SHINKUMIBIZ
// Activation passwords are issued afresh on every run, for customers without an active device only.
import type { Deps } from '../deps.ts'
import { issueActivation } from '../provisioning/activations.ts'
import { ensureOtpUser, setOtpUserStatus, upsertService, type ServiceDefinition } from '../provisioning/catalog.ts'
import { saveRelyingParty } from '../relying-parties.ts'
import type { DemoCustomer, DemoOutput, DemoPart } from './demo-part.ts'

export const DEMO_INSTITUTION = 'ミレ信用組合'
export const DEMO_RELYING_PARTY = { id: 'demo-netbank', name: 'しんくみネットバンキング', key: 'rp-demo-key-shinkumi-netbank', serviceIds: ['SHINKUMI'] }
export const DEMO_BIZ_RELYING_PARTY = { id: 'demo-biz', name: 'しんくみビジネス', key: 'rp-demo-key-shinkumi-biz', serviceIds: ['SHINKUMIBIZ'] }

/** A small SVG logo as a data: URL, so the desktop app shows it without fetching remote content. */
function logo(text: string, color: string): string {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="40"><rect width="160" height="40" rx="6" fill="${color}"/>` +
    `<text x="80" y="26" font-family="sans-serif" font-size="15" fill="#fff" text-anchor="middle">${text}</text></svg>`
  return `data:image/svg+xml,${encodeURIComponent(svg)}`
}

const TOTP = { totp_algorithm: 'SHA1', totp_digits: 8, totp_period: 60 } as const

const SERVICES: ServiceDefinition[] = [
  {
    service_id: 'SHINKUMI',
    name: 'しんくみネットバンキング',
    logo_url: logo('SHINKUMI NET', '#0b5394'),
    link_url: 'https://netbank.mire-shinkumi.example/',
    offers_transactions: 1,
    ...TOTP,
  },
  { service_id: 'SHINKUMIBIZ', name: 'しんくみビジネス', logo_url: logo('SHINKUMI BIZ', '#38761d'), link_url: null, offers_transactions: 0, ...TOTP },
]

const CUSTOMERS = [
  { serviceId: 'SHINKUMI', userId: 'yamada001', status: 'active' },
  { serviceId: 'SHINKUMI', userId: 'suzuki002', status: 'active' },
  { serviceId: 'SHINKUMIBIZ', userId: 'sato003', status: 'active' },
  { serviceId: 'SHINKUMI', userId: 'teishi004', status: 'suspended' },
] as const

const ACTIVATION_DAYS = 30

export const otpDemo: DemoPart = {
  name: 'otp',
  async load(deps): Promise<DemoOutput> {
    const now = deps.clock.now()
    for (const service of SERVICES) await upsertService(deps.db, now, service)
    const customers: DemoCustomer[] = []
    for (const customer of CUSTOMERS) customers.push(await loadCustomer(deps, now, customer))
    const parties = [await saveRelyingParty(deps.db, now, DEMO_RELYING_PARTY), await saveRelyingParty(deps.db, now, DEMO_BIZ_RELYING_PARTY)]
    return {
      institution: { name: DEMO_INSTITUTION },
      services: SERVICES.map((s) => ({ serviceId: s.service_id, name: s.name, linkUrl: s.link_url, offersTransactions: s.offers_transactions === 1 })),
      customers,
      relyingPartyKey: parties[0]!.key,
      relyingParties: parties.map((p) => ({ name: p.name, relyingPartyKey: p.key, serviceIds: p.serviceIds })),
    }
  },
}

/** The user in its documented state; a fresh activation password unless a device is already set up. */
async function loadCustomer(deps: Deps, now: Date, customer: (typeof CUSTOMERS)[number]): Promise<DemoCustomer> {
  const { serviceId, userId, status } = customer
  await ensureOtpUser(deps.db, now, serviceId, userId)
  await setOtpUserStatus(deps.db, serviceId, userId, status)
  const device = await deps.db
    .selectFrom('tokens')
    .select('serial_number')
    .where('service_id', '=', serviceId)
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .executeTakeFirst()
  if (device) return { serviceId, userId, status, serialNumber: device.serial_number }
  const issued = await issueActivation(deps.db, now, { serviceId, userId, expiresInDays: ACTIVATION_DAYS })
  return { serviceId, userId, status, activationPassword: issued.activationPassword, activationExpiresAt: issued.expiresAt.toISOString() }
}
