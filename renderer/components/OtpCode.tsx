// The code, large and grouped for reading ("1234 5678"); the raw digits are in data-code for tests and tools.
import { groupDigits } from '../lib/format.ts'

export function OtpCode({ code }: { code: string }) {
  return (
    <p className="otp-code" data-testid="otp-code" data-code={code}>
      {groupDigits(code).join(' ')}
    </p>
  )
}
