// The staff screens' rows of the registry (see registry.tsx): no bottom tabs; [戻る] walks back towards the staff
// menu, and from the menu or sign-in it leaves staff mode (signing out first).
import { StaffActionScreen } from '../screens/staff/StaffActionScreen.tsx'
import { StaffApprovalsScreen } from '../screens/staff/StaffApprovalsScreen.tsx'
import { StaffAuditScreen } from '../screens/staff/StaffAuditScreen.tsx'
import { StaffCustomerScreen } from '../screens/staff/StaffCustomerScreen.tsx'
import { StaffHomeScreen } from '../screens/staff/StaffHomeScreen.tsx'
import { StaffLeaveScreen } from '../screens/staff/StaffLeaveScreen.tsx'
import { StaffLocksScreen } from '../screens/staff/StaffLocksScreen.tsx'
import { StaffMaintenanceScreen } from '../screens/staff/StaffMaintenanceScreen.tsx'
import { StaffSearchScreen } from '../screens/staff/StaffSearchScreen.tsx'
import { StaffSignInScreen } from '../screens/staff/StaffSignInScreen.tsx'
import type { ScreenSpec } from './registry.tsx'
import type { StaffScreenName } from './staff-screens.ts'

const none = () => null
const leave = () => ({ name: 'staffLeave' }) as const
const menu = () => ({ name: 'staffHome' }) as const

export const staffRegistry: { [N in StaffScreenName]: ScreenSpec<N> } = {
  staffSignIn: { component: StaffSignInScreen, title: () => 'title.staffSignIn', tab: none, back: leave },
  staffHome: { component: StaffHomeScreen, title: () => 'title.staffHome', tab: none, back: leave },
  staffSearch: { component: StaffSearchScreen, title: () => 'title.staffSearch', tab: none, back: menu },
  staffCustomer: { component: StaffCustomerScreen, title: () => 'title.staffCustomer', tab: none, back: (screen) => screen.back },
  staffAction: { component: StaffActionScreen, title: () => 'title.staffAction', tab: none, back: (screen) => screen.back },
  staffLocks: { component: StaffLocksScreen, title: () => 'title.staffLocks', tab: none, back: menu },
  staffApprovals: { component: StaffApprovalsScreen, title: () => 'title.staffApprovals', tab: none, back: menu },
  staffMaintenance: { component: StaffMaintenanceScreen, title: () => 'title.staffMaintenance', tab: none, back: menu },
  staffAudit: { component: StaffAuditScreen, title: () => 'title.staffAudit', tab: none, back: menu },
  staffLeave: { component: StaffLeaveScreen, title: () => 'title.staffLeave', tab: none, back: none },
}
