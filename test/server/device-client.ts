// Device-signed requests the way the desktop app makes them (OTP-13, common/protocol.ts), with knobs to break
// each part on purpose; and the relying party's transaction calls (SVC-06).
import { toBase64Url } from '@shinkumi/common/encoding.ts'
import { DEVICE_HEADERS, deviceSigningInput } from '@shinkumi/common/protocol.ts'
import type { Deps } from '../../server/src/deps.ts'
import { upsertService } from '../../server/src/provisioning/catalog.ts'
import { postJson, type HttpAnswer, type ProvisionedToken } from './client.ts'

export interface SignOptions {
  /** The signed timestamp; defaults to the client's clock. */
  at?: Date
  nonce?: string
  /** Sign with another key than the token's. */
  key?: CryptoKey
  /** Send another token id than the token's. */
  tokenId?: string
  /** Sign this method or path instead of the one requested. */
  signedMethod?: string
  signedPath?: string
  /** Send these body bytes instead of the signed ones. */
  sentBody?: string
}

export interface SignedRequest {
  method: 'GET' | 'POST'
  path: string
  headers: Record<string, string>
  body: string | undefined
}

export function newNonce(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)))
}

export async function signRequest(token: ProvisionedToken, method: 'GET' | 'POST', path: string, body: unknown, at: Date, options: SignOptions = {}): Promise<SignedRequest> {
  const text = body === undefined ? '' : JSON.stringify(body)
  const timestamp = (options.at ?? at).toISOString()
  const nonce = options.nonce ?? newNonce()
  const bodySha256 = toBase64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))))
  const input = deviceSigningInput(options.signedMethod ?? method, options.signedPath ?? path.split('?')[0]!, timestamp, nonce, bodySha256)
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, options.key ?? token.device.signingKey, input)
  const headers: Record<string, string> = {
    [DEVICE_HEADERS.token]: options.tokenId ?? token.response.tokenId,
    [DEVICE_HEADERS.timestamp]: timestamp,
    [DEVICE_HEADERS.nonce]: nonce,
    [DEVICE_HEADERS.signature]: toBase64Url(new Uint8Array(signature)),
  }
  if (method === 'POST') headers['content-type'] = 'application/json'
  return { method, path, headers, body: method === 'POST' ? (options.sentBody ?? text) : undefined }
}

export async function send<T = Record<string, unknown>>(baseUrl: string, request: SignedRequest): Promise<HttpAnswer<T>> {
  const response = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body })
  return { status: response.status, body: (await response.json()) as T }
}

/** A token's signed calls, timestamped by `now()` (the service's manual clock, as the test set it). */
export function deviceClient(baseUrl: string, token: ProvisionedToken, now: () => Date) {
  const call = async <T = Record<string, unknown>>(method: 'GET' | 'POST', path: string, body?: unknown, options?: SignOptions) =>
    send<T>(baseUrl, await signRequest(token, method, path, body, now(), options))
  return {
    call,
    renew: (options?: SignOptions) => call('POST', '/v1/devices/renew', {}, options),
    correct: (otp: string, deviceTime: Date, options?: SignOptions) => call('POST', '/v1/devices/correct', { otp, deviceTime: deviceTime.toISOString() }, options),
    enrol: () => call('POST', '/v1/devices/transactions/enrol', {}),
    pending: () => call<{ transactions: { id: string; details: Record<string, unknown>; createdAt: string; expiresAt: string }[] }>('GET', '/v1/devices/transactions'),
    decide: (id: string, decision: 'approve' | 'reject', contentSha256: string) => call('POST', `/v1/devices/transactions/${id}/decision`, { decision, contentSha256 }),
  }
}

export const TX_SERVICE_ID = 'TXBANK'

/** A service that offers 取引確認 (OTP-25). */
export async function addTransactionService(deps: Deps, serviceId = TX_SERVICE_ID): Promise<void> {
  await upsertService(deps.db, deps.clock.now(), {
    service_id: serviceId,
    name: '取引確認銀行',
    logo_url: null,
    link_url: null,
    totp_algorithm: 'SHA1',
    totp_digits: 8,
    totp_period: 60,
    offers_transactions: 1,
  })
}

export const DETAILS = { payeeBank: 'ミレ信用組合', payeeBranch: '本店営業部', payeeAccount: '普通 1234567', payeeName: 'ﾔﾏﾀﾞ ﾀﾛｳ', amount: 150_000 }

export function createTransaction(baseUrl: string, rpKey: string, body: Record<string, unknown>) {
  return postJson<{ id?: string; code?: string }>(`${baseUrl}/v1/transactions`, body, { authorization: `Bearer ${rpKey}` })
}

export async function transactionStatus(baseUrl: string, rpKey: string, id: string): Promise<HttpAnswer<{ status?: string; code?: string }>> {
  const response = await fetch(`${baseUrl}/v1/transactions/${id}`, { headers: { authorization: `Bearer ${rpKey}` } })
  return { status: response.status, body: (await response.json()) as { status?: string; code?: string } }
}
