// The app's one connection to the authentication service (OTP-19), and the one table that turns communication
// failures into the seed's codes (OTP-12, OTP-23, OTP-24). Global fetch (undici): errno and TLS codes arrive on
// `error.cause.code`, a timeout as a TimeoutError from AbortSignal.timeout.
//
// | failure    | what it is                                                     | A0 provision | A3 renewal | A4 correction | TX 取引確認 |
// |------------|----------------------------------------------------------------|--------------|------------|---------------|-------------|
// | connect    | no connection: ECONNREFUSED, ENOTFOUND, EAI_AGAIN, ENETUNREACH, | A000         | A300       | A400          | TX_OFFLINE  |
// |            | EHOSTUNREACH; also any fetch failure we cannot name            |              |            |               |             |
// | timeout    | no complete answer within the time limit (default 15 s)        | A001         | A301       | A401          | TX_FAILED   |
// | tls        | certificate or handshake refused (expired, self-signed,        | A002         | A302       | A401          | TX_FAILED   |
// |            | unknown issuer, wrong host name, not TLS at all)               |              |            |               |             |
// | reset      | connection reset or closed before the answer was complete      | A006         | A306       | A401          | TX_FAILED   |
// | http-4xx   | HTTP 4xx without a service code this call knows; also 3xx      | A007         | A307       | A403          | TX_FAILED   |
// |            | (redirects are not followed: the service URL is the only peer) |              |            |               |             |
// | http-5xx   | HTTP 5xx except 503                                            | A008         | A308       | A403          | TX_FAILED   |
// | malformed  | answer not HTTP, not JSON, too large, or not the schema        | A009         | A309       | A403          | TX_FAILED   |
// | busy       | HTTP 503 or 429: service busy or in maintenance                | A010         | A310       | A403          | TX_FAILED   |
//
// The seed has no codes for 取引確認 (its screens are not in the manual): the TX column's entries show the seed's
// communication wording without a code, like the seed's other code-less refusals.
//
// A service code in the JSON body of an error answer (`{ "code": "S0C1" }`) passes through unchanged when it is one
// the call expects (for provisioning: ProvisionErrorCode); any other body falls back to the table, and the
// ServiceRefusalError keeps the service's code for callers that translate it themselves (device-signed requests).
import type { z } from 'zod'
import type { ErrorCode } from '@shinkumi/common/errors.ts'
import { ProvisionErrorCode, ProvisionResponse, ServiceError, type ProvisionRequest } from '@shinkumi/common/protocol.ts'
import { CodedError } from './coded-error.ts'

export type ErrorFamily = 'A0' | 'A3' | 'A4' | 'TX'
export type TransportFailure = 'connect' | 'timeout' | 'tls' | 'reset' | 'http-4xx' | 'http-5xx' | 'malformed' | 'busy'

const CODES: Record<TransportFailure, Record<ErrorFamily, ErrorCode>> = {
  connect: { A0: 'A000', A3: 'A300', A4: 'A400', TX: 'TX_OFFLINE' },
  timeout: { A0: 'A001', A3: 'A301', A4: 'A401', TX: 'TX_FAILED' },
  tls: { A0: 'A002', A3: 'A302', A4: 'A401', TX: 'TX_FAILED' },
  reset: { A0: 'A006', A3: 'A306', A4: 'A401', TX: 'TX_FAILED' },
  'http-4xx': { A0: 'A007', A3: 'A307', A4: 'A403', TX: 'TX_FAILED' },
  'http-5xx': { A0: 'A008', A3: 'A308', A4: 'A403', TX: 'TX_FAILED' },
  malformed: { A0: 'A009', A3: 'A309', A4: 'A403', TX: 'TX_FAILED' },
  busy: { A0: 'A010', A3: 'A310', A4: 'A403', TX: 'TX_FAILED' },
}

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN'])
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])
const RESET_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'])
/** OpenSSL verification codes (CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE …) and Node's TLS/SSL codes. */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|HOSTNAME_MISMATCH$|EPROTO$)/

/** A non-2xx answer. `serviceCode` is the code in its body (if any), also one the call did not expect. */
export class ServiceRefusalError extends CodedError {
  override name = 'ServiceRefusalError'
  readonly serviceCode: string | undefined

  constructor(code: ErrorCode, message: string, serviceCode: string | undefined) {
    super(code, message)
    this.serviceCode = serviceCode
  }
}

/** Thrown by the client for answers that are not what the contract says; classified as `malformed`. */
export class MalformedResponseError extends Error {
  override name = 'MalformedResponseError'
}

/** The first errno-style code along the cause chain (undici nests it; happy-eyeballs wraps it in an AggregateError). */
function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string') return code
    if (e instanceof AggregateError && e.errors[0] !== undefined) return errorCode(e.errors[0])
  }
  return undefined
}

