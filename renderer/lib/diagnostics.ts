// Unexpected failures (OTP-26): the renderer tells the main process what happened and shows the error it
// answers with (A999 with a correlation id, or A9EX when memory ran out). Nothing raw reaches the screen.
import type { AppError, Result } from '@shinkumi/common/bridge.ts'
import { api } from '../bridge.ts'

export type ProblemKind = 'crash' | 'oom' | 'error'

/** The bridge accepts at most this many characters of detail. */
const MAX_DETAIL = 4000

/** Chromium's way of saying an allocation failed; V8 throws these as RangeError. */
const OUT_OF_MEMORY = /out of memory|allocation failed|invalid array length|invalid string length/i

/** Browser noise that is not a failure of ours: reporting it would show an error screen for nothing. */
const BENIGN = /ResizeObserver loop/

export function isBenign(thrown: unknown): boolean {
  return BENIGN.test(thrown instanceof Error ? thrown.message : String(thrown))
}

export function problemKind(thrown: unknown, fallback: ProblemKind): ProblemKind {
  return thrown instanceof RangeError && OUT_OF_MEMORY.test(thrown.message) ? 'oom' : fallback
}

/** V8's stack already starts with "Name: message"; other engines' do not. */
function errorText(error: Error): string {
  const head = `${error.name}: ${error.message}`
  return error.stack?.startsWith(head) ? error.stack : `${head}\n${error.stack ?? ''}`
}

function detailOf(thrown: unknown, extra?: string): string {
  const text = thrown instanceof Error ? errorText(thrown) : String(thrown)
  return (extra ? `${text}\n${extra}` : text).slice(0, MAX_DETAIL)
}

/** Reports a problem and returns the error to show; if even the report fails, A999 without a correlation id. */
export async function reportProblem(thrown: unknown, fallbackKind: ProblemKind, extra?: string): Promise<AppError> {
  try {
    return await api['diagnostics.report']({ kind: problemKind(thrown, fallbackKind), detail: detailOf(thrown, extra) })
  } catch {
    return { code: 'A999' }
  }
}

/** A bridge call that rejects (the host failed, not the operation) becomes a reported failure like any other. */
export async function settle<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call
  } catch (thrown) {
    return { ok: false, error: await reportProblem(thrown, 'error') }
  }
}
