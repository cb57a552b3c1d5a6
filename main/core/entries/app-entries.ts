// App-wide entries: what start-up shows first, 「このアプリについて」, and the renderer's crash reports (OTP-26).
import { randomUUID } from 'node:crypto'
import type { AppError, AppStatus } from '@shinkumi/common/bridge.ts'
import type { Logger } from '../../platform/logger.ts'
import type { CoreContext, Entries } from './context.ts'

export function appEntries({ deps, client, vaultAsIs, idle, guard }: CoreContext): Entries<'app.status' | 'app.about' | 'diagnostics.report'> {
  return {
    'app.status': () =>
      guard('app.status', async (): Promise<AppStatus> => {
        const vault = await vaultAsIs()
        await idle.enforce(vault)
        // OTP-05: the app lock comes first, and a locked vault does not even tell how many tokens it holds.
        if (vault.locked) return { phase: 'locked', tokenCount: 0 }
        const tokenCount = vault.tokens().length
        return { phase: tokenCount === 0 ? 'setup' : 'ready', tokenCount }
      }),
    'app.about': async () => ({ version: deps.version, serviceUrl: client.url, channel: deps.channel }),
    'diagnostics.report': async ({ kind, detail }) => report(deps.logger, kind, detail),
  }
}

/** OTP-26: what the renderer caught is logged; out of memory has its own code, the rest is A999 with the log's id. */
function report(logger: Logger, kind: 'crash' | 'oom' | 'error', detail: string): AppError {
  const correlationId = randomUUID()
  logger.error(`renderer reported ${kind}`, correlationId, { detail: String(detail).slice(0, 4000) })
  return kind === 'oom' ? { code: 'A9EX' } : { code: 'A999', correlationId }
}