function classifyStatus(status: number): TransportFailure {
  if (status === 503 || status === 429) return 'busy'
  return status >= 500 ? 'http-5xx' : 'http-4xx'
}

function classifyError(error: unknown): TransportFailure {
  if (error instanceof MalformedResponseError) return 'malformed'
  if (error instanceof Error && error.name === 'TimeoutError') return 'timeout'
  const code = errorCode(error) ?? ''
  if (CONNECT_CODES.has(code)) return 'connect'
  if (TIMEOUT_CODES.has(code)) return 'timeout'
  if (RESET_CODES.has(code)) return 'reset'
  if (TLS_CODE.test(code)) return 'tls'
  if (code.startsWith('HPE_')) return 'malformed'
  return 'connect'
}

export function classifyFailure(failure: unknown): TransportFailure {
  return failure instanceof Response ? classifyStatus(failure.status) : classifyError(failure)
}

/** The code for a failed exchange: `failure` is what fetch threw, or the non-2xx Response it resolved to. */
export function transportErrorCode(failure: unknown, family: ErrorFamily): ErrorCode {
  return CODES[classifyFailure(failure)][family]
}

/**
 * OTP-19: https only, except plain http to this machine (127.0.0.0/8, localhost, [::1]) for development and tests.
 * No credentials, query or fragment: the URL is a base that paths are appended to.
 */
export function parseServiceUrl(text: string): URL {
  const url = new URL(text)
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw new Error(`service URL refused (OTP-19): ${url.protocol}//${url.host} is neither https nor loopback`)
  }
  if (url.username || url.password || url.search || url.hash) throw new Error('service URL refused: credentials, query or fragment')
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url
}

export interface ServiceClientOptions {
  serviceUrl: string
  /** Whole exchange, connection to last body byte. */
  timeoutMs?: number
}

export interface Call<T extends z.ZodType> {
  method: 'GET' | 'POST'
  /** Relative to the service URL, no leading slash. */
  path: string
  body?: unknown
  headers?: Record<string, string>
  family: ErrorFamily
  serviceCodes: readonly ErrorCode[]
  schema: T
}

const MAX_RESPONSE_BYTES = 64 * 1024

export class ServiceClient {
  readonly url: string
  readonly #base: URL
  readonly #timeoutMs: number

  /** Throws for a URL that OTP-19 refuses, so a misconfigured build fails at start, not at the first request. */
  constructor({ serviceUrl, timeoutMs = 15_000 }: ServiceClientOptions) {
    this.#base = parseServiceUrl(serviceUrl)
    this.url = this.#base.href
    this.#timeoutMs = timeoutMs
  }

  /** POST /v1/devices/provision. Throws CodedError with a service code (S0…) or a transport code (A0…). */
  provision(request: ProvisionRequest): Promise<ProvisionResponse> {
    const serviceCodes = ProvisionErrorCode.options
    return this.call({ method: 'POST', path: 'v1/devices/provision', body: request, family: 'A0', serviceCodes, schema: ProvisionResponse })
  }

  /** One exchange, for this and later operations (renewal, correction) with their own family and codes. */
  async call<T extends z.ZodType>({ method, path, body, headers, family, serviceCodes, schema }: Call<T>): Promise<z.output<T>> {
    let response: Response
    let text: string
    try {
      response = await fetch(new URL(path, this.#base), {
        method,
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      })
      text = await readCapped(response, MAX_RESPONSE_BYTES)
    } catch (error) {
      throw new CodedError(transportErrorCode(error, family), `${method} ${path} failed`, { cause: error })
    }
    if (!response.ok) throw refusal(response, text, family, serviceCodes)
    const parsed = schema.safeParse(parseJson(text))
    if (!parsed.success) throw new CodedError(CODES.malformed[family], `${method} ${path}: answer does not match the schema`, { cause: parsed.error })
    return parsed.data
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function refusal(response: Response, text: string, family: ErrorFamily, serviceCodes: readonly ErrorCode[]): ServiceRefusalError {
  const body = ServiceError.safeParse(parseJson(text))
  const serviceCode = body.success ? body.data.code : undefined
  const code = serviceCodes.find((c) => c === serviceCode) ?? transportErrorCode(response, family)
  return new ServiceRefusalError(code, `service answered HTTP ${response.status}${serviceCode ? ` ${serviceCode}` : ''}`, serviceCode)
}

/** The body as text, refusing more than `limit` bytes: a broken or hostile peer cannot fill the main process. */
async function readCapped(response: Response, limit: number): Promise<string> {
  const reader = response.body?.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    size += read.value.byteLength
    if (size > limit) {
      await reader?.cancel()
      throw new MalformedResponseError(`answer larger than ${limit} bytes`)
    }
    chunks.push(read.value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
