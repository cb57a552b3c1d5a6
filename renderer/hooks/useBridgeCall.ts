// The one way a screen calls the bridge, customer and staff screens alike (issue 10): what a screen shows while it
// waits, what it does with a failure, and that a second click does nothing while the first is answered.
//
// Our own small hook, not TanStack Query: every answer comes from the main process on the same machine, so the
// screens need no cache shared between them, no retries and no background refetching — the parts that make up
// most of TanStack Query — and the first screen's JavaScript stays small (issue 12 measures it).
//
// - `run(call, onValue)`: an action. One at a time per hook: while one runs, another `run` does nothing. `busy`
//   says one runs; `onValue` runs while it still counts as running, so a screen stays covered until it has moved on.
// - `load`: asked when the component mounts (and again whenever `loadKey` changes); its value becomes `data`, null
//   until the first answer (a load does not count as busy). `refetch()` asks again on demand; the newest answer
//   wins, an older one arriving late is dropped.
// - A failure goes to `onError` (a customer screen's error screen) or, without one, into `error` for the screen to
//   show (the staff screens) until the next `run`. STAFF_SIGNED_OUT always leads to sign-in: the staff session is gone, whatever the
//   screen. A call that rejects (the host failed) is reported and becomes A999, like any other failure (settle).
// - Once the component is gone, answers change nothing: no state, no navigation from a screen no one sees.
import { useEffect, useEffectEvent, useRef, useState } from 'react'
import type { AppError, Result } from '@shinkumi/common/result.ts'
import { settle } from '../lib/diagnostics.ts'
import { useNavigator } from '../navigation/Navigation.tsx'

export interface BridgeCallOptions<T> {
  load?: () => Promise<Result<T>>
  /** Called with each loaded value that becomes `data` (a side effect of the load, such as a countdown). */
  onLoad?: (value: T) => void
  /** Loads again whenever this changes (compared with Object.is). */
  loadKey?: unknown
  onError?: (error: AppError) => void
}

export interface BridgeCall<T> {
  /** The loaded value; null until the first load answered. */
  data: T | null
  setData: (data: T | null) => void
  busy: boolean
  error: AppError | null
  setError: (error: AppError | null) => void
  /** Resolves true when the call succeeded and `onValue` ran; false when it failed or another was running. */
  run: <V>(call: () => Promise<Result<V>>, onValue?: (value: V) => unknown) => Promise<boolean>
  /** Resolves true when this load's value became `data`. */
  refetch: () => Promise<boolean>
}

/** A thrown call becomes a rejection, so settle reports it like a rejected one. */
const attempt = async <V>(call: () => Promise<Result<V>>) => call()

export function useBridgeCall<T = never>({ load, onLoad, loadKey, onError }: BridgeCallOptions<T> = {}): BridgeCall<T> {
  const navigator = useNavigator()
  const [data, setData] = useState<T | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<AppError | null>(null)
  // Refs, not state: a second click in the same frame must see the first one at once.
  const running = useRef(false)
  const mounted = useRef(false)
  const newestLoad = useRef(0)

  const failed = (failure: AppError) => {
    if (failure.code === 'STAFF_SIGNED_OUT') navigator.go({ name: 'staffSignIn' })
    else if (onError) onError(failure)
    else setError(failure)
  }

  const run = async <V>(call: () => Promise<Result<V>>, onValue?: (value: V) => unknown): Promise<boolean> => {
    if (running.current) return false
    running.current = true
    setBusy(true)
    setError(null)
    try {
      const result = await settle(attempt(call))
      if (!mounted.current) return false
      if (!result.ok) {
        failed(result.error)
        return false
      }
      await onValue?.(result.value)
      return true
    } finally {
      running.current = false
      setBusy(false)
    }
  }

  const refetch = (): Promise<boolean> => {
    if (!load) return Promise.resolve(false)
    const ticket = ++newestLoad.current
    return settle(attempt(load)).then((result) => {
      if (!mounted.current || ticket !== newestLoad.current) return false
      if (!result.ok) {
        failed(result.error)
        return false
      }
      // The updater form: a loaded value may itself be a function (a start-up step), which setData would call.
      setData(() => result.value)
      onLoad?.(result.value)
      return true
    })
  }

  const loadNow = useEffectEvent(() => void refetch())
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])
  useEffect(() => loadNow(), [loadKey])

  return { data, setData, busy, error, setError, run, refetch }
}
