// 有効期限切れ (OTP-21, OTP-22, seed 3.8.2 / 3.8.3): an expired token cannot be used or renewed, so it leaves the
// app. The only token: [確認] → 初期設定. One of several: [削除] → トークン選択.
import { Button, Paper, Stack, Text } from '@mantine/core'
import { api } from '../../bridge.ts'
import { Loading } from '../../components/Loading.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useTokens } from '../../hooks/useTokens.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { formatExpiry } from '../../lib/format.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { ScreenOf } from '../../navigation/screens.ts'

export function ExpiredScreen({ screen }: { screen: ScreenOf<'expired'> }) {
  const { t } = useI18n()
  const navigator = useNavigator()
  const [tokens] = useTokens((error) => navigator.fail(error, 'other', { name: 'startup' }))
  const { busy: removing, run } = useBridgeCall({ onError: (error) => navigator.fail(error, 'other', { name: 'startup' }) })
  const token = tokens?.find((candidate) => candidate.id === screen.tokenId)

  if (!tokens || !token) {
    return <Loading />
  }
  const only = tokens.length === 1

  const remove = () =>
    run(
      () => api['expiry.removeExpired'](token.id),
      ({ remaining }) => navigator.go(remaining === 0 ? { name: 'provision', mode: 'setup' } : { name: 'tokenSelect' }),
    )

  return (
    <Stack gap="md" p="md" data-testid="expired">
      <Paper withBorder p="md" radius="md" style={{ borderLeft: '4px solid var(--mantine-color-red-7)' }} role="alert">
        <Stack gap={4}>
          <Text fw={700} data-testid="expired-token-name" style={{ overflowWrap: 'anywhere' }}>
            {token.displayName}
          </Text>
          <Text size="sm" data-testid="expired-date">
            {t('otp.expiry', { date: formatExpiry(token.expiresAt) })}
          </Text>
          <Text fw={700} c="red.8" data-testid="expired-message">
            {t('expired.message')}
          </Text>
        </Stack>
      </Paper>
      <Text size="sm">{t(only ? 'expired.removeOne' : 'expired.removeMany')}</Text>
      <Button fullWidth color={only ? undefined : 'red'} onClick={remove} loading={removing} data-testid="expired-remove">
        {t(only ? 'expired.confirm' : 'expired.delete')}
      </Button>
      <Stack gap={2}>
        <Text size="sm" fw={700}>
          {t('expired.noteTitle')}
        </Text>
        <Text size="sm" data-testid="expired-note">
          {t(only ? 'expired.note' : 'expired.noteMany')}
        </Text>
      </Stack>
    </Stack>
  )
}
