// Japanese first; one button offers the other language.
import { Button } from '@mantine/core'
import { useI18n } from '../i18n/I18nProvider.tsx'

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n()
  const other = locale === 'ja' ? 'en' : 'ja'
  return (
    <Button variant="white" color="navy" size="compact-sm" onClick={() => setLocale(other)} lang={other} aria-label={t('lang.switchLabel')} data-testid="lang-switch">
      {t('lang.switch')}
    </Button>
  )
}
