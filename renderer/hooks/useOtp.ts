// The current code of a token, refreshed every second (OTP-02). Each refresh is timed to just after the next
// whole second of the clock, so the countdown steps in time with the main process's and never drifts.
import { useEffect, useEffectEvent, useState } from 'react'
import type { AppError, OtpView } from '@shinkumi/common/bridge.ts'
import { api } from '../bridge.ts'
import { settle } from '../lib/diagnostics.ts'

/** How long after the second turns the refresh runs: the main process has moved on by then. */
const AFTER_SECOND_MS = 20

export function useOtp(tokenId: string, onError: (error: AppError) => void): OtpView | null {
  const [otp, setOtp] = useState<OtpView | null>(null)
  const failed = useEffectEvent(onError)

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const refresh = async () => {
      const result = await settle(api['otp.current'](tokenId))
      if (stopped) return
      if (!result.ok) {
        failed(result.error)
        return
      }
      setOtp(result.value)
      timer = setTimeout(refresh, 1000 - (Date.now() % 1000) + AFTER_SECOND_MS)
    }
    void refresh()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [tokenId])

  return otp
}
