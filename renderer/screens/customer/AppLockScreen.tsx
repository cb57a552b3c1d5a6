// アプリロック設定 (OTP-17, seed 3.5–3.7): the ON/OFF switch, each change confirmed by the seed's warning dialog;
// アプリロックコード and (確認用), enterable only while ON; [確定] → 設定メニュー. With the lock already ON, typing a
// new code changes it (3.6). Beyond the seed: the idle time after which the app locks itself (OTP-18).
import { Alert, Button, Group, Modal, NativeSelect, Stack, Switch, Text, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import type { LockStatus, Result } from '@shinkumi/common/bridge.ts'
import { AUTO_LOCK_CHOICES, lockCodeRule } from '@shinkumi/common/rules.ts'
import { api } from '../../bridge.ts'
import { BusyOverlay } from '../../components/BusyOverlay.tsx'
import { Loading } from '../../components/Loading.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { MessageKey } from '../../i18n/ja.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'

const digitsOnly = { type: 'password', inputMode: 'numeric', maxLength: 32, autoComplete: 'off' } as const

export function AppLockScreen() {
  const navigator = useNavigator()
  const { data: status } = useBridgeCall({ load: () => api['lock.status'](), onError: (error) => navigator.fail(error, 'other', { name: 'settings' }) })

  if (!status) {
    return <Loading />
  }
  return <AppLockForm status={status} />
}

/** The inline problems of the two fields; none when the lock stays ON and no new code is typed. */
function codeProblems(code: string, confirmation: string, keepCode: boolean, submitted: boolean) {
  if (keepCode && code === '' && confirmation === '') return { code: null, confirmation: null }
  const codeProblem: MessageKey | null = lockCodeRule.safeParse(code).success ? null : code === '' ? 'lock.required' : 'lock.invalid'
  const mismatch = codeProblem === null && code !== confirmation && (submitted || confirmation !== '')
  return { code: submitted || code !== '' ? codeProblem : null, confirmation: mismatch ? ('lock.mismatch' as const) : null }
}

function AppLockForm({ status }: { status: LockStatus }) {
  const { t } = useI18n()
  const navigator = useNavigator()
  const [on, setOn] = useState(status.enabled)
  /** The warning dialog, and the switch position that waits for its [OK]; the position stays while it closes. */
  const [dialog, setDialog] = useState({ open: false, turnOn: false })
  const [code, setCode] = useState('')
  const [confirmation, setConfirmation] = useState('')
  const [autoLock, setAutoLock] = useState<number>(status.autoLockMinutes)
  const [submitted, setSubmitted] = useState(false)
  const { busy: sending, run } = useBridgeCall({ onError: (error) => navigator.fail(error, 'other', { name: 'appLock' }) })
  const problems = codeProblems(code, confirmation, status.enabled, submitted)

  const accept = () => {
    setOn(dialog.turnOn)
    setCode('')
    setConfirmation('')
    setSubmitted(false)
    setDialog({ ...dialog, open: false })
  }
  const dismiss = () => setDialog({ ...dialog, open: false })

  /** The call that saves what changed; null when nothing did. */
  const save = (): (() => Promise<Result<LockStatus>>) | null => {
    if (!on) return status.enabled ? () => api['lock.disable']() : null
    if (status.enabled && code === '' && confirmation === '') {
      return autoLock === status.autoLockMinutes ? null : () => api['lock.setAutoLock']({ autoLockMinutes: autoLock })
    }
    return () => api['lock.set']({ code, confirmation, autoLockMinutes: autoLock })
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const current = codeProblems(code, confirmation, status.enabled, true)
    if (on && (current.code || current.confirmation)) return setSubmitted(true)
    const call = save()
    if (!call) return navigator.go({ name: 'settings' })
    void run(call, () => navigator.go({ name: 'settings' }))
  }

  return (
    <form onSubmit={submit} noValidate data-testid="lock-form">
      <Stack gap="md" p="md">
        <Group justify="space-between" wrap="nowrap">
          <Text fw={700}>{t('settings.appLock')}</Text>
          <Switch
            size="lg"
            onLabel="ON"
            offLabel="OFF"
            checked={on}
            onChange={(event) => setDialog({ open: true, turnOn: event.currentTarget.checked })}
            aria-label={t('settings.appLock')}
            data-testid="lock-switch"
          />
        </Group>
        <TextInput
          {...digitsOnly}
          label={t('lock.code')}
          description={on && status.enabled ? t('lock.changeHint') : undefined}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          disabled={!on}
          error={problems.code ? t(problems.code) : undefined}
          data-testid="lock-code"
        />
        <TextInput
          {...digitsOnly}
          label={t('lock.confirmation')}
          value={confirmation}
          onChange={(event) => setConfirmation(event.currentTarget.value)}
          disabled={!on}
          error={problems.confirmation ? t(problems.confirmation) : undefined}
          data-testid="lock-confirmation"
        />
        <NativeSelect
          label={t('lock.autoLock')}
          description={t('lock.autoLockHint')}
          value={String(autoLock)}
          onChange={(event) => setAutoLock(Number(event.currentTarget.value))}
          data={AUTO_LOCK_CHOICES.map((minutes) => ({ value: String(minutes), label: t('lock.minutes', { n: minutes }) }))}
          disabled={!on}
          data-testid="lock-auto"
        />
        <Alert color="orange" variant="light" title={t('common.caution')}>
          <Text size="sm" className="pre-line">
            {t('lock.rules')}
          </Text>
        </Alert>
        <Button type="submit" fullWidth loading={sending} data-testid="lock-submit">
          {t('common.confirm')}
        </Button>
      </Stack>
      <Modal opened={dialog.open} onClose={dismiss} title={t('common.caution')} centered withCloseButton={false}>
        <Stack gap="md">
          <Text size="sm" className="pre-line" data-testid="lock-dialog-text">
            {t(dialog.turnOn ? 'lock.warnOn' : 'lock.warnOff')}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={dismiss} data-testid="lock-dialog-cancel">
              {t('common.cancel')}
            </Button>
            <Button onClick={accept} data-testid="lock-dialog-ok">
              OK
            </Button>
          </Group>
        </Stack>
      </Modal>
      {sending && <BusyOverlay label={t('common.processing')} />}
    </form>
  )
}
