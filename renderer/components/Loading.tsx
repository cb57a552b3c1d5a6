// The placeholder a screen shows while its first bridge answer is on the way.
import { Center, Loader } from '@mantine/core'
import { useI18n } from '../i18n/I18nProvider.tsx'

export function Loading() {
  const { t } = useI18n()
  return (
    <Center h="100%">
      <Loader color="teal" aria-label={t('common.loading')} />
    </Center>
  )
}
