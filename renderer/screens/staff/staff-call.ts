// Staff bridge calls from the screens: a call that rejects (the host failed) becomes A999 like any other failure,
// reported with a correlation id; STAFF_SIGNED_OUT sends the person back to sign-in.
import { useRef, useState } from 'react'
import type { AppError, Result } from '@shinkumi/common/bridge.ts'
import { settle } from '../../lib/diagnostics.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'

/** One request at a time per screen, its busy state and its error; `run` resolves with the value or undefined. */
export function useStaffCall() {
  const navigator = useNavigator()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  // A ref, not state: a second click in the same frame must see the first one at once.
  const inFlight = useRef(false)

  async function run<T>(call: () => Promise<Result<T>>): Promise<T | undefined> {
    if (inFlight.current) return undefined
    inFlight.current = true
    setBusy(true)
    setError(null)
    try {
      const result = await settle(call())
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
