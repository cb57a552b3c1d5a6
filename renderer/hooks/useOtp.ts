// The current code of a token, refreshed every second (OTP-02). Each refresh is timed to just after the next
// whole second of the clock, so the countdown steps in time with the main process's and never drifts.
import { useEffect, useState } from 'react'
import type { AppError, OtpView } from '@shinkumi/common/bridge.ts'
import { api } from '../bridge.ts'
import { useBridgeCall } from './useBridgeCall.ts'

/** How long after the second turns the refresh runs: the main process has moved on by then. */
const AFTER_SECOND_MS = 20

export function useOtp(tokenId: string, onError: (error: AppError) => void): OtpView | null {
  const [second, setSecond] = useState(0)
  const { data: otp } = useBridgeCall({ load: () => api['otp.current'](tokenId), loadKey: `${tokenId}/${second}`, onError })

  // Each answer asks for the next one; a failure (the error screen) stops the refreshing.
  useEffect(() => {
    if (!otp) return
    const timer = setTimeout(() => setSecond((n) => n + 1), 1000 - (Date.now() % 1000) + AFTER_SECOND_MS)
    return () => clearTimeout(timer)
  }, [otp])

  return otp
}
