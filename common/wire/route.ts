// The wire contract's grammar (DESIGN.md §2, "the same idea at the app ↔ service boundary"): every HTTP call between
// the desktop app and the service is one RouteDescriptor. The service's area plugins register their routes from
// the descriptors (validation, serialisation, OpenAPI, refusal statuses); the app's one service client calls any
// route from its descriptor. A path is written once, here.
import { z } from 'zod'

/** How a caller proves who it is; each kind brings its own refusals (AUTH_REFUSALS). */
export type RouteAuth = 'none' | 'device' | 'staff' | 'relying-party'

export interface RouteDescriptor {
  /** OpenAPI operationId, unique across the service. */
  operationId: string
  summary: string
  method: 'GET' | 'POST' | 'DELETE'
  /** The area's prefix (the plugin is registered with it) … */
  prefix: string
  /** … and the route below it, in Fastify's syntax (`:name` for a path parameter). */
  path: string
  auth: RouteAuth
  params?: z.ZodObject
  query?: z.ZodObject
  body?: z.ZodType
  /** The status of success; 200 unless said. */
  status?: 200 | 202 | 204
  /** The body of success (z.null() for 204). */
  response: z.ZodType
  /** 'text/csv' for a file download; JSON otherwise. */
  produces?: 'text/csv'
  /** The route's own refusal codes and their HTTP status (the auth kind's and the general ones come on top). */
  refusals: Readonly<Record<string, number>>
  /** The code answered when the request breaks the schemas; BAD_REQUEST unless the seed names one (S0G1). */
  invalidRequestCode?: string
}

/** Keeps a descriptor's literal types (codes, methods) for the code that registers and calls it. */
export const route = <const R extends RouteDescriptor>(descriptor: R): R => descriptor

/** The one error body of the API (OpenAPI component ApiError). `message` is for developers and logs; people see
 *  the seed's wording for `code` (common/errors.ts). `correlationId` names the log line of an INTERNAL fault. */
export const ApiError = z
  .object({
    code: z.string().min(1).max(32),
    message: z.string().max(500),
    correlationId: z.string().max(100).optional(),
  })
  .meta({ id: 'ApiError' })
export type ApiError = z.infer<typeof ApiError>

/** Refusals any route may answer, whatever it is. */
export const GENERAL_REFUSALS = {
  BAD_REQUEST: 400,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  URI_TOO_LONG: 414,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  BUSY: 503,
} as const

/** Refusals of the caller's proof, per kind. Device: the signature headers of common/protocol.ts (OTP-13, OTP-26). */
export const AUTH_REFUSALS = {
  none: {},
  device: { DEVICE_UNKNOWN: 401, DEVICE_REVOKED: 401, BAD_SIGNATURE: 401, STALE_REQUEST: 401, REPLAYED_REQUEST: 401 },
  staff: { STAFF_UNAUTHENTICATED: 401, STAFF_FORBIDDEN: 403 },
  'relying-party': { UNAUTHORIZED: 401, RP_SERVICE_NOT_BOUND: 403 },
} as const satisfies Record<RouteAuth, Record<string, number>>

/** Every code a route can answer, and its status. */
export function refusalsOf(descriptor: RouteDescriptor): Readonly<Record<string, number>> {
  return { ...GENERAL_REFUSALS, ...AUTH_REFUSALS[descriptor.auth], ...descriptor.refusals }
}

/** Whether `code` is in a refusal table (a descriptor's own, or an auth kind's): a type guard for callers that
 *  translate a service's code themselves. */
export function isCodeOf<T extends Readonly<Record<string, number>>>(refusals: T, code: string | undefined): code is Extract<keyof T, string> {
  return code !== undefined && Object.hasOwn(refusals, code)
}

/** The codes a route itself declares: what a caller may pass through to the person unchanged. */
export type RefusalCode<R extends RouteDescriptor> = Extract<keyof R['refusals'], string>

/** The path parameters a route's descriptor asks for. */
export type ParamsOf<R extends RouteDescriptor> = R['params'] extends z.ZodObject ? z.input<R['params']> : undefined

/**
 * The path of a call relative to the service's base URL (no leading slash, so a base path is kept), parameters
 * filled in and encoded. Throws for a parameter the descriptor names but `params` lacks.
 */
export function pathOf<R extends RouteDescriptor>(descriptor: R, params?: ParamsOf<R>): string {
  const values = (params ?? {}) as Record<string, unknown>
  const filled = `${descriptor.prefix}${descriptor.path}`.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`${descriptor.operationId}: path parameter ${name} missing`)
    return encodeURIComponent(String(value))
  })
  return filled.replace(/^\//, '')
}
