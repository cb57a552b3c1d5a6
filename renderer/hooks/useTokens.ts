// The app's tokens, as the main process lists them; a failure goes to `onError` (the screen's error screen).
import type { AppError, TokenView } from '@shinkumi/common/bridge.ts'
import { api } from '../bridge.ts'
import { useBridgeCall } from './useBridgeCall.ts'

export function useTokens(onError: (error: AppError) => void): [TokenView[] | null, (tokens: TokenView[]) => void] {
  const { data, setData } = useBridgeCall({ load: () => api['tokens.list'](), onError })
  return [data, setData]
}
