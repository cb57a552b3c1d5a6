// スタッフサインイン (STF-01): staff ID, password and the staff member's own TOTP. The session that opens stays in the
// main process; this screen only learns who signed in.
import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { api } from '../../bridge.ts'
import { BusyOverlay } from '../../components/BusyOverlay.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { ScreenOf } from '../../navigation/screens.ts'
import { StaffErrorAlert } from './StaffError.tsx'
import { StaffBand } from './StaffShell.tsx'

const plainInput = { autoComplete: 'off', autoCapitalize: 'none', autoCorrect: 'off', spellCheck: false } as const

export function StaffSignInScreen({ screen }: { screen: ScreenOf<'staffSignIn'> }) {
  const { t } = useI18n()
  const navigator = useNavigator()
  const { busy, error, run } = useBridgeCall()
  const [staffId, setStaffId] = useState('')
  const [password, setPassword] = useState('')
  const [otp, setOtp] = useState('')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const signedIn = await run(() => api['staff.signIn']({ staffId: staffId.trim(), password, otp: otp.trim() }))
    if (signedIn) return navigator.go({ name: 'staffHome' })
    // A code is used once: the next attempt needs the next one, and the password is typed again.
    setOtp('')
    setPassword('')
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={busy} data-testid="staff-signin-form">
      <StaffBand />
      <Stack gap="sm" p="md">
        {screen.ended && (
          <Alert color="orange" variant="light" role="status" data-testid="staff-ended">
            {t(`staff.signIn.ended.${screen.ended}`)}
          </Alert>
        )}
        <Text size="sm">{t('staff.signIn.lead')}</Text>
        <StaffErrorAlert error={error} />
        <TextInput label={t('staff.signIn.staffId')} value={staffId} onChange={(e) => setStaffId(e.currentTarget.value)} withAsterisk {...plainInput} data-testid="staff-id" />
        <PasswordInput
          label={t('staff.signIn.password')}
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          withAsterisk
          {...plainInput}
          visibilityToggleButtonProps={{ 'aria-label': t('staff.signIn.showPassword') }}
          data-testid="staff-password"
        />
        <TextInput
          label={t('staff.signIn.otp')}
          value={otp}
          onChange={(e) => setOtp(e.currentTarget.value.replace(/\D/g, '').slice(0, 6))}
          withAsterisk
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          styles={{ input: { letterSpacing: '0.3em', fontVariantNumeric: 'tabular-nums' } }}
          data-testid="staff-otp"
        />
        <Button type="submit" fullWidth loading={busy} disabled={!staffId || !password || otp.length !== 6} data-testid="staff-signin-submit">
          {t('staff.signIn.submit')}
        </Button>
      </Stack>
      {busy && <BusyOverlay label={t('common.communicating')} />}
    </form>
  )
}
