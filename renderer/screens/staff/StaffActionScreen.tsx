// 操作の確認 (STF-04): one action on a customer — what it does, on whom, the reason and 本人確認方法, a confirmation,
// then its outcome: done, nothing to change, or waiting for a second 管理者 (four eyes).
import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import type { StaffActionOutcome } from '@shinkumi/common/staff-bridge.ts'
import { api } from '../../bridge.ts'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { ScreenOf } from '../../navigation/screens.ts'
import { ConfirmDialog, Fact } from './ConfirmDialog.tsx'
import { emptyJustification, isComplete, JustificationFields, type Justification } from './JustificationFields.tsx'
import { StaffErrorAlert } from './StaffError.tsx'
import { StaffShell } from './StaffShell.tsx'

const DANGER = new Set(['suspend', 'revoke-device', 'revoke-linkage', 'reissue-activation'])

function outcomeText(outcome: StaffActionOutcome) {
  if (outcome.outcome === 'pending') return 'staff.action.pending' as const
  if (outcome.outcome === 'done' && !outcome.changed) return 'staff.action.unchanged' as const
  return 'staff.action.done' as const
}

function Action({ screen }: { screen: ScreenOf<'staffAction'> }) {
  const { t } = useI18n()
  const navigator = useNavigator()
  const { busy, error, run } = useBridgeCall()
  const [missing, setMissing] = useState(false)
  const [justification, setJustification] = useState<Justification>(emptyJustification)
  const [confirming, setConfirming] = useState(false)
  const [outcome, setOutcome] = useState<StaffActionOutcome | null>(null)
  const { action } = screen

  const review = () => {
    const complete = isComplete(justification)
    setMissing(!complete)
    setConfirming(complete)
  }
  const execute = async () => {
    if (!isComplete(justification)) return
    const { reason, identityCheck, identityNote } = justification
    const note = identityCheck === 'other' ? identityNote.trim() : undefined
    await run(() => api['staff.act']({ ...action, reason: reason.trim(), identityCheck, identityNote: note }), setOutcome)
    setConfirming(false)
  }
  const identity = justification.identityCheck
    ? `${t(`staff.action.identity.${justification.identityCheck}`)}${justification.identityCheck === 'other' ? `（${justification.identityNote.trim()}）` : ''}`
    : ''

  return (
    <Stack gap="sm" p="md">
      <Paper withBorder radius="md" p="sm" bg="gray.0">
        <Title order={2} size="h4" c="navy.9" data-testid="staff-action-name">
          {t(`staff.action.${action.kind}`)}
        </Title>
        <Text size="sm" mt={4}>
          {t(`staff.action.explain.${action.kind}`)}
        </Text>
        <Fact label={t('staff.action.target')} value={screen.target} testId="staff-action-target" />
      </Paper>
      {outcome ? (
        <>
          <Alert color={outcome.outcome === 'pending' ? 'orange' : 'teal'} variant="light" role="status" data-testid="staff-action-outcome" data-outcome={outcome.outcome}>
            {t(outcomeText(outcome))}
          </Alert>
          <Button onClick={() => navigator.go(screen.back)} data-testid="staff-action-back">
            {t('staff.action.backToCustomer')}
          </Button>
        </>
      ) : (
        <>
          <JustificationFields
            value={justification}
            onChange={(next) => {
              setJustification(next)
              setMissing(false)
            }}
          />
          {missing && (
            <Alert color="red" variant="light" role="alert" data-testid="staff-action-missing">
              {t('staff.action.missing')}
            </Alert>
          )}
          <StaffErrorAlert error={error} />
          <Button onClick={review} data-testid="staff-action-review">
            {t('staff.action.next')}
          </Button>
        </>
      )}
      <ConfirmDialog
        opened={confirming}
        title={t('staff.action.confirmTitle')}
        busy={busy}
        danger={DANGER.has(action.kind)}
        onConfirm={() => void execute()}
        onCancel={() => setConfirming(false)}
      >
        <Fact label={t('staff.action.what')} value={t(`staff.action.${action.kind}`)} />
        <Fact label={t('staff.action.target')} value={screen.target} />
        <Fact label={t('staff.action.reason')} value={justification.reason.trim()} />
        <Fact label={t('staff.action.identity')} value={identity} />
      </ConfirmDialog>
    </Stack>
  )
}

export function StaffActionScreen({ screen }: { screen: ScreenOf<'staffAction'> }) {
  return (
    <StaffShell>
      <Action screen={screen} />
    </StaffShell>
  )
}
