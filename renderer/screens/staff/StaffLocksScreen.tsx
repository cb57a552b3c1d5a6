// ロック中一覧 (STF-03): everything locked now — API linkage, OTP, activation password — newest first; each opens
// the customer.
import { Badge, Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import { api } from '../../bridge.ts'
import { Loading } from '../../components/Loading.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'
import { jstTime } from './staff-format.ts'
import { MoreButton, usePagedList } from './paged-list.tsx'
import { StaffErrorAlert } from './StaffError.tsx'
import { StaffShell } from './StaffShell.tsx'

const KIND_COLOR = { linkage: 'grape', otp: 'red', activation: 'orange' } as const

function Locks() {
  const { t } = useI18n()
  const navigator = useNavigator()
  const {
    rows: items,
    nextCursor,
    busy,
    error,
    more,
  } = usePagedList(
    (cursor) => api['staff.locks']({ cursor }),
    (page) => page.items,
  )

  if (!items) return error ? <StaffErrorAlert error={error} /> : <Loading label="common.communicating" inline />
  return (
    <Stack gap="xs" p="md" data-testid="staff-locks">
      {items.length === 0 && (
        <Text ta="center" c="dimmed" py="lg">
          {t('staff.locks.none')}
        </Text>
      )}
      {items.map((item, i) => (
        <UnstyledButton key={i} onClick={() => navigator.go({ name: 'staffCustomer', ref: item.ref, back: { name: 'staffLocks' } })} data-testid="staff-lock-item" data-kind={item.kind}>
          <Paper withBorder radius="md" p="sm" className="staff-card-link">
            <Group justify="space-between" wrap="nowrap" gap="xs">
              <Badge color={KIND_COLOR[item.kind]} variant="light">
                {t(`staff.locks.kind.${item.kind}`)}
              </Badge>
              <Text size="xs" c="dimmed">
                {item.lockedAt ? jstTime(item.lockedAt) : t('staff.locks.unknownTime')}
              </Text>
            </Group>
            <Text fw={700} mt={4}>
              {item.nameKana ?? item.label}
            </Text>
            <Text size="sm" c="dimmed">
              {item.nameKana ? `${item.label}　` : ''}
              {t('staff.locks.failures', { count: item.failures })}
            </Text>
            {item.lockedUntil && (
              <Text size="xs" c="dimmed">
                {t('staff.customer.lockedUntil', { time: jstTime(item.lockedUntil) })}
              </Text>
            )}
          </Paper>
        </UnstyledButton>
      ))}
      <StaffErrorAlert error={error} />
      <MoreButton nextCursor={nextCursor} busy={busy} onMore={(cursor) => void more(cursor)} testId="staff-locks-more" />
    </Stack>
  )
}

export function StaffLocksScreen() {
  return (
    <StaffShell>
      <Locks />
    </StaffShell>
  )
}
