// 有効期限更新 (OTP-20, seed 3.8.1): shown when the chosen token expires within 180 days. 「今すぐ更新」 renews it
// with the service; 「後で通知」 goes on to ワンタイムパスワード and the app asks again at the next start.
import { Button, Paper, Stack, Text } from '@mantine/core'
import { api } from '../../bridge.ts'
import { BusyOverlay } from '../../components/BusyOverlay.tsx'
import { Loading } from '../../components/Loading.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useTokens } from '../../hooks/useTokens.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { formatExpiry } from '../../lib/format.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { ScreenOf } from '../../navigation/screens.ts'

export function ExpiryRenewScreen({ screen }: { screen: ScreenOf<'expiryRenew'> }) {
  const { t } = useI18n()
  const navigator = useNavigator()
  const [tokens] = useTokens((error) => navigator.fail(error, 'other', { name: 'startup' }))
  const renewal = useBridgeCall({ onError: (error) => navigator.fail(error, 'renew', screen) })
  const postponement = useBridgeCall({ onError: (error) => navigator.fail(error, 'other', screen) })
  const sending = renewal.busy
  const token = tokens?.find((candidate) => candidate.id === screen.tokenId)

  if (!token) {
    return <Loading />
  }

  const renewNow = () =>
    renewal.run(
      () => api['expiry.renew'](token.id),
      (renewed) => navigator.go({ name: 'expiryRenewed', token: renewed }),
    )
  const later = () =>
    postponement.run(
      () => api['expiry.postpone'](token.id),
      () => navigator.showToken(token.id),
    )

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
