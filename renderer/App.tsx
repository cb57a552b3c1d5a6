// The customer app: providers, the crash boundary, and the current screen inside the window frame.
import { MantineProvider } from '@mantine/core'
import { Suspense, type ReactNode } from 'react'
import { AppFrame } from './components/AppFrame.tsx'
import { BottomTabs } from './components/BottomTabs.tsx'
import { CrashBoundary } from './components/CrashBoundary.tsx'
import { Loading } from './components/Loading.tsx'
import { useAutoLock } from './hooks/useAutoLock.ts'
import { TabFactsProvider } from './hooks/useTabFacts.tsx'
import { I18nProvider, useI18n, useStaffTexts } from './i18n/I18nProvider.tsx'
import { NavigationProvider, useNavigator } from './navigation/Navigation.tsx'
import { specOf } from './navigation/registry.tsx'
import type { NavigationState } from './navigation/state.ts'
import { staffRegistry } from './navigation/staff-registry.tsx'
import { cssVariablesResolver, theme } from './theme.ts'

interface ProvidersProps {
  children: ReactNode
  /** 'test' turns off Mantine's transitions and portals (component tests). */
  env?: 'default' | 'test'
}

export function AppProviders({ children, env = 'default' }: ProvidersProps) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} env={env} forceColorScheme="light">
      <I18nProvider>{children}</I18nProvider>
    </MantineProvider>
  )
}

function CurrentScreen() {
  const { t } = useI18n()
  const navigator = useNavigator()
  useAutoLock()
  const { screen, visit } = navigator.state
  // Staff mode's first screen waits for its texts, title included.
  if (!useStaffTexts(screen.name in staffRegistry)) return <Loading />
  const spec = specOf(screen)
  const Screen = spec.component
  const tab = spec.tab(screen)
  const back = spec.back(screen)
  return (
    <TabFactsProvider shown={tab !== null}>
      <AppFrame title={t(spec.title(screen))} screenKey={visit} onBack={back ? () => navigator.go(back) : undefined} tabs={tab && <BottomTabs active={tab} />}>
        <Suspense fallback={<Loading />}>
          <Screen key={visit} screen={screen} />
        </Suspense>
      </AppFrame>
    </TabFactsProvider>
  )
}

export function App({ env, initial }: { env?: ProvidersProps['env']; initial?: NavigationState }) {
  return (
    <AppProviders env={env}>
      <CrashBoundary>
        <NavigationProvider initial={initial}>
          <CurrentScreen />
        </NavigationProvider>
      </CrashBoundary>
    </AppProviders>
  )
}
