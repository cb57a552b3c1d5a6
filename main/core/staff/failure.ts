// An expected failure of a staff entry, with the code the staff screen shows; anything else becomes A999.
import type { StaffAppErrorCode } from '@shinkumi/common/staff-bridge.ts'

export class StaffFailure extends Error {
  readonly code: StaffAppErrorCode

  constructor(code: StaffAppErrorCode, message: string = code, options?: ErrorOptions) {
    super(message, options)
    this.name = 'StaffFailure'
    this.code = code
  }
}
