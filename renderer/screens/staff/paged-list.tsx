// The staff lists come a page at a time (SCALE-01): the first page when the screen opens, and [さらに表示] appends
// the next one for as long as the service gives a cursor.
import { Button } from '@mantine/core'
import { useState } from 'react'
import type { Result } from '@shinkumi/common/result.ts'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

interface Page {
  nextCursor: string | null
}

/**
 * The screen's bridge calls (useBridgeCall) for a list: `rows` shown so far (null until the first page came), the
 * first page loaded when the screen opens (unless `loadFirst` is false) and again on `refetch`, `more` appending
 * the next page, `show` for a first page the screen asked for itself (a new search).
 */
export function usePagedList<P extends Page, T>(fetchPage: (cursor?: string) => Promise<Result<P>>, rowsOf: (page: P) => T[], loadFirst = true) {
  const [rows, setRows] = useState<T[] | null>(null)
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const show = (page: P, append: boolean) => {
    setRows((shown) => [...(append ? (shown ?? []) : []), ...rowsOf(page)])
    setNextCursor(page.nextCursor)
  }
  const call = useBridgeCall({ load: loadFirst ? () => fetchPage() : undefined, onLoad: (page) => show(page, false) })
  const more = (cursor: string) =>
    call.run(
      () => fetchPage(cursor),
      (page) => show(page, true),
    )
  return { ...call, rows, nextCursor, show, more }
}

export function MoreButton({ nextCursor, busy, onMore, testId }: { nextCursor: string | null; busy: boolean; onMore: (cursor: string) => void; testId: string }) {
  const { t } = useI18n()
  if (!nextCursor) return null
  return (
    <Button variant="subtle" size="md" loading={busy} onClick={() => onMore(nextCursor)} data-testid={testId}>
      {t('staff.more')}
    </Button>
  )
}
