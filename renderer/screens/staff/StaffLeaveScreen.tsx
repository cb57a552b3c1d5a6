// Leaving staff mode (STF-01): the session ends in the main process and on the service, then the customer app
// starts over.
import { useEffect, useEffectEvent } from 'react'
import { api } from '../../bridge.ts'
import { Loading } from '../../components/Loading.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'

export function StaffLeaveScreen() {
  const navigator = useNavigator()
  const leave = useEffectEvent(async () => {
    await api['staff.signOut']().catch(() => undefined)
    navigator.restart()
  })
  useEffect(() => void leave(), [])
  return <Loading label="title.staffLeave" testId="staff-leaving" />
}
