// The window's frame: header with the screen title (画面タイトル), the screen itself, and the bottom tabs.
// A new screen moves the focus to its title (A11Y-01): a screen reader announces it, and the keyboard continues from
// the top of the new screen instead of from a button that no longer exists.
import { Button } from '@mantine/core'
import { useEffect, useRef, type ReactNode } from 'react'
import { useI18n } from '../i18n/I18nProvider.tsx'
import { LanguageSwitch } from './LanguageSwitch.tsx'

interface Props {
  title: string
  /** Changes with every screen shown (the navigation's visit count): the title then takes the focus. */
  screenKey?: number
  /** Shown as [戻る] in the header when the screen has a way back. */
  onBack?: () => void
  tabs?: ReactNode
  children: ReactNode
}

export function AppFrame({ title, screenKey, onBack, tabs, children }: Props) {
  const { t } = useI18n()
  const titleRef = useRef<HTMLHeadingElement>(null)
  const mainRef = useRef<HTMLElement>(null)

  useEffect(() => {
    // A screen that focuses a field itself (autoFocus) keeps it; otherwise the focus went with the old screen.
    const active = document.activeElement
    if (!active || active === document.body || active === mainRef.current || !active.isConnected) titleRef.current?.focus()
  }, [screenKey, title])

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
        <h1 className="app-header-title" tabIndex={-1} ref={titleRef} data-testid="screen-title">
          {title}
        </h1>
        <div className="app-header-end">
          <LanguageSwitch />
        </div>
      </header>
      {/* The screen scrolls here: focusable and named, so the keyboard can scroll a screen without controls. */}
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take the focus to be scrolled by keyboard (axe scrollable-region-focusable) */}
      <main className="app-main" tabIndex={0} aria-label={title} ref={mainRef}>
        {children}
      </main>
      {tabs}
    </div>
  )
}
