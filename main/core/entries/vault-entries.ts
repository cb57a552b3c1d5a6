// The way out of A998 (OTP-26): a vault this machine cannot open (copied from another PC, key store changed, damaged)
// is moved aside — never deleted, support may still look at it — so that after the re-issue the customer can run
// 初期設定 again. A vault that opens (locked or not) is never touched.
import { VaultUnavailableError } from '../vault.ts'
import type { CoreContext, Entries } from './context.ts'

export function vaultEntries({ deps, vaultAsIs, guard }: CoreContext): Entries<'vault.reset'> {
  return {
    'vault.reset': () =>
      guard('vault.reset', async () => {
        const failure = await vaultAsIs().then(
          () => undefined,
          (error: unknown) => error,
        )
        // Unexpected from our own screens, so A999 with a log line: the renderer offers this only on A998.
        if (!(failure instanceof VaultUnavailableError)) throw new Error('vault.reset refused: the vault opens on this machine', { cause: failure })
        const tag = `unreadable-${deps.clock.now().toISOString().replaceAll(':', '-')}`
        const movedAside = deps.store.moveAside(tag)
        deps.logger.info('unreadable vault moved aside', { reason: failure.reason, movedAside })
        return { movedAside }
      }),
  }
}
