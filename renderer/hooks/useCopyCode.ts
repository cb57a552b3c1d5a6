// コピー (OTP-02): copies the code and keeps the note 「コピーしました（30秒後に消去されます）」 up while the
// clipboard still holds it.
import { useEffect, useRef, useState } from 'react'
import { CLEAR_AFTER_MS, copyWithAutoClear } from '../lib/clipboard.ts'

export type CopyOutcome = 'copied' | 'failed' | null

export function useCopyCode(): [CopyOutcome, (code: string) => Promise<void>] {
  const [outcome, setOutcome] = useState<CopyOutcome>(null)
  const hideTimer = useRef<ReturnType<typeof setTimeout>>(undefined)

  useEffect(() => () => clearTimeout(hideTimer.current), [])

  const copy = async (code: string) => {
    let next: CopyOutcome = 'copied'
    try {
      await copyWithAutoClear(code)
    } catch {
      next = 'failed'
    }
    setOutcome(next)
    clearTimeout(hideTimer.current)
    hideTimer.current = setTimeout(() => setOutcome(null), CLEAR_AFTER_MS)
  }

  return [outcome, copy]
}
