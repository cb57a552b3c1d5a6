// The bottom tabs (OTP-05), in the seed's order.
import type { ComponentType } from 'react'
import { GearIcon, KeyIcon, ListIcon, ReceiptIcon } from '../components/Icons.tsx'
import type { TabFacts } from '../hooks/useTabFacts.tsx'
import type { MessageKey } from '../i18n/ja.ts'
import type { Screen, TabId } from './screens.ts'
import type { NavigationState } from './state.ts'

export interface TabSpec {
  id: TabId
  label: MessageKey
  Icon: ComponentType
  /** The screen the tab opens; null disables the tab (no token chosen yet). */
  target: (state: NavigationState) => Screen | null
  /** For tabs that depend on the app's tokens: hidden, or another label. */
  adapt?: (facts: TabFacts) => { hidden?: boolean; label?: MessageKey }
}

export const tabs: TabSpec[] = [
  {
    id: 'otp',
    label: 'tab.otp',
    Icon: KeyIcon,
    target: (state) => (state.tokenId ? { name: 'otp', tokenId: state.tokenId } : null),
  },
  { id: 'tokens', label: 'tab.tokens', Icon: ListIcon, target: () => ({ name: 'tokenSelect' }) },
  {
    id: 'transactions',
    label: 'tab.transactions',
    Icon: ReceiptIcon,
    target: () => ({ name: 'transactions' }),
    // Only when a token's service offers 取引確認; until its first use it reads 「取引認証開始」 (seed 4.3, S3D3).
    adapt: ({ transactions }) => ({
      hidden: !transactions?.offered,
      label: transactions?.enrolmentPending ? 'tab.enrol' : 'tab.transactions',
    }),
  },
  { id: 'settings', label: 'tab.settings', Icon: GearIcon, target: () => ({ name: 'settings' }) },
]
