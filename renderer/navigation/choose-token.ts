// After a token is chosen — at start-up or on トークン選択 — the expiry checks come before ワンタイムパスワード
// (OTP-05, OTP-20…22). Every way of choosing a token goes through here.
import type { BridgeApi } from '@shinkumi/common/bridge.ts'
import { settle } from '../lib/diagnostics.ts'
import type { Navigator } from './Navigation.tsx'

export async function chooseToken(bridge: BridgeApi, navigator: Navigator, tokenId: string, stopped: () => boolean = () => false): Promise<void> {
  const check = await settle(bridge['expiry.check'](tokenId))
  if (stopped()) return
  if (!check.ok) return navigator.fail(check.error, 'other', { name: 'startup' })
  switch (check.value.state) {
    case 'valid':
      return navigator.showToken(tokenId)
    case 'renew':
      return navigator.go({ name: 'expiryRenew', tokenId })
    case 'expired':
      return navigator.go({ name: 'expired', tokenId })
  }
}
