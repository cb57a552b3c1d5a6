// パスワード補正 entry (OTP-24, seed 3.9).
import { correctClock } from '../correction.ts'
import { createRequestSigner } from '../device-keys.ts'
import type { CoreContext, Entries } from './context.ts'
import { knownToken } from './token-entries.ts'

export function correctionEntries({ deps, client, vault, guard }: CoreContext): Entries<'correction.run'> {
  return {
    'correction.run': (tokenId) =>
      guard('correction.run', async () => {
        const open = await vault()
        const signer = createRequestSigner(open, deps.clock)
        const steps = await correctClock({ vault: open, client, signer, clock: deps.clock }, knownToken(open, tokenId))
        deps.logger.info('password correction stored by the service', { correctionSteps: steps })
        return null
      }),
  }
}
