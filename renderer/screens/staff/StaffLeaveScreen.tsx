// Leaving staff mode (STF-01): the session ends in the main process and on the service, then the customer app
// starts over.
import { api } from '../../bridge.ts'
import { Loading } from '../../components/Loading.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'

/** Signing out cannot be refused; a host that failed to pass it on leaves the session to its idle end. */
const signedOut = { ok: true, value: null } as const

export function StaffLeaveScreen() {
  const navigator = useNavigator()
  useBridgeCall({
    load: () =>
      api['staff.signOut']().then(
        () => signedOut,
        () => signedOut,
      ),
    onLoad: () => navigator.restart(),
  })
  return <Loading label="title.staffLeave" testId="staff-leaving" />
}
