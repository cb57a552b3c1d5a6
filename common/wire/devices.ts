// The desktop app's calls to the service for its tokens (OTP-10…13, OTP-20…26): provisioning, then device-signed
// renewal, correction and 取引確認. Schemas live in ../protocol.ts with the cryptography they describe.
import { z } from 'zod'
import {
  CorrectRequest,
  CorrectResponse,
  DecisionRequest,
  DecisionResponse,
  EnrolResponse,
  PendingTransactions,
  ProvisionRequest,
  ProvisionResponse,
  RenewRequest,
  RenewResponse,
} from '../protocol.ts'
import { route } from './route.ts'

export const DEVICES_PREFIX = '/v1/devices'

export const deviceRoutes = {
  provision: route({
    operationId: 'provisionToken',
    summary: 'Set up a token on a device (初期設定 / トークン追加)',
    method: 'POST',
    prefix: DEVICES_PREFIX,
    path: '/provision',
    auth: 'none',
    body: ProvisionRequest,
    response: ProvisionResponse,
    // Seed 4.3. The app decides by the code alone; the status is for logs, proxies and people.
    refusals: {
      S0F1: 400, // device clock off: the request cannot be judged as sent
      S0A1: 404, // no such service (the app shows S0B1 when adding a token)
      S0C1: 401, // user ID or activation password wrong
      S0C4: 423, // activation password locked
      S0B5: 403, // user suspended
      S0B4: 409, // user already has a device
      S0G1: 403, // any other refusal (expired or used password)
    },
    invalidRequestCode: 'S0G1',
  }),
  renew: route({
    operationId: 'renewToken',
    summary: 'Renew a token (有効期限更新; device-signed)',
    method: 'POST',
    prefix: DEVICES_PREFIX,
    path: '/renew',
    auth: 'device',
    body: RenewRequest,
    response: RenewResponse,
    refusals: {
      S3B3: 409, // a re-issue is in progress: this token is being replaced
      S3B5: 403, // user suspended
      S3E4: 422, // outside the renewal window
      S3D3: 409, // transaction-confirmation enrolment unfinished
      S3D4: 409, // unconfirmed transactions pending
    },
  }),
  correct: route({
    operationId: 'storeClockCorrection',
    summary: "Store the token's clock correction (パスワード補正; device-signed)",
    method: 'POST',
    prefix: DEVICES_PREFIX,
    path: '/correct',
    auth: 'device',
    body: CorrectRequest,
    response: CorrectResponse,
    refusals: {
      S4E3: 403, // token expired: renew first
      A403: 422, // no step within range matches the code (or the token is locked)
    },
  }),
  enrolTransactions: route({
    operationId: 'enrolTransactions',
    summary: 'Finish 取引認証開始 for a token (device-signed)',
    method: 'POST',
    prefix: DEVICES_PREFIX,
    path: '/transactions/enrol',
    auth: 'device',
    body: z.object({}).strict(),
    response: EnrolResponse,
    refusals: { TX_NOT_OFFERED: 409 },
  }),
  pendingTransactions: route({
    operationId: 'listDeviceTransactions',
    summary: "The token's transactions waiting for an answer (device-signed)",
    method: 'GET',
    prefix: DEVICES_PREFIX,
    path: '/transactions',
    auth: 'device',
    response: PendingTransactions,
    refusals: {},
  }),
  decideTransaction: route({
    operationId: 'decideTransaction',
    summary: 'Approve or reject a transaction, bound to its content (device-signed)',
    method: 'POST',
    prefix: DEVICES_PREFIX,
    path: '/transactions/:id/decision',
    auth: 'device',
    params: z.object({ id: z.uuid() }),
    body: DecisionRequest,
    response: DecisionResponse,
    refusals: {
      TX_NOT_FOUND: 404, // no such transaction for this token
      TX_NOT_PENDING: 409, // answered already, or expired
      TX_CONTENT_MISMATCH: 409, // the device showed something else than what was asked
    },
  }),
} as const
