// 顧客検索 (STF-03): by 店番 + 口座番号 or by サービスID + ユーザID. The rules are the contract's, checked here first.
import { Button, Group, Paper, SegmentedControl, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { CustomerSearch } from '@shinkumi/common/staff-api.ts'
import { api } from '../../bridge.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { ScreenOf } from '../../navigation/screens.ts'
import { MoreButton, usePagedList } from './paged-list.tsx'
import { accountLabel } from './staff-format.ts'
import { StaffErrorAlert } from './StaffError.tsx'
import { StaffShell } from './StaffShell.tsx'

/** A page asked for without a search: never, since only a search's results offer [さらに表示]. */
const noSearch = { ok: false, error: { code: 'BAD_REQUEST' } } as const

const plainInput = { autoComplete: 'off', autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false } as const

/** The form's fields of a search the screen was reopened with (the page it was on is not kept). */
function searchFields(search: CustomerSearch): Record<string, string> {
  return search.by === 'account' ? { branch: search.branch, accountNumber: search.accountNumber } : { serviceId: search.serviceId, userId: search.userId }
}

function Search({ initial }: { initial?: CustomerSearch }) {
  const { t } = useI18n()
  const navigator = useNavigator()
  const [by, setBy] = useState<CustomerSearch['by']>(initial?.by ?? 'account')
  const [fields, setFields] = useState<Record<string, string>>(initial ? searchFields(initial) : {})
  // Reopened with a search ([戻る] from a customer), the screen asks it again at once.
  const [searched, setSearched] = useState<CustomerSearch | null>(initial ?? null)
  const find = (query: CustomerSearch, cursor?: string) => api['staff.search']({ ...query, cursor })
  const list = usePagedList(
    (cursor) => (searched ? find(searched, cursor) : Promise.resolve(noSearch)),
    (page) => page.customers,
    initial !== undefined,
  )
  const { rows: customers, nextCursor, busy, error, setError, run } = list
  const field = (name: string, label: Parameters<typeof t>[0], width: number) => (
    <TextInput
      label={t(label)}
      value={fields[name] ?? ''}
      onChange={(e) => setFields({ ...fields, [name]: e.currentTarget.value.trim() })}
      style={{ flex: width }}
      {...plainInput}
      data-testid={`staff-search-${name}`}
    />
  )

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const query = CustomerSearch.safeParse({ ...fields, by })
    if (!query.success) return setError({ code: 'BAD_REQUEST' })
    void run(
      () => find(query.data),
      (page) => {
        setSearched(query.data)
        list.show(page, false)
      },
    )
  }

  return (
    <Stack gap="sm" p="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SegmentedControl
            fullWidth
            value={by}
            onChange={(value) => setBy(value as CustomerSearch['by'])}
            data={[
              { value: 'account', label: t('staff.search.byAccount') },
              { value: 'user', label: t('staff.search.byUser') },
            ]}
            data-testid="staff-search-by"
          />
          {by === 'account' ? (
            <Group gap="sm" wrap="nowrap" align="flex-end">
              {field('branch', 'staff.search.branch', 1)}
              {field('accountNumber', 'staff.search.accountNumber', 2)}
            </Group>
          ) : (
            <Group gap="sm" wrap="nowrap" align="flex-end">
              {field('serviceId', 'staff.search.serviceId', 1)}
              {field('userId', 'staff.search.userId', 1)}
            </Group>
          )}
          <Button type="submit" loading={busy} data-testid="staff-search-submit">
            {t('staff.search.submit')}
          </Button>
        </Stack>
      </form>
      <StaffErrorAlert error={error} />
      {searched && customers && (
        <Stack gap="xs" data-testid="staff-search-results">
          <Text size="sm" fw={700}>
            {customers.length ? t('staff.search.results', { count: customers.length }) : t('staff.search.none')}
          </Text>
          {customers.map((customer) => (
            <UnstyledButton
              key={JSON.stringify(customer.ref)}
              onClick={() => navigator.go({ name: 'staffCustomer', ref: customer.ref, back: { name: 'staffSearch', search: searched } })}
              data-testid="staff-search-result"
            >
              <Paper withBorder radius="md" p="sm" className="staff-card-link">
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={700}>{customer.nameKana ?? t('staff.search.noName')}</Text>
                  <span className="menu-item-chevron" aria-hidden>
                    ›
                  </span>
                </Group>
                {customer.accounts.map((a) => (
                  <Text key={accountLabel(t, a)} size="sm" c="dimmed">
                    {accountLabel(t, a)}
                  </Text>
                ))}
                {customer.otpUsers.map((u) => (
                  <Text key={`${u.serviceId}/${u.userId}`} size="sm" c="dimmed">
                    {u.serviceId} / {u.userId}
                  </Text>
                ))}
              </Paper>
            </UnstyledButton>
          ))}
          <MoreButton nextCursor={nextCursor} busy={busy} onMore={(cursor) => void list.more(cursor)} testId="staff-search-more" />
        </Stack>
      )}
    </Stack>
  )
}

export function StaffSearchScreen({ screen }: { screen: ScreenOf<'staffSearch'> }) {
  return (
    <StaffShell>
      <Search initial={screen.search} />
    </StaffShell>
  )
}
