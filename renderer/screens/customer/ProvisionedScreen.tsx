// 初期設定完了 / トークン追加完了 (OTP-10): the token exists; [次へ] leads to トークン表示名設定.
import { Button, Paper, Stack, Text } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { ScreenOf } from '../../navigation/screens.ts'

export function ProvisionedScreen({ screen }: { screen: ScreenOf<'provisioned'> }) {
  const { mode, token } = screen
  const { t } = useI18n()
  const navigator = useNavigator()
  return (
    <Stack gap="lg" p="md">
      <Paper withBorder p="lg" radius="md" bg="teal.0" style={{ borderColor: 'var(--mantine-color-teal-3)' }}>
        <Stack gap="xs" align="center">
          <Text fw={700} size="lg" c="teal.9" ta="center" data-testid="provisioned-message">
            {t(mode === 'setup' ? 'done.setup' : 'done.add')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('done.tokenName')}
          </Text>
          <Text fw={700} ta="center" data-testid="provisioned-token-name">
            {token.displayName}
          </Text>
        </Stack>
      </Paper>
      <Text size="sm">{t('done.nextHint')}</Text>
      <Button fullWidth onClick={() => navigator.go({ name: 'displayName', tokenId: token.id, flow: mode })} data-testid="provisioned-next">
        {t('common.next')}
      </Button>
    </Stack>
  )
}
