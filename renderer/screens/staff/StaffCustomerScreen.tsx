// 顧客情報 (STF-03): the person, each account's API-linkage lock, recent attempts and linked services, and each OTP
// user's status, OTP lock, activation password and devices — with the actions this role may take (STF-04). The
// service checks the role again; the buttons only mirror it.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import type { AccountView, OtpUserView } from '@shinkumi/common/staff-api.ts'
import { api } from '../../bridge.ts'
import { Loading } from '../../components/Loading.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { PlannedAction, ScreenOf } from '../../navigation/screens.ts'
import { accountLabel, jstTime, slashDate } from './staff-format.ts'
import { StaffErrorAlert } from './StaffError.tsx'
import { hasRole, StaffShell, useStaff } from './StaffShell.tsx'

function Section({ title, subtitle, children, testId }: { title: string; subtitle?: string; children: ReactNode; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="sm" data-testid={testId}>
      <Title order={2} size="h5" c="navy.9" mb={subtitle ? 0 : 6}>
        {title}
      </Title>
      {subtitle && (
        <Text size="xs" c="dimmed" mb={6}>
          {subtitle}
        </Text>
      )}
      <Stack gap={6}>{children}</Stack>
    </Paper>
  )
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
      <Text size="sm" c="dimmed" style={{ flex: 'none' }}>
        {label}
      </Text>
      <div style={{ textAlign: 'right', minWidth: 0 }}>{children}</div>
    </Group>
  )
}

const LockBadge = ({ locked, testId }: { locked: boolean; testId: string }) => {
  const { t } = useI18n()
  return (
    <Badge color={locked ? 'red' : 'gray'} variant={locked ? 'filled' : 'light'} data-testid={testId} data-locked={locked}>
      {t(locked ? 'staff.customer.locked' : 'staff.customer.notLocked')}
    </Badge>
  )
}

function ActionButton({ action, target, label }: { action: PlannedAction; target: string; label?: string }) {
  const { t } = useI18n()
  const navigator = useNavigator()
  const here = navigator.state.screen
  return (
    <Button size="sm" variant="light" onClick={() => navigator.go({ name: 'staffAction', action, target, back: here })} data-testid={`staff-action-${action.kind}`}>
      {label ?? t(`staff.action.${action.kind}`)}
    </Button>
  )
}

function AccountSection({ account }: { account: AccountView }) {
  const { t } = useI18n()
  const staff = useStaff()
  const lock = account.linkageLock
  const label = accountLabel(t, account)
  return (
    <Section title={`${label}${t(`staff.customer.accountStatus.${account.status}`)}`} testId="staff-account">
      <Row label={t('staff.customer.linkageLock')}>
        <LockBadge locked={lock.locked} testId="staff-linkage-lock" />
        <Text size="xs">{t('staff.customer.failures', { count: lock.failures, max: lock.maxFailures })}</Text>
        {lock.locked && <Text size="xs">{t('staff.customer.lockedUntil', { time: jstTime(lock.lockedUntil) })}</Text>}
      </Row>
      {(lock.locked || lock.failures > 0) && <ActionButton action={{ kind: 'release-linkage-lock', accountId: account.accountId }} target={label} />}
      <Text size="sm" c="dimmed">
        {t('staff.customer.attempts')}
      </Text>
      {account.lastAttempts.length === 0 && <Text size="xs">{t('staff.customer.noAttempts')}</Text>}
      {account.lastAttempts.map((a, i) => (
        <Group key={i} justify="space-between" wrap="nowrap" gap="xs" data-testid="staff-attempt">
          <Text size="xs" truncate>
            {jstTime(a.updatedAt)}　{a.clientName}
          </Text>
          <Text size="xs" fw={a.step === 'refused' ? 700 : 400} c={a.step === 'refused' ? 'red.8' : undefined} style={{ flex: 'none' }}>
            {t(`staff.step.${a.step}`)}
          </Text>
        </Group>
      ))}
      <Text size="sm" c="dimmed">
        {t('staff.customer.linkages')}
      </Text>
      {account.linkages.length === 0 && <Text size="xs">{t('staff.customer.noLinkages')}</Text>}
      {account.linkages.map((l) => (
        <div key={l.grantId} data-testid="staff-linkage">
          <Text size="sm">{l.clientName}</Text>
          <Text size="xs" c="dimmed">
            {t('staff.customer.linkageUntil', { time: jstTime(l.expiresAt) })}
          </Text>
          {hasRole(staff, '管理者') && (
            <Group justify="flex-end" mt={4}>
              <ActionButton action={{ kind: 'revoke-linkage', grantId: l.grantId }} target={`${label} / ${l.clientName}`} />
            </Group>
          )}
        </div>
      ))}
    </Section>
  )
}

