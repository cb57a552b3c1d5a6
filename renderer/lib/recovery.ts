// After the renderer process died (crash or out of memory), main/electron.ts reloads the window with
// `#recovered=A9EX` or `#recovered=A999&correlation=<id of its log line>` (OTP-26). The app then starts on that error
// screen, and the fragment is removed at once so a later reload does not show it again.
import type { AppError } from '@shinkumi/common/bridge.ts'

// A plain check, not a zod schema: this runs before the first screen, and zod would be the first screen's
// largest library (issue 12: its JavaScript stays within 120 KB gzip).
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function takeRecoveredError(location: Location = window.location, history: History = window.history): AppError | null {
  const hash = location.hash
  if (!hash.startsWith('#recovered=')) return null
  history.replaceState(history.state, '', location.pathname + location.search)
  const fields = new URLSearchParams(hash.slice(1))
  const correlation = fields.get('correlation')
  switch (fields.get('recovered')) {
    case 'A9EX':
      return { code: 'A9EX' }
    case 'A999':
      if (correlation === null) return { code: 'A999' }
      return UUID.test(correlation) ? { code: 'A999', correlationId: correlation } : null
    default:
      return null
  }
}
