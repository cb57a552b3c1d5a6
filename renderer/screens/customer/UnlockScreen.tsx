// アプリロックコード入力 (OTP-18, seed 3.1.2): the code, masked, and [確定]. A wrong code is A914; after several the
// main process makes the next try wait, and this screen counts the wait down. The right code continues start-up.
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core'
import { useEffect, useEffectEvent, useRef, useState, type FormEvent } from 'react'
import type { UnlockOutcome } from '@shinkumi/common/bridge.ts'
import { api } from '../../bridge.ts'
import { useCountdown } from '../../hooks/useCountdown.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { settle } from '../../lib/diagnostics.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'

export function UnlockScreen() {
  const { t } = useI18n()
  const navigator = useNavigator()
  const [code, setCode] = useState('')
  const [checking, setChecking] = useState(false)
  const [wait, setWait] = useCountdown()
  const inFlight = useRef(false)

  const showWait = useEffectEvent((seconds: number) => setWait(seconds))
  useEffect(() => {
    void settle(api['lock.status']()).then((status) => status.ok && showWait(status.value.retryAfterSeconds))
  }, [])

  const answered = (outcome: UnlockOutcome) => {
    if (outcome.status === 'wait') return setWait(outcome.retryAfterSeconds)
    // Start-up goes on where the lock stopped it: トークン選択 or the token (OTP-05).
    navigator.restart()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (inFlight.current || wait > 0) return
    inFlight.current = true
    setChecking(true)
    try {
      const result = await settle(api['lock.unlock']({ code }))
      if (result.ok) answered(result.value)
      else navigator.fail(result.error, 'other', { name: 'unlock' })
    } finally {
      inFlight.current = false
      setChecking(false)
    }
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
