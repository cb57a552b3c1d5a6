// The end of パスワード補正 (seed 3.9 steps 3–4): done, the seed's advice to wait 2–3 minutes, [設定メニューに戻る].
import { Button, Paper, Stack, Text } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'

export function CorrectionDoneScreen() {
  const { t } = useI18n()
  const navigator = useNavigator()
  return (
    <Stack gap="lg" p="md">
      <Paper withBorder p="lg" radius="md" bg="teal.0" style={{ borderColor: 'var(--mantine-color-teal-3)' }}>
        <Text fw={700} size="lg" c="teal.9" ta="center" data-testid="correction-done-message">
          {t('correction.done')}
        </Text>
      </Paper>
      <Text size="sm" fw={700} data-testid="correction-done-wait">
        {t('correction.noteWait')}
      </Text>
      <Button fullWidth onClick={() => navigator.go({ name: 'settings' })} data-testid="correction-back">
        {t('correction.back')}
      </Button>
    </Stack>
  )
}
