// Token names (OTP-04, seed 3.3 注意): tokens of one service are named in order of addition `サービス名`,
// `サービス名_2`, `_3` …; the screens show that name followed by the customer's 追加文言.
//
// The number is one more than the highest number among the service's tokens still in the app. So the names of
// the tokens present always follow their order of addition and never collide; deleting the newest token frees
// its number for the next one, and deleting every token of a service starts it again at the plain name (a lone
// `サービス名_4` would only puzzle). No history has to be kept in the vault for it.
import type { TokenView } from '@shinkumi/common/bridge.ts'
import type { TokenRecord } from './vault.ts'

export function nextOrdinal(tokens: readonly TokenRecord[], serviceId: string): number {
  return Math.max(0, ...tokens.filter((t) => t.serviceId === serviceId).map((t) => t.ordinal)) + 1
}

export function baseName(token: Pick<TokenRecord, 'serviceName' | 'ordinal'>): string {
  return token.ordinal === 1 ? token.serviceName : `${token.serviceName}_${token.ordinal}`
}

export function toTokenView(token: TokenRecord): TokenView {
  const name = baseName(token)
  return {
    id: token.id,
    serviceId: token.serviceId,
    serviceName: token.serviceName,
    userId: token.userId,
    baseName: name,
    suffix: token.suffix,
    displayName: name + token.suffix,
    serialNumber: token.serialNumber,
    expiresAt: token.expiresAt,
    logoUrl: token.logoUrl,
    linkUrl: token.linkUrl,
    offersTransactions: token.offersTransactions,
  }
}
