// ロック中一覧 (STF-03): everything locked now — API linkage, OTP, activation password — newest first; each opens
// the customer.
import { Badge, Center, Group, Loader, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import { useEffect, useEffectEvent, useState } from 'react'
import type { LockedItem } from '../../../common/staff-api.ts'
import { api } from '../../bridge.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'
import { jstTime } from './staff-format.ts'
import { useStaffCall } from './staff-call.ts'
import { StaffErrorAlert } from './StaffError.tsx'
import { StaffShell } from './StaffShell.tsx'

const KIND_COLOR = { linkage: 'grape', otp: 'red', activation: 'orange' } as const

function Locks() {
  const { t } = useI18n()
  const navigator = useNavigator()
  const { error, run } = useStaffCall()
  const [items, setItems] = useState<LockedItem[] | null>(null)
  const load = useEffectEvent(async () => {
    const loaded = await run(() => api['staff.locks']())
    if (loaded) setItems(loaded)
  })
  useEffect(() => void load(), [])

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
