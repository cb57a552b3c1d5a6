// 取引確認 entries (OTP-25, SVC-06): whether the tab shows, the pending list (with 取引認証開始 on first use) and
// the customer's answer.
import { createRequestSigner } from '../device-keys.ts'
import { SerialQueue } from '../serial-queue.ts'
import { decideTransaction, listTransactions, needsEnrolment, type TransactionDeps } from '../transactions.ts'
import type { Vault } from '../vault.ts'
import type { CoreContext, Entries } from './context.ts'
import { knownToken } from './token-entries.ts'

type TransactionChannel = 'transactions.overview' | 'transactions.list' | 'transactions.decide'

export function transactionEntries({ deps, client, vault, guard }: CoreContext): Entries<TransactionChannel> {
  // Two lists at once (a double click on the tab) must not enrol a token twice.
  const listing = new SerialQueue()
  const parts = (open: Vault): TransactionDeps => ({ vault: open, client, clock: deps.clock, signer: createRequestSigner(open, deps.clock) })
  return {
    'transactions.overview': () =>
      guard('transactions.overview', async () => {
        const tokens = (await vault()).tokens()
        return { offered: tokens.some((t) => t.offersTransactions), enrolmentPending: tokens.some(needsEnrolment) }
      }),
    'transactions.list': () => guard('transactions.list', () => listing.run(async () => listTransactions(parts(await vault())))),
    'transactions.decide': (input) =>
      guard('transactions.decide', async () => {
        // The input was parsed with DecisionInput at the transport (IPC guard, browser host).
        const open = await vault()
        return decideTransaction(parts(open), knownToken(open, input.tokenId), input)
      }),
  }
}
