// メンテナンス設定 (STF-04, LNK-05 その他システムメンテナンス): the windows set, and a new ad-hoc window in Japan time,
// written to the linkage's own maintenance table by the service.
import { Alert, Button, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { api } from '../../bridge.ts'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { ConfirmDialog, Fact } from './ConfirmDialog.tsx'
import { fromJstInput, jstTime, toJstInput } from './staff-format.ts'
import { StaffErrorAlert } from './StaffError.tsx'
import { StaffShell } from './StaffShell.tsx'

const HOUR_MS = 3_600_000

function Maintenance() {
  const { t } = useI18n()
  const { data, busy, error, run, refetch } = useBridgeCall({ load: () => api['staff.maintenance']() })
  const windows = data ?? []
  const [startsAt, setStartsAt] = useState(() => toJstInput(Math.ceil(Date.now() / HOUR_MS) * HOUR_MS))
  const [endsAt, setEndsAt] = useState(() => toJstInput(Math.ceil(Date.now() / HOUR_MS) * HOUR_MS + HOUR_MS))
  const [reason, setReason] = useState('')
  const [invalid, setInvalid] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [set, setSet] = useState(false)

  const window = { startsAt: fromJstInput(startsAt), endsAt: fromJstInput(endsAt), reason: reason.trim() }
  const review = () => {
    const ok = window.startsAt !== null && window.endsAt !== null && window.endsAt > window.startsAt && window.reason !== ''
    setInvalid(!ok)
    setConfirming(ok)
  }
  const submit = async () => {
    const { startsAt: from, endsAt: until } = window
    if (!from || !until) return
    const done = await run(() => api['staff.act']({ kind: 'maintenance', startsAt: from, endsAt: until, reason: window.reason }))
    setConfirming(false)
    if (!done) return
    setSet(true)
    setReason('')
    await refetch()
  }

  return (
    <Stack gap="sm" p="md" data-testid="staff-maintenance">
      <Paper withBorder radius="md" p="sm">
        <Title order={2} size="h5" c="navy.9" mb={6}>
          {t('staff.maintenance.current')}
        </Title>
        {windows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('staff.maintenance.none')}
          </Text>
        )}
        {windows.map((w) => (
          <div key={w.id} data-testid="staff-maintenance-window">
            <Text size="sm" fw={700}>
              {jstTime(w.startsAt)} 〜 {jstTime(w.endsAt)}
            </Text>
            <Text size="xs" c="dimmed">
              {w.reason}　{t('staff.maintenance.by', { who: w.createdBy.replace(/^staff:/, '') })}
            </Text>
          </div>
        ))}
      </Paper>
      <Title order={2} size="h5" c="navy.9">
        {t('staff.maintenance.new')}
      </Title>
      {set && (
        <Alert color="teal" variant="light" role="status" data-testid="staff-maintenance-set">
          {t('staff.maintenance.set')}
        </Alert>
      )}
      <TextInput
        type="datetime-local"
        label={t('staff.maintenance.startsAt')}
        value={startsAt}
        onChange={(e) => setStartsAt(e.currentTarget.value)}
        data-testid="staff-maintenance-start"
      />
      <TextInput type="datetime-local" label={t('staff.maintenance.endsAt')} value={endsAt} onChange={(e) => setEndsAt(e.currentTarget.value)} data-testid="staff-maintenance-end" />
      <Textarea
        label={t('staff.maintenance.reason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        maxLength={200}
        autosize
        minRows={2}
        withAsterisk
        data-testid="staff-maintenance-reason"
      />
      {invalid && (
        <Alert color="red" variant="light" role="alert">
          {t('staff.maintenance.invalid')}
        </Alert>
      )}
      <StaffErrorAlert error={error} />
      <Button onClick={review} data-testid="staff-maintenance-submit">
        {t('staff.maintenance.submit')}
      </Button>
      <ConfirmDialog opened={confirming} title={t('staff.maintenance.confirm')} busy={busy} danger onConfirm={() => void submit()} onCancel={() => setConfirming(false)}>
        <Fact label={t('staff.maintenance.startsAt')} value={jstTime(window.startsAt)} />
        <Fact label={t('staff.maintenance.endsAt')} value={jstTime(window.endsAt)} />
        <Fact label={t('staff.maintenance.reason')} value={window.reason} />
      </ConfirmDialog>
    </Stack>
  )
}

export function StaffMaintenanceScreen() {
  return (
    <StaffShell>
      <Maintenance />
    </StaffShell>
  )
}
