// パスワード補正 (OTP-24, seed 3.9): the seed's explanation and notes, the token it applies to, and [実行].
import { Button, List, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { api } from '../../bridge.ts'
import { BusyOverlay } from '../../components/BusyOverlay.tsx'
import { Loading } from '../../components/Loading.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useTokens } from '../../hooks/useTokens.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { ScreenOf } from '../../navigation/screens.ts'

export function CorrectionScreen({ screen }: { screen: ScreenOf<'correction'> }) {
  const { t } = useI18n()
  const navigator = useNavigator()
  const [tokens] = useTokens((error) => navigator.fail(error, 'other', { name: 'settings' }))
  const [chosenId, setChosenId] = useState(screen.tokenId ?? navigator.state.tokenId)
  const token = tokens?.find((candidate) => candidate.id === chosenId) ?? tokens?.[0]
  const { busy: sending, run: send } = useBridgeCall({ onError: (error) => navigator.fail(error, 'correct', { name: 'correction', tokenId: token?.id ?? null }) })

  if (!tokens || !token) {
    return <Loading />
  }

  const run = () =>
    send(
      () => api['correction.run'](token.id),
      () => navigator.go({ name: 'correctionDone' }),
    )

  return (
    <Stack gap="md" p="md" data-testid="correction">
      <Text size="sm">{t('correction.lead1')}</Text>
      <Text size="sm">{t('correction.lead2')}</Text>
      {tokens.length > 1 ? (
        <NativeSelect
          label={t('correction.token')}
          value={token.id}
          onChange={(event) => setChosenId(event.currentTarget.value)}
          data={tokens.map((candidate) => ({ value: candidate.id, label: candidate.displayName }))}
          data-testid="correction-token-select"
        />
      ) : (
        <Paper withBorder p="sm" radius="md">
          <Text size="sm" c="dimmed">
            {t('correction.token')}
          </Text>
          <Text fw={700} data-testid="correction-token-name" style={{ overflowWrap: 'anywhere' }}>
            {token.displayName}
          </Text>
        </Paper>
      )}
      <Paper withBorder p="sm" radius="md" bg="yellow.0" style={{ borderColor: 'var(--mantine-color-yellow-4)' }} data-testid="correction-notes">
        <Title order={2} size="h6" c="navy.9" mb={4}>
          {t('correction.noteTitle')}
        </Title>
        <List size="sm" spacing={4}>
          <List.Item>{t('correction.noteClock')}</List.Item>
          <List.Item>{t('correction.noteWait')}</List.Item>
        </List>
      </Paper>
      <Button fullWidth onClick={run} loading={sending} data-testid="correction-run">
        {t('correction.run')}
      </Button>
      {sending && <BusyOverlay label={t('common.communicating')} />}
    </Stack>
  )
}
