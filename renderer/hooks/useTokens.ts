// The app's tokens, as the main process lists them; a failure goes to the error screen.
import { useEffect, useEffectEvent, useState } from 'react'
import type { AppError, TokenView } from '@shinkumi/common/bridge.ts'
import { api } from '../bridge.ts'
import { settle } from '../lib/diagnostics.ts'

export function useTokens(onError: (error: AppError) => void): [TokenView[] | null, (tokens: TokenView[]) => void] {
  const [tokens, setTokens] = useState<TokenView[] | null>(null)
  const failed = useEffectEvent(onError)

  useEffect(() => {
    let stopped = false
    void settle(api['tokens.list']()).then((result) => {
      if (stopped) return
      if (result.ok) setTokens(result.value)
      else failed(result.error)
    })
    return () => {
      stopped = true
    }
  }, [])

  return [tokens, setTokens]
}
