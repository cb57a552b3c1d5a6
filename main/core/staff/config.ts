// How long the staff screens may sit unused before the main process signs out (STF-01): SHINKUMI_STAFF_IDLE_SECONDS,
// 5–3600, 600 by default — shorter than the service's own idle limit (15 minutes), so the desktop ends first.
import { z } from 'zod'

const IdleSeconds = z.coerce.number().int().min(5).max(3600).catch(600)

export function staffIdleMs(env: Record<string, string | undefined> = process.env): number {
  return IdleSeconds.parse(env.SHINKUMI_STAFF_IDLE_SECONDS ?? 600) * 1000
}
