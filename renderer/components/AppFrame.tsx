// The window's frame: header with the screen title (画面タイトル), the screen itself, and the bottom tabs.
import { Button } from '@mantine/core'
import type { ReactNode } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'

interface Props {
  title: string
  /** Shown as [戻る] in the header when the screen has a way back. */
  onBack?: () => void
  tabs?: ReactNode
  children: ReactNode
}

export function AppFrame({ title, onBack, tabs, children }: Props) {
  const { t } = useI18n()
  return (
    <div className="app-frame">
      <header className="app-header">
        <div>
          {onBack && (
            <Button variant="subtle" color="white" size="compact-md" onClick={onBack} data-testid="header-back" c="white">
              <span aria-hidden>‹&nbsp;</span>
              {t('common.back')}
            </Button>
          )}
        </div>
        <h1 className="app-header-title" data-testid="screen-title">
          {title}
        </h1>
        <div className="app-header-end">
          <LanguageSwitch />
        </div>
      </header>
      <main className="app-main">{children}</main>
      {tabs}
    </div>
  )
}
