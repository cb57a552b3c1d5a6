// ロック中一覧 (STF-03): everything locked now — API linkage, OTP, activation password — newest first; each opens
// the customer.
import { Badge, Center, Group, Loader, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import { useEffect, useEffectEvent } from 'react'
import type { LockedItem } from '@shinkumi/common/staff-api.ts'
import { api } from '../../bridge.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'
import { jstTime } from './staff-format.ts'
import { MoreButton, usePagedList } from './paged-list.tsx'
import { useStaffCall } from './staff-call.ts'
import { StaffErrorAlert } from './StaffError.tsx'
import { StaffShell } from './StaffShell.tsx'

const KIND_COLOR = { linkage: 'grape', otp: 'red', activation: 'orange' } as const

function Locks() {
  const { t } = useI18n()
  const navigator = useNavigator()
  const { busy, error, run } = useStaffCall()
  const { rows: items, nextCursor, show } = usePagedList<LockedItem>()
  const load = async (cursor?: string) => {
    const page = await run(() => api['staff.locks']({ cursor }))
    if (page) show({ rows: page.items, nextCursor: page.nextCursor }, cursor !== undefined)
  }
  const first = useEffectEvent(() => void load())
  useEffect(() => first(), [])

  if (!items) return error ? <StaffErrorAlert error={error} /> : <Center py="xl"><Loader color="teal" aria-label={t('common.communicating')} /></Center>
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
      <MoreButton nextCursor={nextCursor} busy={busy} onMore={(cursor) => void load(cursor)} testId="staff-locks-more" />
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
