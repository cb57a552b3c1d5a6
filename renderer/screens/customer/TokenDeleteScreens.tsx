// トークン削除 → トークン削除確認 → 設定メニュー, or トークン削除完了 → 初期設定 when none is left (OTP-14, seed 3.4).
// Deletion is local: the service still counts the user as activated, so the notes say a re-issue is needed.
import { Alert, Button, Paper, Stack, Text } from '@mantine/core'
import { api } from '../../bridge.ts'
import { BusyOverlay } from '../../components/BusyOverlay.tsx'
import { Loading } from '../../components/Loading.tsx'
import { TokenList } from '../../components/TokenList.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useTokens } from '../../hooks/useTokens.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { ScreenOf } from '../../navigation/screens.ts'

export function TokenDeleteScreen() {
  const { t } = useI18n()
  const navigator = useNavigator()
  const [tokens] = useTokens((error) => navigator.fail(error, 'other', { name: 'settings' }))
  if (!tokens) {
    return <Loading />
  }
  return (
    <Stack gap="sm" p="md">
      <Text size="sm">{t('delete.lead')}</Text>
      <TokenList tokens={tokens} label={t('title.delete')} onPick={(token) => navigator.go({ name: 'tokenDeleteConfirm', token })} testId="token-delete" />
    </Stack>
  )
}

export function TokenDeleteConfirmScreen({ screen }: { screen: ScreenOf<'tokenDeleteConfirm'> }) {
  const { token } = screen
  const { t } = useI18n()
  const navigator = useNavigator()
  const { busy: deleting, run } = useBridgeCall({ onError: (error) => navigator.fail(error, 'other', { name: 'settings' }) })

  const remove = () =>
    run(
      () => api['tokens.delete'](token.id),
      ({ remaining }) => navigator.forgetToken(token.id, remaining === 0 ? { name: 'tokenDeleted' } : { name: 'settings' }),
    )

  return (
    <Stack gap="md" p="md">
      <Text size="sm">{t('delete.confirmLead')}</Text>
      <Paper withBorder p="md" radius="md">
        <Text fw={700} size="lg" style={{ overflowWrap: 'anywhere' }} data-testid="delete-token-name">
          {token.displayName}
        </Text>
        <Text size="sm" c="dimmed">
          {t('otp.serial', { serial: token.serialNumber })}
        </Text>
      </Paper>
      <Alert color="red" variant="light" title={t('common.caution')}>
        <Text size="sm" className="pre-line">
          {t('delete.warning')}
        </Text>
      </Alert>
      <Button color="red" fullWidth onClick={remove} loading={deleting} data-testid="delete-submit">
        {t('delete.submit')}
      </Button>
      {deleting && <BusyOverlay label={t('common.processing')} />}
    </Stack>
  )
}

export function TokenDeletedScreen() {
  const { t } = useI18n()
  const navigator = useNavigator()
  return (
    <Stack gap="lg" p="md">
      <Paper withBorder p="lg" radius="md" bg="teal.0" style={{ borderColor: 'var(--mantine-color-teal-3)' }}>
        <Text fw={700} ta="center" c="teal.9" data-testid="deleted-message">
          {t('deleted.message')}
        </Text>
      </Paper>
      <Text size="sm">{t('deleted.hint')}</Text>
      <Button fullWidth onClick={() => navigator.go({ name: 'provision', mode: 'setup' })} data-testid="deleted-next">
        {t('common.next')}
      </Button>
    </Stack>
  )
}
