// トークン表示名設定 (OTP-04, OTP-15): the 追加文言 after the token's name. After setup it leads on to the token's
// ワンタイムパスワード; from the settings menu it stays, with the new name shown.
import { Alert, Button, NativeSelect, Paper, Stack, Text, TextInput } from '@mantine/core'
import { useEffect, useState, type FormEvent } from 'react'
import type { TokenView } from '@shinkumi/common/bridge.ts'
import { displaySuffixRule } from '@shinkumi/common/rules.ts'
import { api } from '../../bridge.ts'
import { BusyOverlay } from '../../components/BusyOverlay.tsx'
import { Loading } from '../../components/Loading.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useTokens } from '../../hooks/useTokens.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { MessageKey } from '../../i18n/ja.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { ScreenOf } from '../../navigation/screens.ts'

const MAX_SUFFIX = 8

function suffixProblem(suffix: string): MessageKey | null {
  if ([...suffix].length > MAX_SUFFIX) return 'suffix.tooLong'
  return displaySuffixRule.safeParse(suffix).success ? null : 'suffix.invalid'
}

export function DisplayNameScreen({ screen }: { screen: ScreenOf<'displayName'> }) {
  const { t } = useI18n()
  const navigator = useNavigator()
  const [tokens, setTokens] = useTokens((error) => navigator.fail(error, 'other'))
  const [chosenId, setChosenId] = useState(screen.tokenId ?? navigator.state.tokenId)
  const token = tokens?.find((candidate) => candidate.id === chosenId) ?? tokens?.[0]
  const noTokens = tokens?.length === 0

  useEffect(() => {
    // Every token is gone (deleted meanwhile): start-up leads to 初期設定.
    if (noTokens) navigator.restart()
  }, [noTokens, navigator])

  if (!tokens) {
    return <Loading />
  }
  if (!token) return null

  const saved = (updated: TokenView) => {
    if (screen.flow === 'settings') setTokens(tokens.map((candidate) => (candidate.id === updated.id ? updated : candidate)))
    // Seed 3.3 step 5: after トークン追加, トークン選択 (the added token is among them); after 初期設定, its code.
    else if (screen.flow === 'add') navigator.go({ name: 'tokenSelect' })
    else navigator.showToken(updated.id)
  }

  return (
    <Stack gap="md" p="md">
      {screen.flow === 'settings' && tokens.length > 1 && (
        <NativeSelect
          label={t('suffix.token')}
          value={token.id}
          onChange={(event) => setChosenId(event.currentTarget.value)}
          data={tokens.map((candidate) => ({ value: candidate.id, label: candidate.displayName }))}
          data-testid="suffix-token-select"
        />
      )}
      <SuffixForm key={token.id} token={token} flow={screen.flow} onSaved={saved} />
    </Stack>
  )
}

interface FormProps {
  token: TokenView
  flow: ScreenOf<'displayName'>['flow']
  onSaved: (token: TokenView) => void
}

function SuffixForm({ token, flow, onSaved }: FormProps) {
  const { t } = useI18n()
  const navigator = useNavigator()
  const [suffix, setSuffix] = useState(token.suffix)
  const [done, setDone] = useState(false)
  const { busy: sending, run } = useBridgeCall({ onError: (error) => navigator.fail(error, 'other') })
  const problem = suffixProblem(suffix)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (problem) return
    void run(
      () => api['tokens.setSuffix']({ tokenId: token.id, suffix }),
      (saved) => {
        setDone(flow === 'settings')
        onSaved(saved)
      },
    )
  }

  return (
    <form onSubmit={submit} noValidate data-testid="suffix-form">
      <Stack gap="md">
        <Paper withBorder p="sm" radius="md">
          <Text size="sm" c="dimmed">
            {t('suffix.current')}
          </Text>
          <Text fw={700} size="lg" data-testid="suffix-current-name" style={{ overflowWrap: 'anywhere' }}>
            {token.displayName}
          </Text>
        </Paper>
        <TextInput
          label={t('suffix.input')}
          description={t('suffix.hint')}
          value={suffix}
          onChange={(event) => {
            setSuffix(event.currentTarget.value)
            setDone(false)
          }}
          error={problem ? t(problem) : undefined}
          autoComplete="off"
          data-testid="suffix-input"
        />
        <Text size="sm" data-testid="suffix-preview" style={{ overflowWrap: 'anywhere' }}>
          {t('suffix.preview', { name: token.baseName + suffix })}
        </Text>
        <Text size="sm" c="dimmed" data-testid="suffix-note">
          {t('suffix.note')}
        </Text>
        {done && (
          <Alert color="teal" variant="light" role="status" data-testid="suffix-saved">
            {t('suffix.saved')}
          </Alert>
        )}
        <Button type="submit" fullWidth loading={sending} disabled={problem !== null} data-testid="suffix-submit">
          {t('suffix.submit')}
        </Button>
      </Stack>
      {sending && <BusyOverlay label={t('common.communicating')} />}
    </form>
  )
}
