// The display language: Japanese by default, English when chosen; the choice is remembered in localStorage.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Locale } from '@shinkumi/common/errors.ts'
import { en } from './en.ts'
import { ja, type MessageKey, type Messages } from './ja.ts'

const STORAGE_KEY = 'shinkumi-otp.locale'
const dictionaries: Record<Locale, Messages> = { ja, en }

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

interface I18n {
  locale: Locale
  setLocale: (locale: Locale) => void
  t: Translate
}

const I18nContext = createContext<I18n | null>(null)

function storedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja'
  } catch {
    return 'ja'
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale)

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next)
    try {
      localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Storage can be unavailable (private mode, quota); the choice then lasts for this session only.
    }
  }, [])

  useEffect(() => {
    document.documentElement.lang = locale
    document.title = dictionaries[locale]['app.name']
  }, [locale])

  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[locale]
    const t: Translate = (key, params) =>
      dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole))
    return { locale, setLocale, t }
  }, [locale, setLocale])

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n outside I18nProvider')
  return i18n
}
