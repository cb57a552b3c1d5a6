// Start-up (OTP-05): the main process says what comes first; this screen only shows that something is loading.
import { useEffect, useEffectEvent } from 'react'
import type { AppStatus, BridgeApi } from '@shinkumi/common/bridge.ts'
import { api } from '../../bridge.ts'
import { Loading } from '../../components/Loading.tsx'
import { settle } from '../../lib/diagnostics.ts'
import { chooseToken } from '../../navigation/choose-token.ts'
import { useNavigator, type Navigator } from '../../navigation/Navigation.tsx'

export function StartupScreen() {
  const navigator = useNavigator()

  const begin = useEffectEvent((stopped: () => boolean) => startUp(api, stopped, navigator))
  useEffect(() => {
    let stopped = false
    void begin(() => stopped)
    return () => {
      stopped = true
    }
  }, [])

  return <Loading testId="startup-loading" />
}

async function startUp(bridge: BridgeApi, stopped: () => boolean, navigator: Navigator) {
  const status = await settle(bridge['app.status']())
  if (stopped()) return
  if (!status.ok) return navigator.fail(status.error, 'other')
  await firstScreen(bridge, status.value, stopped, navigator)
}

async function firstScreen(bridge: BridgeApi, status: AppStatus, stopped: () => boolean, navigator: Navigator) {
  switch (status.phase) {
    case 'setup':
      return navigator.go({ name: 'provision', mode: 'setup' })
    case 'ready': {
      const tokens = await settle(bridge['tokens.list']())
      if (stopped()) return
      if (!tokens.ok) return navigator.fail(tokens.error, 'other')
      // Seed 3.1.1: several tokens lead to トークン選択 first.
      if (tokens.value.length > 1) return navigator.go({ name: 'tokenSelect' })
      const only = tokens.value[0]
      return only ? chooseToken(bridge, navigator, only.id, stopped) : navigator.go({ name: 'provision', mode: 'setup' })
    }
    case 'locked':
      // Seed 3.1.2: アプリロックコード入力 first; the right code starts up again from here.
      return navigator.go({ name: 'unlock' })
  }
}
