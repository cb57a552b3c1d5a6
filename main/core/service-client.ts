// The app's one connection to the authentication service (OTP-19): every call is a route of common/wire, built from
// its descriptor (path below the service URL, so a base path is kept), under one redirect rule (none is followed:
// the service URL is the only peer) and one size cap. And the one table that turns communication failures into the
// codes people see (OTP-12, OTP-23, OTP-24, STF-01). Global fetch (undici): errno and TLS codes arrive on
// `error.cause.code`, a timeout as a TimeoutError from AbortSignal.timeout.
//
// | failure    | what it is                                                     | A0 provision | A3 renewal | A4 correction | TX 取引確認 | STAFF               |
// |------------|----------------------------------------------------------------|--------------|------------|---------------|-------------|---------------------|
// | connect    | no connection: ECONNREFUSED, ENOTFOUND, EAI_AGAIN, ENETUNREACH, | A000         | A300       | A400          | TX_OFFLINE  | STAFF_OFFLINE       |
// |            | EHOSTUNREACH; also any fetch failure we cannot name            |              |            |               |             |                     |
// | timeout    | no complete answer within the time limit (default 15 s)        | A001         | A301       | A401          | TX_FAILED   | STAFF_OFFLINE       |
// | tls        | certificate or handshake refused (expired, self-signed,        | A002         | A302       | A401          | TX_FAILED   | STAFF_OFFLINE       |
// |            | unknown issuer, wrong host name, not TLS at all)               |              |            |               |             |                     |
// | reset      | connection reset or closed before the answer was complete      | A006         | A306       | A401          | TX_FAILED   | STAFF_OFFLINE       |
// | http-4xx   | HTTP 4xx without a code the route declares; also any 3xx       | A007         | A307       | A403          | TX_FAILED   | STAFF_SERVICE_ERROR |
// |            | (redirects are not followed: the service URL is the only peer) |              |            |               |             |                     |
// | http-5xx   | HTTP 5xx except 503                                            | A008         | A308       | A403          | TX_FAILED   | STAFF_SERVICE_ERROR |
// | malformed  | answer not HTTP, not JSON, too large, or not the schema        | A009         | A309       | A403          | TX_FAILED   | STAFF_SERVICE_ERROR |
// | busy       | HTTP 503 or 429: service busy or in maintenance                | A010         | A310       | A403          | TX_FAILED   | STAFF_SERVICE_ERROR |
//
// The seed has no codes for 取引確認 (its screens are not in the manual): the TX column's entries show the seed's
// communication wording without a code, like the seed's other code-less refusals.
//
// The code of an error answer (the ApiError body `{ "code": "S0C1", "message": … }`; older services send the code
// alone) passes through unchanged when the route declares it (its own refusals and those of its auth kind) and it
// is a code the screens know; STAFF_UNAUTHENTICATED means the staff session is gone (STAFF_SIGNED_OUT). Any other
// answer falls back to the table. The ServiceRefusalError keeps the declared code for callers that translate it
// themselves (device-signed requests, 取引確認's decision).
import type { z } from 'zod'
import { AppErrorCode, isStaffScreenCode } from '@shinkumi/common/result.ts'
import { ApiError, pathOf, refusalsOf, type ParamsOf, type RouteDescriptor } from '@shinkumi/common/wire/route.ts'
import { CodedError } from './coded-error.ts'

export type ErrorFamily = 'A0' | 'A3' | 'A4' | 'TX' | 'STAFF'
export type TransportFailure = 'connect' | 'timeout' | 'tls' | 'reset' | 'http-4xx' | 'http-5xx' | 'malformed' | 'busy'

const CODES: Record<TransportFailure, Record<ErrorFamily, AppErrorCode>> = {
  connect: { A0: 'A000', A3: 'A300', A4: 'A400', TX: 'TX_OFFLINE', STAFF: 'STAFF_OFFLINE' },
  timeout: { A0: 'A001', A3: 'A301', A4: 'A401', TX: 'TX_FAILED', STAFF: 'STAFF_OFFLINE' },
  tls: { A0: 'A002', A3: 'A302', A4: 'A401', TX: 'TX_FAILED', STAFF: 'STAFF_OFFLINE' },
  reset: { A0: 'A006', A3: 'A306', A4: 'A401', TX: 'TX_FAILED', STAFF: 'STAFF_OFFLINE' },
  'http-4xx': { A0: 'A007', A3: 'A307', A4: 'A403', TX: 'TX_FAILED', STAFF: 'STAFF_SERVICE_ERROR' },
  'http-5xx': { A0: 'A008', A3: 'A308', A4: 'A403', TX: 'TX_FAILED', STAFF: 'STAFF_SERVICE_ERROR' },
  malformed: { A0: 'A009', A3: 'A309', A4: 'A403', TX: 'TX_FAILED', STAFF: 'STAFF_SERVICE_ERROR' },
  busy: { A0: 'A010', A3: 'A310', A4: 'A403', TX: 'TX_FAILED', STAFF: 'STAFF_SERVICE_ERROR' },
}

