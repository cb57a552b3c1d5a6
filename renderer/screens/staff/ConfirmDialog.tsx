// The last look before an action (STF-04): what will be done, to whom, why — then [実行する] or [キャンセル].
import { Button, Group, Modal, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useI18n } from '../../i18n/I18nProvider.tsx'

interface Props {
  opened: boolean
  title: string
  children: ReactNode
  busy: boolean
  onConfirm: () => void
  onCancel: () => void
  confirmLabel?: string
  danger?: boolean
}

export function ConfirmDialog({ opened, title, children, busy, onConfirm, onCancel, confirmLabel, danger }: Props) {
  const { t } = useI18n()
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered withCloseButton={false} closeOnClickOutside={!busy} data-testid="staff-confirm">
      <Stack gap="md">
        <Stack gap={6}>{children}</Stack>
        <Group grow>
          <Button variant="default" size="md" onClick={onCancel} disabled={busy} data-testid="staff-confirm-cancel">
            {t('staff.action.cancel')}
          </Button>
          <Button size="md" color={danger ? 'red' : undefined} onClick={onConfirm} loading={busy} data-testid="staff-confirm-ok">
            {confirmLabel ?? t('staff.action.execute')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}

export function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {value}
      </Text>
    </div>
  )
}
