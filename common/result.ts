// The one way a bridge entry answers (DESIGN.md §3), for the customer and the staff screens alike: a value, or an
// expected failure with its code. Kept apart from bridge.ts so both bridge tables import it without a cycle.
import { z } from 'zod'
import { errorCodes } from './errors.ts'
import { StaffErrorCode } from './staff-api.ts'

/** The staff screens' codes: the staff API's refusals, and the desktop side's own. */
export const staffScreenCodes = [
  ...StaffErrorCode.options,
  /** The main process holds no live session (never signed in, signed out, idle, or expired on the service). */
  'STAFF_SIGNED_OUT',
  /** The service could not be reached. */
  'STAFF_OFFLINE',
  /** The service answered with a fault or something not in the contract. */
  'STAFF_SERVICE_ERROR',
  /** Unexpected; the log line carries the correlation id. */
  'A999',
] as const
export type StaffScreenCode = (typeof staffScreenCodes)[number]

/** Every code an entry can answer: the seed's catalog (common/errors.ts) and the staff codes. */
export const AppErrorCode = z.enum([...errorCodes, ...staffScreenCodes])
export type AppErrorCode = z.infer<typeof AppErrorCode>

export const AppError = z.object({
  code: AppErrorCode,
  /** Set for A999: the id of the log line that holds the details. */
  correlationId: z.string().optional(),
})
export type AppError = z.infer<typeof AppError>

/** Expected failures travel as values, so each screen can say what went wrong in its own words. */
export function Result<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: AppError })])
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

const staffCodes: ReadonlySet<string> = new Set(staffScreenCodes)
/** A code the staff screens describe. */
export const isStaffScreenCode = (code: AppErrorCode): code is StaffScreenCode => staffCodes.has(code)
