// The end of 「今すぐ更新」 (seed 3.8.1 step 3): the renewal is done; [次へ] leads to ワンタイムパスワード.
import { Button, Paper, Stack, Text } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { formatExpiry } from '../../lib/format.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { ScreenOf } from '../../navigation/screens.ts'

export function ExpiryRenewedScreen({ screen }: { screen: ScreenOf<'expiryRenewed'> }) {
  const { token } = screen
  const { t } = useI18n()
  const navigator = useNavigator()
  return (
    <Stack gap="lg" p="md">
      <Paper withBorder p="lg" radius="md" bg="teal.0" style={{ borderColor: 'var(--mantine-color-teal-3)' }}>
        <Stack gap="xs" align="center">
          <Text fw={700} size="lg" c="teal.9" ta="center" data-testid="expiry-renewed-message">
            {t('expiry.renewed')}
          </Text>
          <Text fw={700} ta="center" style={{ overflowWrap: 'anywhere' }}>
            {token.displayName}
          </Text>
          <Text size="sm" data-testid="expiry-renewed-date">
            {t('otp.expiry', { date: formatExpiry(token.expiresAt) })}
          </Text>
        </Stack>
      </Paper>
      <Button fullWidth onClick={() => navigator.showToken(token.id)} data-testid="expiry-renewed-next">
        {t('common.next')}
      </Button>
    </Stack>
  )
}