function OtpUserSection({ user }: { user: OtpUserView }) {
  const { t } = useI18n()
  const staff = useStaff()
  const who = { serviceId: user.serviceId, userId: user.userId }
  const target = `${user.serviceId} / ${user.userId}`
  const supervisor = hasRole(staff, '管理者')
  const activation = user.activation
  return (
    <Section title={target} subtitle={user.serviceName} testId="staff-otp-user">
      <Row label={t('staff.customer.userStatus')}>
        <Badge color={user.status === 'active' ? 'teal' : 'orange'} variant="light" data-testid="staff-user-status">
          {t(`staff.customer.userStatus.${user.status}`)}
        </Badge>
      </Row>
      <Row label={t('staff.customer.otpLock')}>
        <LockBadge locked={user.otpLock.locked} testId="staff-otp-lock" />
        <Text size="xs">{t('staff.customer.failures', { count: user.otpLock.failures, max: user.otpLock.maxFailures })}</Text>
        {user.otpLock.locked && <Text size="xs">{t('staff.customer.lockedAt', { time: jstTime(user.otpLock.lockedAt) })}</Text>}
      </Row>
      {user.otpLock.failures > 0 && <ActionButton action={{ kind: 'reset-otp-failures', ...who }} target={target} />}
      <Row label={t('staff.customer.activation')}>
        <Text size="sm" data-testid="staff-activation-state" data-state={activation.state}>
          {t(`staff.customer.activation.${activation.state}`, { time: jstTime(activation.expiresAt) })}
        </Text>
      </Row>
      {activation.state === 'locked' && <ActionButton action={{ kind: 'unlock-activation', ...who }} target={target} />}
      <Text size="sm" c="dimmed">
        {t('staff.customer.devices')}
      </Text>
      {user.devices.length === 0 && <Text size="xs">{t('staff.customer.noDevices')}</Text>}
      {user.devices.map((d) => (
        <div key={d.serialNumber} data-testid="staff-device">
          <Group gap={6}>
            <Text size="sm">{t('staff.customer.device', { serial: d.serialNumber })}</Text>
            <Badge size="sm" color={d.status === 'active' ? 'teal' : 'gray'} variant="light">
              {t(`staff.customer.device.${d.status}`)}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t('staff.customer.deviceDates', { created: jstTime(d.createdAt), expires: jstTime(d.expiresAt) })}
          </Text>
          {supervisor && d.status === 'active' && (
            <Group justify="flex-end" mt={4}>
              <ActionButton action={{ kind: 'revoke-device', ...who, serialNumber: d.serialNumber }} target={`${target} / ${d.serialNumber}`} />
            </Group>
          )}
        </div>
      ))}
      {user.pendingApprovals.length > 0 && (
        <Text size="xs" c="orange.8" data-testid="staff-pending">
          {t('staff.customer.pending')}: {user.pendingApprovals.map((a) => t(`staff.action.${a.kind}`)).join('、')}
        </Text>
      )}
      {supervisor && (
        <Group gap="xs" mt={4}>
          <ActionButton action={{ kind: user.status === 'active' ? 'suspend' : 'resume', ...who }} target={target} />
          <ActionButton action={{ kind: 'reissue-activation', ...who }} target={target} />
        </Group>
      )}
    </Section>
  )
}

function Detail({ screen }: { screen: ScreenOf<'staffCustomer'> }) {
  const { t } = useI18n()
  const { data: detail, error } = useBridgeCall({ load: () => api['staff.customer'](screen.ref) })

  if (!detail) {
    return error ? (
      <Stack p="md">
        <StaffErrorAlert error={error} />
      </Stack>
    ) : (
      <Loading label="common.communicating" inline />
    )
  }
  const person = detail.customer
  return (
    <Stack gap="sm" p="md" data-testid="staff-customer">
      {person && (
        <Section title={t('staff.customer.person')}>
          <Row label={t('staff.customer.name')}>
            <Text size="sm" fw={700} data-testid="staff-customer-name">
              {person.nameKana}
            </Text>
          </Row>
          <Row label={t('staff.customer.birthDate')}>
            <Text size="sm">{slashDate(person.birthDate)}</Text>
          </Row>
          <Row label={t('staff.customer.phone')}>
            <Text size="sm">＊＊＊{person.phoneLast4}</Text>
          </Row>
        </Section>
      )}
      {detail.accounts.map((a) => (
        <AccountSection key={a.accountId} account={a} />
      ))}
      {detail.otpUsers.map((u) => (
        <OtpUserSection key={`${u.serviceId}/${u.userId}`} user={u} />
      ))}
    </Stack>
  )
}

export function StaffCustomerScreen({ screen }: { screen: ScreenOf<'staffCustomer'> }) {
  return (
    <StaffShell>
      <Detail screen={screen} />
    </StaffShell>
  )
}
