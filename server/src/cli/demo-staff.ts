// The staff part of the demo data set (SPEC SVC-03): a staff user of each role — two 管理者, so four-eyes
// approvals can be tried — with documented passwords and TOTP secrets (reset to these on every run), and the link
// between the demo's core-banking customers and their OTP users, so staff find one person under both keys.
//
//   teller01 窓口 / super01, super02 管理者 / audit01 監査; passwords demo-<id>-pass; secrets below (SHA-1, 6, 30 s)
//   データ タロウ ↔ SHINKUMI/yamada001, シンクミ ハナコ ↔ SHINKUMI/suzuki002, カード ナシオ ↔ SHINKUMIBIZ/sato003
import type { Deps } from '../deps.ts'
import type { NewStaff } from '../staff/staff-users.ts'
import { putStaff } from '../staff/staff-users.ts'
import type { DemoPart } from './demo-part.ts'
import { auditStaffChange } from './staff-commands.ts'

const DEMO_STAFF: NewStaff[] = [
  { staffId: 'teller01', name: '窓口 一郎', role: '窓口', password: 'demo-teller01-pass', totpSecret: 'HQAF6HMRPD5HJQUAFHC6SJPYUMYRYLUD' },
  { staffId: 'super01', name: '管理 花子', role: '管理者', password: 'demo-super01-pass', totpSecret: 'R2FZYBH66WGHIIZSXGLB4HOCBQQABGXR' },
  { staffId: 'super02', name: '管理 次郎', role: '管理者', password: 'demo-super02-pass', totpSecret: 'CZE6OQMT2OTYGVA5NVIMT26CRRSCLSRU' },
  { staffId: 'audit01', name: '監査 三郎', role: '監査', password: 'demo-audit01-pass', totpSecret: 'TAJ4BBQJLSDOSJS7BIUJZ3HTRCZZUGKN' },
]

const CUSTOMER_LINKS = [
  { customer_id: 'demo-data-taro', service_id: 'SHINKUMI', user_id: 'yamada001' },
  { customer_id: 'demo-shinkumi-hanako', service_id: 'SHINKUMI', user_id: 'suzuki002' },
  { customer_id: 'demo-card-nashio', service_id: 'SHINKUMIBIZ', user_id: 'sato003' },
]

async function linkCustomers(deps: Deps): Promise<void> {
  for (const link of CUSTOMER_LINKS) {
    await deps.db
      .insertInto('customer_otp_users')
      .values(link)
      .onConflict((oc) => oc.columns(['service_id', 'user_id']).doNothing())
      .execute()
  }
}

/** Runs after the OTP and linkage parts: the links name their customers and users. */
export const staffDemoPart: DemoPart = {
  name: 'staff',
  async load(deps) {
    await linkCustomers(deps)
    const staff = []
    for (const member of DEMO_STAFF) {
      const credentials = await putStaff(deps, member)
      await auditStaffChange(deps, 'staff.reset', credentials)
      staff.push(credentials)
    }
    return { staff }
  },
}
