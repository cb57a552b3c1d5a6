// After the renderer process died (crash or out of memory), main/electron.ts reloads the window with
// `#recovered=A9EX` or `#recovered=A999&correlation=<id of its log line>` (OTP-26). The app then starts on that error
// screen, and the fragment is removed at once so a later reload does not show it again.
import { z } from 'zod'
import type { AppError } from '../../common/bridge.ts'

const Recovered = z.union([
  z.object({ recovered: z.literal('A9EX') }),
  z.object({ recovered: z.literal('A999'), correlation: z.uuid().optional() }),
])

export function takeRecoveredError(location: Location = window.location, history: History = window.history): AppError | null {
  const hash = location.hash
  if (!hash.startsWith('#recovered=')) return null
  history.replaceState(history.state, '', location.pathname + location.search)
  const parsed = Recovered.safeParse(Object.fromEntries(new URLSearchParams(hash.slice(1))))
  if (!parsed.success) return null
  return 'correlation' in parsed.data && parsed.data.correlation
    ? { code: 'A999', correlationId: parsed.data.correlation }
    : { code: parsed.data.recovered }
}
