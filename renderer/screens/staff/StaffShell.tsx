// What every signed-in staff screen shares: the スタッフモード band naming who is signed in, the staff member for
// the role checks of the screen (the service decides; the screen only mirrors it), and the heartbeat that tells
// the main process whether the person is active — it signs out after the idle time and this sends them to sign-in.
import { Badge, Group, Text } from '@mantine/core'
import { createContext, useContext, useEffect, useEffectEvent, useState, type ReactNode } from 'react'
import type { StaffMember, StaffRole } from '@shinkumi/common/staff-api.ts'
import type { StaffStatus } from '@shinkumi/common/staff-bridge.ts'
import { api } from '../../bridge.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'
import './staff.css'
import { Loading } from '../../components/Loading.tsx'

const HEARTBEAT_MS = 5_000
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel'] as const

const StaffContext = createContext<StaffMember | null>(null)

export function useStaff(): StaffMember {
  const staff = useContext(StaffContext)
  if (!staff) throw new Error('useStaff outside StaffShell')
  return staff
}

export const hasRole = (staff: StaffMember, ...roles: StaffRole[]) => roles.includes(staff.role)

/** The orange スタッフモード band, with who is signed in once someone is. */
export function StaffBand({ staff }: { staff?: StaffMember }) {
  const { t } = useI18n()
  return (
    <Group className="staff-band" justify="space-between" wrap="nowrap" px="md" py={6} data-testid="staff-band">
      <Badge color="orange" variant="filled" radius="sm">
        {t('staff.badge')}
      </Badge>
      {staff && (
        <Text size="sm" fw={700} truncate data-testid="staff-signed-in">
          {staff.name}（{t(`staff.role.${staff.role}`)}）
        </Text>
      )}
    </Group>
  )
}

export function StaffShell({ children }: { children: ReactNode }) {
  const navigator = useNavigator()
  const [staff, setStaff] = useState<StaffMember | null>(null)

  const follow = useEffectEvent((status: StaffStatus) => {
    if (status.staff) setStaff(status.staff)
    else navigator.go({ name: 'staffSignIn', ended: status.endedBy ?? undefined })
  })

  useEffect(() => {
    let active = false
    let stopped = false
    const mark = () => (active = true)
    for (const event of ACTIVITY_EVENTS) window.addEventListener(event, mark, { passive: true })
    const beat = async () => {
      const status = await api['staff.activity']({ userActive: active })
      active = false
      if (!stopped) follow(status)
    }
    void api['staff.status']().then((status) => !stopped && follow(status))
    const timer = setInterval(() => void beat(), HEARTBEAT_MS)
    return () => {
      stopped = true
      clearInterval(timer)
      for (const event of ACTIVITY_EVENTS) window.removeEventListener(event, mark)
    }
  }, [])

  if (!staff) {
    return <Loading />
  }
  return (
    <StaffContext.Provider value={staff}>
      <StaffBand staff={staff} />
      {children}
    </StaffContext.Provider>
  )
}
