// 有効期限更新 (OTP-20, seed 3.8.1): shown when the chosen token expires within 180 days. 「今すぐ更新」 renews it
// with the service; 「後で通知」 goes on to ワンタイムパスワード and the app asks again at the next start.
import { Button, Paper, Stack, Text } from '@mantine/core'
import { useRef, useState } from 'react'
import { api } from '../../bridge.ts'
import { BusyOverlay } from '../../components/BusyOverlay.tsx'
import { useTokens } from '../../hooks/useTokens.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { settle } from '../../lib/diagnostics.ts'
import { formatExpiry } from '../../lib/format.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { ScreenOf } from '../../navigation/screens.ts'
import { Loading } from '../../components/Loading.tsx'

export function ExpiryRenewScreen({ screen }: { screen: ScreenOf<'expiryRenew'> }) {
  const { t } = useI18n()
  const navigator = useNavigator()
  const [tokens] = useTokens((error) => navigator.fail(error, 'other', { name: 'startup' }))
  const [sending, setSending] = useState(false)
  const inFlight = useRef(false)
  const token = tokens?.find((candidate) => candidate.id === screen.tokenId)

  if (!token) {
    return <Loading />
  }

  const renewNow = async () => {
    if (inFlight.current) return
    inFlight.current = true
    setSending(true)
    try {
      const result = await settle(api['expiry.renew'](token.id))
      if (result.ok) navigator.go({ name: 'expiryRenewed', token: result.value })
      else navigator.fail(result.error, 'renew', screen)
    } finally {
      inFlight.current = false
      setSending(false)
    }
  }

  const later = async () => {
    const result = await settle(api['expiry.postpone'](token.id))
    if (result.ok) navigator.showToken(token.id)
    else navigator.fail(result.error, 'other', screen)
  }

  return (
    <Stack gap="md" p="md" data-testid="expiry-renew">
      <Paper withBorder p="md" radius="md" bg="yellow.0" style={{ borderColor: 'var(--mantine-color-yellow-4)' }}>
        <Stack gap={4} align="center">
          <Text fw={700} ta="center" data-testid="expiry-token-name" style={{ overflowWrap: 'anywhere' }}>
            {token.displayName}
          </Text>
          <Text size="sm" data-testid="expiry-date">
            {t('otp.expiry', { date: formatExpiry(token.expiresAt) })}
          </Text>
        </Stack>
      </Paper>
      <Text size="sm" data-testid="expiry-lead">
        {t('expiry.lead')}
      </Text>
      <Button fullWidth onClick={renewNow} loading={sending} data-testid="expiry-renew-now">
        {t('expiry.renewNow')}
      </Button>
      <Button fullWidth variant="outline" onClick={later} disabled={sending} data-testid="expiry-later">
        {t('expiry.later')}
      </Button>
      <Text size="xs" c="dimmed">
        {t('expiry.laterHint')}
      </Text>
      {sending && <BusyOverlay label={t('common.communicating')} />}
    </Stack>
  )
}
