// After a token is chosen — at start-up or on トークン選択 — the expiry checks come before ワンタイムパスワード
// (OTP-05, OTP-20…22). Every way of choosing a token goes through here.
import type { BridgeApi, Result } from '@shinkumi/common/bridge.ts'
import type { Navigator } from './Navigation.tsx'
import type { Screen } from './screens.ts'

/** Where the answers lead; taken by the screen that asked (useBridgeCall's onValue/onLoad) while it still shows. */
export type Step = (navigator: Navigator) => void

export const goTo = (screen: Screen): Result<Step> => ({ ok: true, value: (navigator) => navigator.go(screen) })

export async function chosenToken(bridge: BridgeApi, tokenId: string): Promise<Result<Step>> {
  const check = await bridge['expiry.check'](tokenId)
  if (!check.ok) return check
  switch (check.value.state) {
    case 'valid':
      return { ok: true, value: (navigator) => navigator.showToken(tokenId) }
    case 'renew':
      return goTo({ name: 'expiryRenew', tokenId })
    case 'expired':
      return goTo({ name: 'expired', tokenId })
  }
}
