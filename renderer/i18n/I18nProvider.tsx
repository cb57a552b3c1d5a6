// The display language: Japanese by default, English when chosen; the choice is remembered in localStorage.
// Only the Japanese customer texts are in the first screen's JavaScript (issue 12): English loads when chosen, and
// staff mode's texts when staff mode opens, so a customer's window never downloads them.
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useState, type ReactNode } from 'react'
import type { Locale } from '@shinkumi/common/errors.ts'
import { ja, type MessageKey, type Messages } from './ja.ts'

const STORAGE_KEY = 'shinkumi-otp.locale'

/** The customer app's texts, and staff mode's. */
type Part = 'customer' | 'staff'

const sources: Record<Locale, Record<Part, () => Promise<Partial<Messages>>>> = {
  ja: { customer: async () => ja, staff: async () => (await import('./staff-ja.ts')).staffJa },
  en: { customer: async () => (await import('./en.ts')).en, staff: async () => (await import('./staff-en.ts')).staffEn },
}

/** The texts each locale has so far. */
const dictionaries: Record<Locale, Partial<Messages>> = { ja: { ...ja }, en: {} }
const loads = new Map<`${Locale}:${Part}`, Promise<void>>()

/** A key each part has, telling whether the part is there. */
const MARK: Record<Part, MessageKey> = { customer: 'app.name', staff: 'title.staffHome' }

function has(locale: Locale, part: Part): boolean {
  return MARK[part] in dictionaries[locale]
}

/** One load per part, shared by every caller; a failed load may be tried again. */
function load(locale: Locale, part: Part): Promise<void> {
  const key = `${locale}:${part}` as const
  let loading = loads.get(key)
  if (!loading) {
    loading = sources[locale][part]().then(
      (texts) => void Object.assign(dictionaries[locale], texts),
      (error: unknown) => {
        loads.delete(key)
        throw error
      },
    )
    loads.set(key, loading)
  }
  return loading
}

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

/** Shows nothing until its texts are there: only a stored English choice waits, for one small file. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale)
  const ready = useLoaded(locale, 'customer', true)

  const setLocale = useCallback((next: Locale) => {
    const show = () => {
      setLocaleState(next)
      try {
        localStorage.setItem(STORAGE_KEY, next)
      } catch {
        // Storage can be unavailable (private mode, quota); the choice then lasts for this session only.
      }
    }
    // The new language's texts come first (staff mode's too once it has opened): the switch never meets a missing text.
    const staffOpened = has('ja', 'staff') || has('en', 'staff')
    const missing = (['customer', 'staff'] as const).filter((part) => (part === 'customer' || staffOpened) && !has(next, part))
    if (missing.length === 0) show()
    else void Promise.all(missing.map((part) => load(next, part))).then(show)
  }, [])

  const value = useMemo<I18n>(() => {
    const dictionary = dictionaries[locale]
    const t: Translate = (key, params) => {
      const text = dictionary[key]
      if (text === undefined) throw new Error(`${key}: staff mode's texts are not loaded (useStaffTexts)`)
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => (params && name in params ? String(params[name]) : whole))
    }
    return { locale, setLocale, t }
  }, [locale, setLocale])

  useEffect(() => {
    if (!ready) return
    document.documentElement.lang = locale
    document.title = value.t('app.name')
  }, [locale, value, ready])

  return ready && <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

/** Whether a part's texts are there when `needed`; if not, loads them and renders again once they are. */
function useLoaded(locale: Locale, part: Part, needed: boolean): boolean {
  const [, loaded] = useReducer((n: number) => n + 1, 0)
  const ready = !needed || has(locale, part)
  useEffect(() => {
    // A failed load rejects unhandled: the window's error handler shows it (OTP-26).
    if (!ready) void load(locale, part).then(loaded)
  }, [locale, part, ready])
  return ready
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext)
  if (!i18n) throw new Error('useI18n outside I18nProvider')
  return i18n
}

/** Whether staff mode's texts of the current language are there, when `needed`; loads them if not. */
export function useStaffTexts(needed: boolean): boolean {
  return useLoaded(useI18n().locale, 'staff', needed)
}
