// The one placeholder for an answer on the way: a screen's first bridge answer, a lazy screen's chunk, start-up.
// Alone on a screen it fills the window; below a screen's own header (`inline`) it sits under it.
import { Center, Loader } from '@mantine/core'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/ja.ts'

interface Props {
  /** What a screen reader hears: 読み込み中…, or what is happening (通信中…). */
  label?: MessageKey
  inline?: boolean
  testId?: string
}

export function Loading({ label = 'common.loading', inline = false, testId }: Props) {
  const { t } = useI18n()
  return (
    <Center h={inline ? undefined : '100%'} py={inline ? 'xl' : undefined}>
      {/* Mantine's Loader is a bare span: the role is what lets it carry a name (axe aria-prohibited-attr). */}
      <Loader color="teal" role="progressbar" aria-label={t(label)} data-testid={testId} />
    </Center>
  )
}
