// 取引確認 on the device (OTP-25): enrolment (取引認証開始), the token's pending transactions, and its signed answer.
import type { FastifyInstance } from 'fastify'
import { deviceRoutes as routes } from '@shinkumi/common/wire/devices.ts'
import type { RefusalCode } from '@shinkumi/common/wire/route.ts'
import { deviceOf, signedRequests } from '../devices/signed-request.ts'
import { Refusal } from '../refusal.ts'
import { serve } from '../wire.ts'
import { decideTransaction, enrolToken, pendingTransactions } from './store.ts'

export async function deviceTransactionRoutes(app: FastifyInstance): Promise<void> {
  await app.register(signedRequests)

  serve(app, routes.enrolTransactions, async (request) => {
    if (!(await enrolToken(app.deps, deviceOf(request).tokenId))) throw new Refusal('TX_NOT_OFFERED', 'the service of this token does not offer 取引確認')
    return { enrolled: true as const }
  })

  serve(app, routes.pendingTransactions, async (request) => ({ transactions: await pendingTransactions(app.deps, deviceOf(request).tokenId) }))

  serve(app, routes.decideTransaction, async (request) => {
    const outcome = await decideTransaction(app.deps, deviceOf(request), request.params.id, request.body)
    if (!outcome.ok) throw new Refusal(outcome.code satisfies RefusalCode<typeof routes.decideTransaction>, 'the decision is not recorded')
    return { status: outcome.status }
  })
}
