// The main process's side of the bridge (DESIGN.md §2): every entry of common/bridge.ts, built from injected parts
// so that Electron, the browser host and the tests run the same code. Each area's entries live in their own module
// under main/core/entries/ and are composed here, one spread per module. Expected failures come back as values with the
// seed's code; anything unexpected becomes A999 with a correlation id and a log line, never a raw exception.
import type { BridgeApi } from '@shinkumi/common/bridge.ts'
import { appEntries } from './entries/app-entries.ts'
import { createCoreContext, type AppDeps } from './entries/context.ts'
import { lockEntries } from './entries/lock-entries.ts'
import { correctionEntries } from './entries/correction-entries.ts'
import { renewalEntries } from './entries/renewal-entries.ts'
import { tokenEntries } from './entries/token-entries.ts'
import { transactionEntries } from './entries/transaction-entries.ts'
import { vaultEntries } from './entries/vault-entries.ts'
import { staffEntries } from './entries/staff-entries.ts'

export type { AppDeps } from './entries/context.ts'

/** Throws when `serviceUrl` breaks OTP-19: a build pointed at plain http elsewhere must not start. */
export function createAppApi(deps: AppDeps): BridgeApi {
  const core = createCoreContext(deps)
  return {
    ...appEntries(core),
    ...tokenEntries(core),
    ...lockEntries(core),
    ...vaultEntries(core),
    ...renewalEntries(core),
    ...correctionEntries(core),
    ...transactionEntries(core),
    ...staffEntries(core),
  }
}
