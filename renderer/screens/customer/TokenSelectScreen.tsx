// トークン選択 (OTP-05, seed 3.1.1, 3.2, 3.3 step 6): at start-up when several tokens exist, from its tab, and after
// トークン追加. Choosing a token goes on through chosenToken (expiry checks, then ワンタイムパスワード).
import { Stack, Text } from '@mantine/core'
import { api } from '../../bridge.ts'
import { Loading } from '../../components/Loading.tsx'
import { TokenList } from '../../components/TokenList.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useTokens } from '../../hooks/useTokens.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { chosenToken } from '../../navigation/choose-token.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'

export function TokenSelectScreen() {
  const { t } = useI18n()
  const navigator = useNavigator()
  const [tokens] = useTokens((error) => navigator.fail(error, 'other', { name: 'startup' }))
  const { run } = useBridgeCall({ onError: (error) => navigator.fail(error, 'other', { name: 'startup' }) })
  if (!tokens) {
    return <Loading />
  }
  return (
    <Stack gap="sm" p="md">
      <Text size="sm">{t('select.lead')}</Text>
      <TokenList
        tokens={tokens}
        label={t('title.tokens')}
        currentId={navigator.state.tokenId}
        onPick={(token) =>
          void run(
            () => chosenToken(api, token.id),
            (step) => step(navigator),
          )
        }
        testId="token-select"
      />
    </Stack>
  )
}
