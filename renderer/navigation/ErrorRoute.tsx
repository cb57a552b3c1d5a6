// The error screen as a route of the registry (the crash screen shows ErrorScreen by itself): [戻る] goes where the
// failure said, エラー表示一覧 opens on the code, and A998 offers to move the unreadable vault aside.
import { displayCode } from '@shinkumi/common/errors.ts'
import { ErrorScreen } from '../components/ErrorScreen.tsx'
import { lazyScreen } from './lazy-screen.ts'
import { useNavigator } from './Navigation.tsx'
import type { ScreenOf } from './screens.ts'

// Only A998 needs it, and it brings Mantine's Modal.
const VaultResetPanel = lazyScreen(() => import('../screens/customer/VaultResetPanel.tsx'), 'VaultResetPanel')

export function ErrorRoute({ screen }: { screen: ScreenOf<'error'> }) {
  const navigator = useNavigator()
  return (
    <>
      <ErrorScreen
        error={screen.error}
        context={screen.context}
        onBack={() => navigator.go(screen.back)}
        onHelp={() => navigator.go({ name: 'helpErrors', code: displayCode(screen.error.code) ?? undefined, back: screen })}
      />
      {screen.error.code === 'A998' && <VaultResetPanel />}
    </>
  )
}
