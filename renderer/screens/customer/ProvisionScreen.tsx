// 初期設定 / トークン追加 (OTP-10): one form for both. The main process applies the input rules (A911, A916, the
// 10-token limit) before any network call, so this form only collects and sends.
import { Button, Checkbox, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { api } from '../../bridge.ts'
import { BusyOverlay } from '../../components/BusyOverlay.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { ScreenOf } from '../../navigation/screens.ts'
import { StaffModeEntry } from '../staff/StaffModeEntry.tsx'

/** Typed values go as typed: no spell checking, capitals or autofill for identifiers and secrets. */
const plainInput = { autoComplete: 'off', autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false } as const

export function ProvisionScreen({ screen }: { screen: ScreenOf<'provision'> }) {
  const { mode, draft } = screen
  const { t } = useI18n()
  const navigator = useNavigator()
  const [serviceId, setServiceId] = useState(draft?.serviceId ?? '')
  const [userId, setUserId] = useState(draft?.userId ?? '')
  const [activationPassword, setActivationPassword] = useState('')
  const [agreed, setAgreed] = useState(draft?.agreed ?? false)
  const { busy: sending, run } = useBridgeCall({
    onError: (error) => navigator.fail(error, mode, { name: 'provision', mode, draft: { serviceId, userId, agreed } }),
  })

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(
      () => api['tokens.provision']({ mode, serviceId, userId, activationPassword, agreed }),
      (token) => navigator.go({ name: 'provisioned', mode, token }),
    )
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={sending} data-testid="setup-form">
      <fieldset disabled={sending} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <Stack gap="sm" px="md" py="sm">
          <Text size="sm">{t('setup.lead')}</Text>
          <TextInput
            label={t('setup.serviceId')}
            description={t('setup.serviceIdHint')}
            value={serviceId}
            onChange={(event) => setServiceId(event.currentTarget.value)}
            withAsterisk
            {...plainInput}
            data-testid="setup-service-id"
          />
          <TextInput
            label={t('setup.userId')}
            description={t('setup.userIdHint')}
            value={userId}
            onChange={(event) => setUserId(event.currentTarget.value)}
            withAsterisk
            {...plainInput}
            data-testid="setup-user-id"
          />
          <PasswordInput
            label={t('setup.password')}
            description={t('setup.passwordHint')}
            value={activationPassword}
            onChange={(event) => setActivationPassword(event.currentTarget.value)}
            withAsterisk
            {...plainInput}
            visibilityToggleFocusable
            visibilityToggleButtonProps={{ 'aria-label': t('setup.showPassword'), 'data-testid': 'setup-password-toggle' }}
            data-testid="setup-password"
          />
          <Paper withBorder p="sm" radius="md" bg="gray.0" data-testid="setup-terms">
            <Title order={2} size="h6" mb={4} c="navy.9">
              {t('setup.termsTitle')}
            </Title>
            <Text size="xs" lh={1.6}>
              {t('setup.terms')}
            </Text>
          </Paper>
          <Checkbox label={t('setup.agree')} checked={agreed} onChange={(event) => setAgreed(event.currentTarget.checked)} data-testid="setup-agree" />
          <Button type="submit" fullWidth loading={sending} data-testid="setup-submit">
            {t('setup.submit')}
          </Button>
          {mode === 'setup' && <StaffModeEntry />}
        </Stack>
      </fieldset>
      {sending && <BusyOverlay label={t('common.communicating')} />}
    </form>
  )
}
