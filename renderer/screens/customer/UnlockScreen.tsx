// アプリロックコード入力 (OTP-18, seed 3.1.2): the code, masked, and [確定]. A wrong code is A914; after several the
// main process makes the next try wait, and this screen counts the wait down. The right code continues start-up.
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import type { UnlockOutcome } from '@shinkumi/common/bridge.ts'
import { api } from '../../bridge.ts'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useCountdown } from '../../hooks/useCountdown.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'

export function UnlockScreen() {
  const { t } = useI18n()
  const navigator = useNavigator()
  const [code, setCode] = useState('')
  const [wait, setWait] = useCountdown()
  // The wait left from earlier wrong codes. Not knowing it is no reason for an error screen: the next try says it.
  useBridgeCall({ load: () => api['lock.status'](), onLoad: (status) => setWait(status.retryAfterSeconds) })
  const { busy: checking, run } = useBridgeCall({ onError: (error) => navigator.fail(error, 'other', { name: 'unlock' }) })

  const answered = (outcome: UnlockOutcome) => {
    if (outcome.status === 'wait') return setWait(outcome.retryAfterSeconds)
    // Start-up goes on where the lock stopped it: トークン選択 or the token (OTP-05).
    navigator.restart()
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (wait > 0) return
    void run(() => api['lock.unlock']({ code }), answered)
  }

  return (
    <form onSubmit={submit} noValidate data-testid="unlock-form">
      <Stack gap="md" p="md">
        <Text size="sm">{t('unlock.lead')}</Text>
        <TextInput
          type="password"
          label={t('lock.code')}
          value={code}
          onChange={(event) => setCode(event.currentTarget.value)}
          inputMode="numeric"
          maxLength={32}
          autoComplete="off"
          // eslint-disable-next-line jsx-a11y/no-autofocus -- the locked app's one field: typing the code is all there is to do, and AppFrame leaves the focus there (A11Y-01)
          autoFocus
          data-testid="unlock-code"
        />
        {wait > 0 && (
          <Alert color="orange" variant="light" role="status" data-testid="unlock-wait">
            {t('unlock.wait', { n: wait })}
          </Alert>
        )}
        <Button type="submit" fullWidth loading={checking} disabled={wait > 0 || code === ''} data-testid="unlock-submit">
          {t('common.confirm')}
        </Button>
        <Text size="xs" c="dimmed">
          {t('unlock.forgotten')}
        </Text>
      </Stack>
    </form>
  )
}
