// How a staff request is refused: a code from the contract and its HTTP status, never a trace. Imports nothing from
// the staff area, so every part of it (cursors, audit, actions) can refuse without an import cycle.
import type { StaffErrorCode } from '@shinkumi/common/staff-api.ts'

const STATUS: Record<StaffErrorCode, number> = {
  BAD_REQUEST: 400,
  STAFF_UNAUTHENTICATED: 401,
  STAFF_SIGNIN_FAILED: 401,
  STAFF_FORBIDDEN: 403,
  NOT_FOUND: 404,
  NOTHING_TO_DO: 409,
  SAME_STAFF: 409,
  NOT_PENDING: 409,
  STAFF_LOCKED: 423,
}

export class StaffRefusal extends Error {
  readonly code: StaffErrorCode
  readonly status: number
  /** Said to the caller with the code; the code alone when absent. */
  readonly explanation: string | undefined
  constructor(code: StaffErrorCode, explanation?: string) {
    super(explanation ?? code)
    this.code = code
    this.status = STATUS[code]
    this.explanation = explanation
  }

  get body() {
    return this.explanation ? { code: this.code, message: this.explanation } : { code: this.code }
  }
}
