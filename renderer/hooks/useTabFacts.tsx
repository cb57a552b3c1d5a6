// What the tab bar needs beyond the navigation state: whether the 取引確認 tab shows and what it reads (OTP-05,
// OTP-25). Asked again on every screen change that shows the tabs (トークン追加/削除), and on demand: 取引認証開始
// completes inside the 取引確認 screen, without a screen change, and that screen calls `refetch`.
import { createContext, useContext, type ReactNode } from 'react'
import type { z } from 'zod'
import type { TransactionsOverview } from '@shinkumi/common/bridge.ts'
import { api } from '../bridge.ts'
import { useNavigator } from '../navigation/Navigation.tsx'
import { useBridgeCall } from './useBridgeCall.ts'

export interface TabFacts {
  /** Null until known, or when it cannot be known (the tab then stays hidden: this is no place for an error). */
  transactions: z.infer<typeof TransactionsOverview> | null
}

interface TabFactsValue extends TabFacts {
  refetch: () => void
}

const TabFactsContext = createContext<TabFactsValue | null>(null)

const unknown = { ok: true, value: null } as const
const overview = () =>
  api['transactions.overview']().then(
    (result) => (result.ok ? result : unknown),
    () => unknown,
  )

/** `shown`: whether the current screen has the tab bar; the facts are asked only for one that has. */
export function TabFactsProvider({ shown, children }: { shown: boolean; children: ReactNode }) {
  const { visit } = useNavigator().state
  const { data, refetch } = useBridgeCall<TabFacts['transactions']>({ load: shown ? overview : undefined, loadKey: visit })
  return <TabFactsContext.Provider value={{ transactions: data, refetch: () => void refetch() }}>{children}</TabFactsContext.Provider>
}

export function useTabFacts(): TabFactsValue {
  const facts = useContext(TabFactsContext)
  if (!facts) throw new Error('useTabFacts outside TabFactsProvider')
  return facts
}
