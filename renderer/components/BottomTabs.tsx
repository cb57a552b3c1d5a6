// The tab bar at the bottom of the token screens (OTP-05).
import { useTabFacts } from '../hooks/useTabFacts.tsx'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { useNavigator } from '../navigation/Navigation.tsx'
import type { TabId } from '../navigation/screens.ts'
import { tabs } from '../navigation/tabs.tsx'

export function BottomTabs({ active }: { active: TabId }) {
  const { t } = useI18n()
  const navigator = useNavigator()
  const facts = useTabFacts()
  return (
    <nav className="app-tabs" aria-label={t('tab.navLabel')}>
      {tabs.map(({ id, label: defaultLabel, Icon, target, adapt }) => {
        const { hidden = false, label = defaultLabel } = adapt?.(facts) ?? {}
        if (hidden) return null
        const screen = target(navigator.state)
        return (
          <button
            key={id}
            type="button"
            className="app-tab"
            aria-current={id === active ? 'page' : undefined}
            disabled={screen === null}
            onClick={screen ? () => navigator.go(screen) : undefined}
            data-testid={`tab-${id}`}
          >
            <Icon />
            {t(label)}
          </button>
        )
      })}
    </nav>
  )
}
