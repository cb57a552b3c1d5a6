// SVC-06: relying parties (internet banking) submit transactions for the customer to confirm and read the outcome.
// Each relying party sees only the transactions it created.
import type { FastifyInstance } from 'fastify'
import { relyingPartyRoutes } from '@shinkumi/common/wire/relying-party.ts'
import { authenticatedRelyingParty, requireBinding, requireServiceBinding } from '../relying-parties.ts'
import { Refusal } from '../refusal.ts'
import { serve } from '../wire.ts'
import { createTransaction, transactionStatus } from './store.ts'

export async function transactionRoutes(app: FastifyInstance): Promise<void> {
  serve(
    app,
    relyingPartyRoutes.createTransaction,
    async (request) => {
      const created = await createTransaction(app.deps, (await authenticatedRelyingParty(request)).id, request.body)
      if (!created.ok) throw new Refusal(created.code, 'the transaction cannot be put to the customer')
      return { id: created.id }
    },
    { preHandler: requireServiceBinding },
  )

  serve(app, relyingPartyRoutes.getTransaction, async (request) => {
    const party = await authenticatedRelyingParty(request)
    const transaction = await transactionStatus(app.deps, party.id, request.params.id)
    if (transaction === null) throw new Refusal('TX_NOT_FOUND', 'no such transaction of this relying party')
    // A key unbound from the service since it created the transaction no longer reads it either.
    await requireBinding(request, transaction.serviceId)
    return { status: transaction.status }
  })
}
