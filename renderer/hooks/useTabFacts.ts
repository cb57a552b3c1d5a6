// What the tab bar needs beyond the navigation state: whether the 取引確認 tab shows and what it reads (OTP-05,
// OTP-25). Asked again on every screen change (トークン追加/削除) and when a screen says the facts changed
// (取引認証開始 completes inside the 取引確認 screen, without a screen change).
import { useEffect, useState, useSyncExternalStore } from 'react'
import type { z } from 'zod'
import type { TransactionsOverview } from '@shinkumi/common/bridge.ts'
import { api } from '../bridge.ts'
import { useNavigator } from '../navigation/Navigation.tsx'

export interface TabFacts {
  /** Null until known, or when it cannot be known (the tab then stays hidden: this is no place for an error). */
  transactions: z.infer<typeof TransactionsOverview> | null
}

let changes = 0
const listeners = new Set<() => void>()
const subscribe = (listener: () => void) => {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Makes the tab bar ask again. */
export function tabFactsChanged(): void {
  changes++
  for (const listener of listeners) listener()
}

export function useTabFacts(): TabFacts {
  const { visit } = useNavigator().state
  const changed = useSyncExternalStore(subscribe, () => changes)
  const [transactions, setTransactions] = useState<TabFacts['transactions']>(null)
  useEffect(() => {
    let stopped = false
    api['transactions.overview']().then(
      (result) => !stopped && setTransactions(result.ok ? result.value : null),
      () => !stopped && setTransactions(null),
    )
    return () => {
      stopped = true
    }
  }, [visit, changed])
  return { transactions }
}
