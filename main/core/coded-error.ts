// An expected failure with the code the customer sees (DESIGN.md §3). The API turns it into
// `{ ok: false, error: { code } }`; anything that is not a CodedError is unexpected and becomes A999.
import type { ErrorCode } from '@shinkumi/common/errors.ts'

export class CodedError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'CodedError'
    this.code = code
  }
}
