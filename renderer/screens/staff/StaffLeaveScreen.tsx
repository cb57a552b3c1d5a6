// Leaving staff mode (STF-01): the session ends in the main process and on the service, then the customer app
// starts over.
import { Center, Loader } from '@mantine/core'
import { useEffect, useEffectEvent } from 'react'
import { api } from '../../bridge.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'

export function StaffLeaveScreen() {
  const { t } = useI18n()
  const navigator = useNavigator()
  const leave = useEffectEvent(async () => {
    await api['staff.signOut']().catch(() => undefined)
    navigator.restart()
  })
  useEffect(() => void leave(), [])
  return (
    <Center h="100%">
      <Loader color="teal" aria-label={t('title.staffLeave')} data-testid="staff-leaving" />
    </Center>
  )
}
