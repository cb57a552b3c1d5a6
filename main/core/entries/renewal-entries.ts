// 有効期限更新 / 有効期限切れ entries (OTP-20…23, seed 3.8): the check the renderer runs after a token is chosen,
// 「後で通知」, 「今すぐ更新」 and the removal of an expired token.
import type { ExpiryCheck } from '@shinkumi/common/bridge.ts'
import type { z } from 'zod'
import { createRequestSigner } from '../device-keys.ts'
import { toTokenView } from '../naming.ts'
import { expiryState, renewToken } from '../renewal.ts'
import type { CoreContext, Entries } from './context.ts'
import { knownToken } from './token-entries.ts'

type RenewalChannel = 'expiry.check' | 'expiry.postpone' | 'expiry.renew' | 'expiry.removeExpired'

export function renewalEntries({ deps, client, vault, guard }: CoreContext): Entries<RenewalChannel> {
  // 「後で通知」 lasts for this run only: the seed asks again at the next start (3.8.1).
  const postponed = new Set<string>()
  const check = (expiresAt: string, id: string): z.infer<typeof ExpiryCheck>['state'] => {
    const state = expiryState(expiresAt, deps.clock.now().getTime())
    if (state === 'renewable') return postponed.has(id) ? 'valid' : 'renew'
    return state
  }
  return {
    'expiry.check': (tokenId) =>
      guard('expiry.check', async () => {
        const token = knownToken(await vault(), tokenId)
        return { state: check(token.expiresAt, token.id) }
      }),
    'expiry.postpone': (tokenId) =>
      guard('expiry.postpone', async () => {
        postponed.add(knownToken(await vault(), tokenId).id)
        return null
      }),
    'expiry.renew': (tokenId) =>
      guard('expiry.renew', async () => {
        const open = await vault()
        const signer = createRequestSigner(open, deps.clock)
        return toTokenView(await renewToken({ vault: open, client, signer }, knownToken(open, tokenId)))
      }),
    'expiry.removeExpired': (tokenId) =>
      guard('expiry.removeExpired', async () => {
        const open = await vault()
        const token = knownToken(open, tokenId)
        // Only an expired token goes this way: deleting a live one is トークン削除, with its own confirmation.
        if (expiryState(token.expiresAt, deps.clock.now().getTime()) !== 'expired') throw new Error(`token ${token.id} has not expired`)
        await open.removeToken(token.id)
        return { remaining: open.tokens().length }
      }),
  }
}
