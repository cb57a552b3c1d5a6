// 監査ログ (STF-05): the log newest first, page by page, and the CSV export — saved through the main process where
// the host has a save dialog (Electron), offered as a download where it does not (the browser host).
import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import type { AuditEntryView } from '@shinkumi/common/staff-api.ts'
import { api } from '../../bridge.ts'
import { Loading } from '../../components/Loading.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { jstTime } from './staff-format.ts'
import { MoreButton, usePagedList } from './paged-list.tsx'
import { StaffErrorAlert } from './StaffError.tsx'
import { StaffShell } from './StaffShell.tsx'

function download(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName })
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

function Entry({ entry }: { entry: AuditEntryView }) {
  const { t } = useI18n()
  return (
    <Paper withBorder radius="md" p="xs" data-testid="staff-audit-entry">
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="xs" c="dimmed">
          {t('staff.audit.entry', { seq: entry.seq, time: jstTime(entry.at) })}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {entry.staffId}
          {entry.role ? `（${entry.role}）` : ''}　{entry.ip}
        </Text>
      </Group>
      <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
        {entry.action}　
        <Text span size="sm" fw={400}>
          {entry.outcome}
        </Text>
      </Text>
      {entry.subject && (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {entry.subject}
        </Text>
      )}
      {entry.reason && (
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {t('staff.action.reason')}: {entry.reason}
          {entry.identityCheck ? `／${entry.identityCheck}` : ''}
        </Text>
      )}
    </Paper>
  )
}

function Audit() {
  const { t } = useI18n()
  const list = usePagedList(
    (cursor) => api['staff.audit']({ cursor }),
    (page) => page.entries,
  )
  const { rows: entries, nextCursor, busy, error, run } = list
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [exported, setExported] = useState<string | null>(null)

  const exportCsv = () =>
    run(
      () => api['staff.exportAudit']({ from: from || undefined, to: to || undefined }),
      (outcome) => {
        if (outcome.saved) return setExported(t('staff.audit.saved', { path: outcome.path }))
        if (outcome.csv === null) return setExported(t('staff.audit.cancelled'))
        download(outcome.fileName, outcome.csv)
        setExported(t('staff.audit.downloaded', { file: outcome.fileName }))
      },
    )

  return (
    <Stack gap="sm" p="md" data-testid="staff-audit">
      <Paper withBorder radius="md" p="sm">
        <Title order={2} size="h5" c="navy.9" mb={6}>
          {t('staff.audit.export')}
        </Title>
        <Group grow gap="xs">
          <TextInput type="date" size="sm" label={t('staff.audit.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} data-testid="staff-audit-from" />
          <TextInput type="date" size="sm" label={t('staff.audit.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} data-testid="staff-audit-to" />
        </Group>
        <Button mt="sm" fullWidth size="md" onClick={() => void exportCsv()} loading={busy} data-testid="staff-audit-export">
          {t('staff.audit.export')}
        </Button>
        {exported && (
          <Alert color="teal" variant="light" mt="sm" role="status" data-testid="staff-audit-exported">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {exported}
            </Text>
          </Alert>
        )}
      </Paper>
      <StaffErrorAlert error={error} />
      {entries === null ? (
        <Loading label="common.communicating" inline />
      ) : (
        <>
          {entries.length === 0 && <Text c="dimmed">{t('staff.audit.none')}</Text>}
          {entries.map((entry) => (
            <Entry key={entry.seq} entry={entry} />
          ))}
          <MoreButton nextCursor={nextCursor} busy={busy} onMore={(cursor) => void list.more(cursor)} testId="staff-audit-more" />
        </>
      )}
    </Stack>
  )
}

export function StaffAuditScreen() {
  return (
    <StaffShell>
      <Audit />
    </StaffShell>
  )
}
