// The relying parties' calls (internet banking and other bank systems, SVC-04, SVC-06), with `Authorization: Bearer
// <key>` (auth 'relying-party'). A key acts only for the services it is bound to (SEC-04): RP_SERVICE_NOT_BOUND.
import { z } from 'zod'
import { TransactionDetails, TransactionStatus } from '../protocol.ts'
import { serviceIdRule, userIdRule } from '../rules.ts'
import { route } from './route.ts'

export const OTP_PREFIX = '/v1/otp'
export const TRANSACTIONS_PREFIX = '/v1/transactions'

/** Why a one-time password is not accepted; `valid: false` is an answer, not a refusal. */
export const OtpRefusal = z.enum(['mismatch', 'replayed', 'locked', 'expired', 'suspended', 'unknown'])
export type OtpRefusal = z.infer<typeof OtpRefusal>

export const VerifyRequest = z.object({
  serviceId: serviceIdRule,
  userId: userIdRule,
  otp: z.string().regex(/^[0-9]{6,8}$/),
})

export const VerifyResponse = z.union([z.object({ valid: z.literal(true) }), z.object({ valid: z.literal(false), reason: OtpRefusal })])

export const CreateTransactionRequest = z.object({
  serviceId: serviceIdRule,
  userId: userIdRule,
  details: TransactionDetails,
  expiresInSeconds: z.number().int().min(10).max(3600).default(300),
})
export type CreateTransactionRequest = z.output<typeof CreateTransactionRequest>

const relyingParty = { auth: 'relying-party' } as const

export const relyingPartyRoutes = {
  verifyOtp: route({
    ...relyingParty,
    prefix: OTP_PREFIX,
    operationId: 'verifyOtp',
    summary: 'Verify a one-time password (SVC-04)',
    method: 'POST',
    path: '/verify',
    body: VerifyRequest,
    response: VerifyResponse,
    refusals: {},
  }),
  createTransaction: route({
    ...relyingParty,
    prefix: TRANSACTIONS_PREFIX,
    operationId: 'createTransaction',
    summary: 'Ask the customer to confirm a transaction (取引確認, SVC-06)',
    method: 'POST',
    path: '',
    body: CreateTransactionRequest,
    response: z.object({ id: z.uuid() }),
    refusals: {
      TX_NO_TOKEN: 404, // unknown service or user, or no active, unexpired token
      TX_NOT_OFFERED: 409, // the service does not offer 取引確認
      TX_SUSPENDED: 403,
      TX_NOT_ENROLLED: 409, // the device has not finished 取引認証開始
    },
  }),
  getTransaction: route({
    ...relyingParty,
    prefix: TRANSACTIONS_PREFIX,
    operationId: 'getTransaction',
    summary: "A transaction's outcome (SVC-06); only the relying party that created it reads it",
    method: 'GET',
    path: '/:id',
    params: z.object({ id: z.uuid() }),
    response: z.object({ status: TransactionStatus }),
    refusals: { TX_NOT_FOUND: 404 },
  }),
} as const
