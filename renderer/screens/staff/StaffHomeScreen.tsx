// スタッフメニュー: what this staff member's role may open (STF-02), and the way out of staff mode.
import { Button, Paper, Stack, Text } from '@mantine/core'
import type { StaffRole } from '@shinkumi/common/staff-api.ts'
import { api } from '../../bridge.ts'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { MessageKey } from '../../i18n/ja.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { Screen } from '../../navigation/screens.ts'
import { StaffShell, useStaff } from './StaffShell.tsx'

interface Entry {
  label: MessageKey
  hint: MessageKey
  roles: StaffRole[]
  target: Screen
  testId: string
}

const ENTRIES: Entry[] = [
  { label: 'staff.home.search', hint: 'staff.home.searchHint', roles: ['窓口', '管理者'], target: { name: 'staffSearch' }, testId: 'staff-menu-search' },
  { label: 'staff.home.locks', hint: 'staff.home.locksHint', roles: ['窓口', '管理者'], target: { name: 'staffLocks' }, testId: 'staff-menu-locks' },
  { label: 'staff.home.approvals', hint: 'staff.home.approvalsHint', roles: ['管理者'], target: { name: 'staffApprovals' }, testId: 'staff-menu-approvals' },
  { label: 'staff.home.maintenance', hint: 'staff.home.maintenanceHint', roles: ['管理者'], target: { name: 'staffMaintenance' }, testId: 'staff-menu-maintenance' },
  { label: 'staff.home.audit', hint: 'staff.home.auditHint', roles: ['監査'], target: { name: 'staffAudit' }, testId: 'staff-menu-audit' },
]

function Menu() {
  const { t } = useI18n()
  const navigator = useNavigator()
  const staff = useStaff()
  const { data: status } = useBridgeCall({ load: async () => ({ ok: true as const, value: await api['staff.status']() }) })
  return (
    <Stack gap="md" p="md">
      <Paper component="nav" aria-label={t('title.staffHome')} withBorder radius="md" style={{ overflow: 'hidden' }}>
        {ENTRIES.filter((e) => e.roles.includes(staff.role)).map((entry) => (
          <button key={entry.testId} type="button" className="menu-item staff-menu-item" onClick={() => navigator.go(entry.target)} data-testid={entry.testId}>
            <span>
              <span className="staff-menu-label">{t(entry.label)}</span>
              <span className="staff-menu-hint">{t(entry.hint)}</span>
            </span>
            <span className="menu-item-chevron" aria-hidden>
              ›
            </span>
          </button>
        ))}
      </Paper>
      {status && (
        <Text size="xs" c="dimmed" ta="center">
          {t('staff.home.idle', { minutes: Math.max(1, Math.round(status.idleSeconds / 60)) })}
        </Text>
      )}
      <Button variant="outline" color="red" onClick={() => navigator.go({ name: 'staffLeave' })} data-testid="staff-leave">
        {t('staff.home.leave')}
      </Button>
    </Stack>
  )
}

export function StaffHomeScreen() {
  return (
    <StaffShell>
      <Menu />
    </StaffShell>
  )
}
