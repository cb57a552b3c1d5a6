// The bottom tabs (OTP-05), in the seed's order. トークン選択 and 取引確認 join here with their screens.
import type { ComponentType } from 'react'
import { GearIcon, KeyIcon } from '../components/Icons.tsx'
import type { MessageKey } from '../i18n/ja.ts'
import type { Screen, TabId } from './screens.ts'
import type { NavigationState } from './state.ts'

export interface TabSpec {
  id: TabId
  label: MessageKey
  Icon: ComponentType
  /** The screen the tab opens; null disables the tab (no token chosen yet). */
  target: (state: NavigationState) => Screen | null
}

export const tabs: TabSpec[] = [
  {
    id: 'otp',
    label: 'tab.otp',
    Icon: KeyIcon,
    target: (state) => (state.tokenId ? { name: 'otp', tokenId: state.tokenId } : null),
  },
  { id: 'settings', label: 'tab.settings', Icon: GearIcon, target: () => ({ name: 'settings' }) },
]
