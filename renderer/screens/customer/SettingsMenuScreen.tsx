// 設定メニュー (seed 3.3–3.11), with ヘルプ (OTP-28, seed 4) and スタッフモード.
import { Paper } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { MessageKey } from '../../i18n/ja.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { Screen } from '../../navigation/screens.ts'

interface Entry {
  label: MessageKey
  testId: string
  /** The screen the entry opens. */
  target: Screen
}

const entries: Entry[] = [
  { label: 'settings.addToken', testId: 'settings-add-token', target: { name: 'provision', mode: 'add' } },
  { label: 'settings.deleteToken', testId: 'settings-delete-token', target: { name: 'tokenDelete' } },
  { label: 'settings.displayName', testId: 'settings-display-name', target: { name: 'displayName', tokenId: null, flow: 'settings' } },
  { label: 'settings.appLock', testId: 'settings-app-lock', target: { name: 'appLock' } },
  { label: 'settings.correction', testId: 'settings-correction', target: { name: 'correction', tokenId: null } },
  { label: 'settings.version', testId: 'settings-version', target: { name: 'about' } },
  { label: 'settings.help', testId: 'settings-help', target: { name: 'help' } },
  { label: 'staff.entry', testId: 'settings-staff-mode', target: { name: 'staffSignIn' } },
]

export function SettingsMenuScreen() {
  const { t } = useI18n()
  const navigator = useNavigator()
  return (
    <Paper component="nav" aria-label={t('title.settings')} m="md" withBorder radius="md" style={{ overflow: 'hidden' }}>
      {entries.map(({ label, testId, target }) => (
        <button key={testId} type="button" className="menu-item" onClick={() => navigator.go(target)} data-testid={testId}>
          {t(label)}
          <span className="menu-item-chevron" aria-hidden>
            ›
          </span>
        </button>
      ))}
    </Paper>
  )
}
