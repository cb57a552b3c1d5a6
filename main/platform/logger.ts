// Log lines for support: one JSON object per line. An unexpected failure is logged under a correlation id that
// the customer's A999 screen shows, so a help-desk call can be matched to the line (OTP-26, DESIGN.md §3).
import type { Writable } from 'node:stream'

export type LogFields = Record<string, unknown>

export interface Logger {
  info(message: string, fields?: LogFields): void
  error(message: string, correlationId: string, fields?: LogFields): void
}

/** Errors lose their message and stack in JSON.stringify; keep what helps (name, message, errno/TLS code, stack). */
function describe(value: unknown): unknown {
  if (!(value instanceof Error)) return value
  const code = (value as { code?: unknown }).code
  return { name: value.name, message: value.message, code, stack: value.stack, cause: describe(value.cause) }
}

export function createJsonLogger(out: Writable = process.stderr, now: () => number = Date.now): Logger {
  const write = (level: string, message: string, fields: LogFields = {}) => {
    const entries = Object.entries(fields).map(([k, v]) => [k, describe(v)])
    out.write(`${JSON.stringify({ time: new Date(now()).toISOString(), level, message, ...Object.fromEntries(entries) })}\n`)
  }
  return {
    info: (message, fields) => write('info', message, fields),
    error: (message, correlationId, fields) => write('error', message, { correlationId, ...fields }),
  }
}
