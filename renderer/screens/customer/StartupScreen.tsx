// Start-up (OTP-05): the main process says what comes first; this screen only shows that something is loading.
import type { BridgeApi, Result } from '@shinkumi/common/bridge.ts'
import { api } from '../../bridge.ts'
import { Loading } from '../../components/Loading.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { chosenToken, goTo, type Step } from '../../navigation/choose-token.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'

export function StartupScreen() {
  const navigator = useNavigator()
  useBridgeCall({ load: () => firstStep(api), onLoad: (step) => step(navigator), onError: (error) => navigator.fail(error, 'other') })
  return <Loading testId="startup-loading" />
}

async function firstStep(bridge: BridgeApi): Promise<Result<Step>> {
  const status = await bridge['app.status']()
  if (!status.ok) return status
  switch (status.value.phase) {
    case 'setup':
      return goTo({ name: 'provision', mode: 'setup' })
    case 'ready': {
      const tokens = await bridge['tokens.list']()
      if (!tokens.ok) return tokens
      // Seed 3.1.1: several tokens lead to トークン選択 first.
      if (tokens.value.length > 1) return goTo({ name: 'tokenSelect' })
      const only = tokens.value[0]
      return only ? chosenToken(bridge, only.id) : goTo({ name: 'provision', mode: 'setup' })
    }
    case 'locked':
      // Seed 3.1.2: アプリロックコード入力 first; the right code starts up again from here.
      return goTo({ name: 'unlock' })
  }
}
