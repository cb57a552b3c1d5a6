// Staff bridge calls from the screens: a call that rejects (the host failed) becomes A999 like any other failure,
// reported with a correlation id; STAFF_SIGNED_OUT sends the person back to sign-in.
import { useRef, useState } from 'react'
import type { StaffAppError, StaffResult } from '@shinkumi/common/staff-bridge.ts'
import { reportProblem } from '../../lib/diagnostics.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'

export async function settleStaff<T>(call: Promise<StaffResult<T>>): Promise<StaffResult<T>> {
  try {
    return await call
  } catch (thrown) {
    const reported = await reportProblem(thrown, 'error')
    return { ok: false, error: { code: 'A999', correlationId: reported.correlationId } }
  }
}

/** One request at a time per screen, its busy state and its error; `run` resolves with the value or undefined. */
export function useStaffCall() {
  const navigator = useNavigator()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<StaffAppError | null>(null)
  // A ref, not state: a second click in the same frame must see the first one at once.
  const inFlight = useRef(false)

  async function run<T>(call: () => Promise<StaffResult<T>>): Promise<T | undefined> {
    if (inFlight.current) return undefined
    inFlight.current = true
    setBusy(true)
    setError(null)
    try {
      const result = await settleStaff(call())
      if (result.ok) return result.value
      if (result.error.code === 'STAFF_SIGNED_OUT') navigator.go({ name: 'staffSignIn' })
      else setError(result.error)
      return undefined
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  return { busy, error, setError, run }
}
