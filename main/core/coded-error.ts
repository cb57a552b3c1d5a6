// An expected failure with the code the person sees (DESIGN.md §3), on the customer and the staff screens alike.
// The entries' guard turns it into `{ ok: false, error: { code } }`; anything that is not a CodedError is
// unexpected and becomes A999.
import type { AppErrorCode } from '@shinkumi/common/result.ts'

export class CodedError extends Error {
  readonly code: AppErrorCode

  constructor(code: AppErrorCode, message: string = code, options?: ErrorOptions) {
    super(message, options)
    this.name = 'CodedError'
    this.code = code
  }
}