const CONNECT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN'])
const TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])
const RESET_CODES = new Set(['ECONNRESET', 'ECONNABORTED', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED'])
/** OpenSSL verification codes (CERT_HAS_EXPIRED, UNABLE_TO_VERIFY_LEAF_SIGNATURE …) and Node's TLS/SSL codes. */
const TLS_CODE = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|HOSTNAME_MISMATCH$|EPROTO$)/

/** A non-2xx answer. `serviceCode` is the code in its body when the route declares it. */
export class ServiceRefusalError extends CodedError {
  override name = 'ServiceRefusalError'
  readonly serviceCode: string | undefined

  constructor(code: AppErrorCode, message: string, serviceCode: string | undefined) {
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
export function transportErrorCode(failure: unknown, family: ErrorFamily): AppErrorCode {
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

type InputOf<S> = S extends z.ZodType ? z.input<S> : never

/** What one call sends besides the descriptor's own method and path. */
export interface CallRequest<R extends RouteDescriptor> {
  params?: ParamsOf<R>
  query?: InputOf<R['query']>
  /** Sent as JSON.stringify(body): device-signed calls sign those exact bytes. */
  body?: InputOf<R['body']>
  headers?: Record<string, string>
  /** The staff session token, sent as a Bearer credential. */
  bearer?: string
}

/** The cap of an answer: a broken or hostile peer cannot fill the main process. 1 MiB holds the largest page the
 *  contract allows (100 audit entries with 200-character Japanese reasons); a file (the audit CSV) may be larger. */
const MAX_RESPONSE_BYTES = 1024 * 1024
const MAX_FILE_BYTES = 16 * 1024 * 1024

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

  /** The path a device signs: the route's, below the service URL's own path, without the query. */
  pathnameOf<R extends RouteDescriptor>(descriptor: R, params?: ParamsOf<R>): string {
    return new URL(pathOf(descriptor, params), this.#base).pathname
  }

  /**
   * One call of a route: its answer parsed with the route's response schema. Throws CodedError with a code the route
   * declares (S0…, STAFF_…) or the family's code for the failure (A0…, STAFF_OFFLINE …).
   */
  async call<R extends RouteDescriptor>(descriptor: R, request: CallRequest<R>, family: ErrorFamily): Promise<z.output<R['response']>> {
    return (await this.#exchange(descriptor, request, family)).value
  }

  /** A file route (`produces`): its text, any BOM kept (spreadsheets need it), and the file name the service suggests. */
  async download<R extends RouteDescriptor>(descriptor: R, request: CallRequest<R>, family: ErrorFamily): Promise<{ text: z.output<R['response']>; fileName: string | null }> {
    const { value, response } = await this.#exchange(descriptor, request, family)
    const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? null
    return { text: value, fileName }
  }

  async #exchange<R extends RouteDescriptor>(descriptor: R, request: CallRequest<R>, family: ErrorFamily) {
    const { method } = descriptor
    const url = new URL(pathOf(descriptor, request.params), this.#base)
    for (const [name, value] of Object.entries(request.query ?? {})) if (value !== undefined) url.searchParams.set(name, String(value))
    const what = `${method} ${url.pathname}`
    let response: Response
    let text: string
    try {
      response = await fetch(url, {
        method,
        headers: {
          accept: descriptor.produces ?? 'application/json',
          ...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(request.bearer === undefined ? {} : { authorization: `Bearer ${request.bearer}` }),
          ...request.headers,
        },
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        redirect: 'manual',
        signal: AbortSignal.timeout(this.#timeoutMs),
      })
      text = await readCapped(response, descriptor.produces ? MAX_FILE_BYTES : MAX_RESPONSE_BYTES)
    } catch (error) {
      throw new CodedError(transportErrorCode(error, family), `${what} failed`, { cause: error })
    }
    if (!response.ok) throw refusal(descriptor, response, text, family, what)
    const answer = descriptor.produces ? text : response.status === 204 ? null : parseJson(text)
    const parsed = descriptor.response.safeParse(answer)
    if (!parsed.success) throw new CodedError(CODES.malformed[family], `${what}: answer does not match the schema`, { cause: parsed.error })
    return { value: parsed.data as z.output<R['response']>, response }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** The code of an ApiError body; `message` and `correlationId` are the service's, for its own logs. */
const RefusalBody = ApiError.pick({ code: true })

function refusal(descriptor: RouteDescriptor, response: Response, text: string, family: ErrorFamily, what: string): ServiceRefusalError {
  const declared = refusalsOf(descriptor)
  // A 3xx is a refusal whatever its body says: only the service's own error answers carry codes.
  const body = response.status >= 400 ? RefusalBody.safeParse(parseJson(text)) : undefined
  const serviceCode = body?.success && Object.hasOwn(declared, body.data.code) ? body.data.code : undefined
  const code = (serviceCode === undefined ? undefined : passedThrough(serviceCode, family)) ?? transportErrorCode(response, family)
  return new ServiceRefusalError(code, `${what}: HTTP ${response.status}${serviceCode ? ` ${serviceCode}` : ''}`, serviceCode)
}

/** A declared code the family's screens know: staff screens show the staff codes (BAD_REQUEST, NOT_FOUND …
 *  included), customer screens only the seed's catalog, so a general code falls back to the transport table there. */
function passedThrough(serviceCode: string, family: ErrorFamily): AppErrorCode | undefined {
  if (family === 'STAFF' && serviceCode === 'STAFF_UNAUTHENTICATED') return 'STAFF_SIGNED_OUT'
  const known = AppErrorCode.safeParse(serviceCode)
  if (!known.success) return undefined
  return isStaffScreenCode(known.data) === (family === 'STAFF') ? known.data : undefined
}

/** The body as text, refusing more than `limit` bytes. */
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
