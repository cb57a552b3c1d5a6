// The staff lists come a page at a time (SCALE-01): the first page when the screen opens, and [さらに表示] appends
// the next one for as long as the service gives a cursor.
import { Button } from '@mantine/core'
import { useState } from 'react'
import { useI18n } from '../../i18n/I18nProvider.tsx'

/** The rows shown so far and the cursor of the next page; `show` replaces them (first page) or appends. */
export function usePagedList<T>() {
  const [rows, setRows] = useState<T[] | null>(null)
  const [nextCursor, setNextCursor] = useState<string | null>(null)
  const show = (page: { rows: T[]; nextCursor: string | null }, append: boolean) => {
    setRows((shown) => [...(append ? (shown ?? []) : []), ...page.rows])
    setNextCursor(page.nextCursor)
  }
  return { rows, nextCursor, show }
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
