// The staff screens' rows of the registry (see registry.tsx): no bottom tabs; [戻る] walks back towards the staff
// menu, and from the menu or sign-in it leaves staff mode (signing out first).
import { lazyScreen } from './lazy-screen.ts'
import type { ScreenSpec, StaffScreenName } from './screens.ts'

// Staff mode is its own set of chunks: a customer's app never downloads it.
const StaffActionScreen = lazyScreen(() => import('../screens/staff/StaffActionScreen.tsx'), 'StaffActionScreen')
const StaffApprovalsScreen = lazyScreen(() => import('../screens/staff/StaffApprovalsScreen.tsx'), 'StaffApprovalsScreen')
const StaffAuditScreen = lazyScreen(() => import('../screens/staff/StaffAuditScreen.tsx'), 'StaffAuditScreen')
const StaffCustomerScreen = lazyScreen(() => import('../screens/staff/StaffCustomerScreen.tsx'), 'StaffCustomerScreen')
const StaffHomeScreen = lazyScreen(() => import('../screens/staff/StaffHomeScreen.tsx'), 'StaffHomeScreen')
const StaffLeaveScreen = lazyScreen(() => import('../screens/staff/StaffLeaveScreen.tsx'), 'StaffLeaveScreen')
const StaffLocksScreen = lazyScreen(() => import('../screens/staff/StaffLocksScreen.tsx'), 'StaffLocksScreen')
const StaffMaintenanceScreen = lazyScreen(() => import('../screens/staff/StaffMaintenanceScreen.tsx'), 'StaffMaintenanceScreen')
const StaffSearchScreen = lazyScreen(() => import('../screens/staff/StaffSearchScreen.tsx'), 'StaffSearchScreen')
const StaffSignInScreen = lazyScreen(() => import('../screens/staff/StaffSignInScreen.tsx'), 'StaffSignInScreen')

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
