// 取引確認 (OTP-25, SVC-06): internet banking asks the customer to confirm a transaction; the app lists the pending
// ones of its tokens and sends the customer's answer, device-signed and bound to the content shown by its hash.
// A token's first use of 取引確認 completes 取引認証開始 (enrolment) with the service; until then the service refuses
// its renewal (S3D3), which is why the seed calls the tab 「取引認証開始」 while it is pending.
import type { z } from 'zod'
import type { DecisionInput, PendingTransaction, TransactionList } from '@shinkumi/common/bridge.ts'
import { transactionContentSha256 } from '@shinkumi/common/protocol.ts'
import { isCodeOf } from '@shinkumi/common/wire/route.ts'
import { deviceRoutes } from '@shinkumi/common/wire/devices.ts'
import type { Clock } from '@shinkumi/common/time.ts'
import { CodedError } from './coded-error.ts'
import { toTokenView } from './naming.ts'
import { ServiceRefusalError } from './service-client.ts'
import { signedCall, type SignedCallDeps } from './signed-call.ts'
import type { TokenRecord, Vault } from './vault.ts'

export interface TransactionDeps extends SignedCallDeps {
  vault: Vault
  clock: Clock
}

export const needsEnrolment = (token: TokenRecord) => token.offersTransactions && token.transactionsEnrolledAt === undefined

/** Enrols the tokens that still need it, then lists every pending transaction of the app's 取引確認 tokens. */
export async function listTransactions(deps: TransactionDeps): Promise<z.infer<typeof TransactionList>> {
  const enrolled: string[] = []
  for (const token of deps.vault.tokens().filter(needsEnrolment)) {
    await enrol(deps, token)
    enrolled.push(toTokenView(token).displayName)
  }
  const tokens = deps.vault.tokens().filter((t) => t.offersTransactions)
  const lists = await Promise.all(tokens.map((token) => pendingOf(deps, token)))
  const transactions = lists.flat().sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt))
  return { enrolled, transactions }
}

async function enrol(deps: TransactionDeps, token: TokenRecord): Promise<void> {
  await signedCall(deps, token.id, deviceRoutes.enrolTransactions, { body: {} }, 'TX')
  await deps.vault.updateToken(token.id, { transactionsEnrolledAt: deps.clock.now().toISOString() })
}

async function pendingOf(deps: TransactionDeps, token: TokenRecord): Promise<z.infer<typeof PendingTransaction>[]> {
  const { transactions } = await signedCall(deps, token.id, deviceRoutes.pendingTransactions, {}, 'TX')
  return transactions.map((t) => ({ ...t, tokenId: token.id, tokenName: toTokenView(token).displayName }))
}

/** [承認] / [否認]: the hash of the details the customer saw goes into the signed body; the service compares it
 *  with the stored transaction's, so an answer can only ever apply to the content that was on the screen. */
export async function decideTransaction(deps: TransactionDeps, token: TokenRecord, input: z.infer<typeof DecisionInput>) {
  const body = { decision: input.decision, contentSha256: await transactionContentSha256(input.details) }
  try {
    return await signedCall(deps, token.id, deviceRoutes.decideTransaction, { params: { id: input.transactionId }, body }, 'TX')
  } catch (error) {
    throw decisionRefusal(error) ?? error
  }
}

function decisionRefusal(error: unknown): CodedError | undefined {
  const refusal = error instanceof ServiceRefusalError ? error.serviceCode : undefined
  if (!isCodeOf(deviceRoutes.decideTransaction.refusals, refusal)) return undefined
  const code = refusal === 'TX_CONTENT_MISMATCH' ? 'TX_CHANGED' : 'TX_CLOSED'
  return new CodedError(code, `the service refused the decision: ${refusal}`, { cause: error })
}
