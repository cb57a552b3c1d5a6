// 承認待ち (STF-02, four eyes): requests of reissue and device revocation, approved by a 管理者 other than the one
// who asked (the service enforces it; the requester sees only [取り下げ]). A reissued password is shown here once.
import { Alert, Badge, Button, Center, Group, Paper, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import type { ApprovalOutcome, ApprovalView } from '@shinkumi/common/staff-api.ts'
import { api } from '../../bridge.ts'
import { Loading } from '../../components/Loading.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { ConfirmDialog, Fact } from './ConfirmDialog.tsx'
import { jstTime } from './staff-format.ts'
import { MoreButton, usePagedList } from './paged-list.tsx'
import { StaffErrorAlert } from './StaffError.tsx'
import { StaffShell, useStaff } from './StaffShell.tsx'

type Decision = { approval: ApprovalView; decision: 'approve' | 'reject' }

function identityText(t: ReturnType<typeof useI18n>['t'], a: ApprovalView) {
  return `${t(`staff.action.identity.${a.identityCheck}`)}${a.identityNote ? `（${a.identityNote}）` : ''}`
}

function Approvals() {
  const { t } = useI18n()
  const staff = useStaff()
  const list = usePagedList(
    (cursor) => api['staff.approvals']({ cursor }),
    (page) => page.approvals,
  )
  const { rows: approvals, nextCursor, busy, error, run } = list
  const [deciding, setDeciding] = useState<Decision | null>(null)
  // What the dialog shows stays while it fades out; only `open` closes it.
  const [open, setOpen] = useState(false)
  const ask = (decision: Decision) => {
    setDeciding(decision)
    setOpen(true)
  }
  const [outcome, setOutcome] = useState<{ decision: Decision['decision']; result: ApprovalOutcome } | null>(null)

  const decide = async () => {
    if (!deciding) return
    const { approval, decision } = deciding
    await run(
      () => api['staff.decide']({ approvalId: approval.approvalId, decision }),
      (result) => setOutcome({ decision, result }),
    )
    setOpen(false)
    await list.refetch()
  }

  if (!approvals) {
    return error ? (
      <Center py="xl">
        <StaffErrorAlert error={error} />
      </Center>
    ) : (
      <Loading label="common.communicating" inline />
    )
  }
  return (
    <Stack gap="sm" p="md" data-testid="staff-approvals">
      {outcome && (
        <Alert color="teal" variant="light" role="status" data-testid="staff-approval-outcome">
          <Text size="sm">{t(outcome.decision === 'approve' ? 'staff.approvals.approved' : 'staff.approvals.rejected')}</Text>
          {outcome.result.activationPassword && (
            <Paper withBorder radius="md" p="sm" mt="sm" bg="white">
              <Text size="xs" c="dimmed">
                {t('staff.approvals.password')}
              </Text>
              <Text className="staff-secret" data-testid="staff-new-password">
                {outcome.result.activationPassword}
              </Text>
              <Text size="xs" mt={4}>
                {t('staff.approvals.passwordOnce', { time: jstTime(outcome.result.activationExpiresAt ?? null) })}
              </Text>
            </Paper>
          )}
        </Alert>
      )}
      <StaffErrorAlert error={error} />
      {approvals.length === 0 && (
        <Text ta="center" c="dimmed" py="lg">
          {t('staff.approvals.none')}
        </Text>
      )}
      {approvals.map((a) => {
        const own = a.requestedBy === staff.staffId
        return (
          <Paper key={a.approvalId} withBorder radius="md" p="sm" data-testid="staff-approval">
            <Badge color="orange" variant="light" size="lg" radius="sm">
              {t(`staff.action.${a.kind}`)}
            </Badge>
            <Text size="xs" c="dimmed" mt={4}>
              {t('staff.approvals.requested', { staff: a.requestedBy, time: jstTime(a.requestedAt) })}
            </Text>
            <Text fw={700} mt={6}>
              {a.serviceId} / {a.userId}
            </Text>
            {a.serialNumber && <Text size="sm">{t('staff.approvals.serial', { serial: a.serialNumber })}</Text>}
            <Fact label={t('staff.action.reason')} value={a.reason} />
            <Fact label={t('staff.action.identity')} value={identityText(t, a)} />
            {own && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('staff.approvals.ownRequest')}
              </Text>
            )}
            <Group grow mt="sm">
              <Button size="sm" variant="default" onClick={() => ask({ approval: a, decision: 'reject' })} data-testid="staff-approval-reject">
                {t(own ? 'staff.approvals.withdraw' : 'staff.approvals.reject')}
              </Button>
              {!own && (
                <Button size="sm" onClick={() => ask({ approval: a, decision: 'approve' })} data-testid="staff-approval-approve">
                  {t('staff.approvals.approve')}
                </Button>
              )}
            </Group>
          </Paper>
        )
      })}
      <MoreButton nextCursor={nextCursor} busy={busy} onMore={(cursor) => void list.more(cursor)} testId="staff-approvals-more" />
      <ConfirmDialog
        opened={open}
        title={t(deciding?.decision === 'approve' ? 'staff.approvals.confirmApprove' : 'staff.approvals.confirmReject')}
        busy={busy}
        danger={deciding?.decision === 'approve'}
        confirmLabel={t(deciding?.decision === 'approve' ? 'staff.approvals.approve' : 'staff.approvals.reject')}
        onConfirm={() => void decide()}
        onCancel={() => setOpen(false)}
      >
        {deciding && (
          <>
            <Fact label={t('staff.action.what')} value={t(`staff.action.${deciding.approval.kind}`)} />
            <Fact label={t('staff.action.target')} value={`${deciding.approval.serviceId} / ${deciding.approval.userId}`} />
            <Fact label={t('staff.action.reason')} value={deciding.approval.reason} />
          </>
        )}
      </ConfirmDialog>
    </Stack>
  )
}

export function StaffApprovalsScreen() {
  return (
    <StaffShell>
      <Approvals />
    </StaffShell>
  )
}
