// One row per screen: its component, its title (画面タイトル), which bottom tab it belongs to, and where the
// header's [戻る] leads. The mapped type makes a missing row a compile error.
import { StartupScreen } from '../screens/customer/StartupScreen.tsx'
import { lazyScreen } from './lazy-screen.ts'
import type { ScreenName, ScreenOf, ScreenSpec } from './screens.ts'
import { staffRegistry } from './staff-registry.tsx'

// Every screen but start-up loads when first shown (lazy-screen.ts): the window paints its frame from the entry chunk
// alone, and a customer downloads only the screens they reach.
const AboutScreen = lazyScreen(() => import('../screens/customer/AboutScreen.tsx'), 'AboutScreen')
const AppLockScreen = lazyScreen(() => import('../screens/customer/AppLockScreen.tsx'), 'AppLockScreen')
const CorrectionDoneScreen = lazyScreen(() => import('../screens/customer/CorrectionDoneScreen.tsx'), 'CorrectionDoneScreen')
const CorrectionScreen = lazyScreen(() => import('../screens/customer/CorrectionScreen.tsx'), 'CorrectionScreen')
const DisplayNameScreen = lazyScreen(() => import('../screens/customer/DisplayNameScreen.tsx'), 'DisplayNameScreen')
const ExpiredScreen = lazyScreen(() => import('../screens/customer/ExpiredScreen.tsx'), 'ExpiredScreen')
const ExpiryRenewedScreen = lazyScreen(() => import('../screens/customer/ExpiryRenewedScreen.tsx'), 'ExpiryRenewedScreen')
const ExpiryRenewScreen = lazyScreen(() => import('../screens/customer/ExpiryRenewScreen.tsx'), 'ExpiryRenewScreen')
const ProvisionedScreen = lazyScreen(() => import('../screens/customer/ProvisionedScreen.tsx'), 'ProvisionedScreen')
const TransactionsScreen = lazyScreen(() => import('../screens/customer/TransactionsScreen.tsx'), 'TransactionsScreen')
const HelpMenuScreen = lazyScreen(() => import('../screens/customer/HelpScreens.tsx'), 'HelpMenuScreen')
const FaqScreen = lazyScreen(() => import('../screens/customer/HelpScreens.tsx'), 'FaqScreen')
const ErrorListScreen = lazyScreen(() => import('../screens/customer/HelpScreens.tsx'), 'ErrorListScreen')
const OtpScreen = lazyScreen(() => import('../screens/customer/OtpScreen.tsx'), 'OtpScreen')
const ProvisionScreen = lazyScreen(() => import('../screens/customer/ProvisionScreen.tsx'), 'ProvisionScreen')
const SettingsMenuScreen = lazyScreen(() => import('../screens/customer/SettingsMenuScreen.tsx'), 'SettingsMenuScreen')
const TokenDeleteScreen = lazyScreen(() => import('../screens/customer/TokenDeleteScreens.tsx'), 'TokenDeleteScreen')
const TokenDeleteConfirmScreen = lazyScreen(() => import('../screens/customer/TokenDeleteScreens.tsx'), 'TokenDeleteConfirmScreen')
const TokenDeletedScreen = lazyScreen(() => import('../screens/customer/TokenDeleteScreens.tsx'), 'TokenDeletedScreen')
const TokenSelectScreen = lazyScreen(() => import('../screens/customer/TokenSelectScreen.tsx'), 'TokenSelectScreen')
const UnlockScreen = lazyScreen(() => import('../screens/customer/UnlockScreen.tsx'), 'UnlockScreen')
const ErrorRoute = lazyScreen(() => import('./ErrorRoute.tsx'), 'ErrorRoute')

const none = () => null

export const registry: { [N in ScreenName]: ScreenSpec<N> } = {
  startup: { component: StartupScreen, title: () => 'title.startup', tab: none, back: none },
  provision: {
    component: ProvisionScreen,
    title: (screen) => (screen.mode === 'setup' ? 'title.setup' : 'title.add'),
    tab: none,
    back: (screen) => (screen.mode === 'add' ? { name: 'settings' } : null),
  },
  provisioned: {
    component: ProvisionedScreen,
    title: (screen) => (screen.mode === 'setup' ? 'title.setupDone' : 'title.addDone'),
    tab: none,
    back: none,
  },
  displayName: {
    component: DisplayNameScreen,
    title: () => 'title.suffix',
    tab: (screen) => (screen.flow === 'settings' ? 'settings' : null),
    back: (screen) => (screen.flow === 'settings' ? { name: 'settings' } : null),
  },
  otp: { component: OtpScreen, title: () => 'title.otp', tab: () => 'otp', back: none },
  settings: { component: SettingsMenuScreen, title: () => 'title.settings', tab: () => 'settings', back: none },
  // The expiry screens come between choosing a token and its code (OTP-05): no tabs until they are answered.
  expiryRenew: { component: ExpiryRenewScreen, title: () => 'title.expiryRenew', tab: none, back: none },
  expiryRenewed: { component: ExpiryRenewedScreen, title: () => 'title.expiryRenewed', tab: none, back: none },
  expired: { component: ExpiredScreen, title: () => 'title.expired', tab: none, back: none },
  correction: { component: CorrectionScreen, title: () => 'title.correction', tab: () => 'settings', back: () => ({ name: 'settings' }) },
  correctionDone: { component: CorrectionDoneScreen, title: () => 'title.correction', tab: () => 'settings', back: none },
  transactions: { component: TransactionsScreen, title: () => 'title.transactions', tab: () => 'transactions', back: none },
  help: { component: HelpMenuScreen, title: () => 'title.help', tab: () => 'settings', back: () => ({ name: 'settings' }) },
  helpFaq: { component: FaqScreen, title: () => 'title.faq', tab: () => 'settings', back: () => ({ name: 'help' }) },
  // Opened from an error screen, エラー表示一覧 leads back to it (and, like it, shows no tabs).
  helpErrors: {
    component: ErrorListScreen,
    title: () => 'title.errorList',
    tab: (screen) => (screen.back ? null : 'settings'),
    back: (screen) => screen.back ?? { name: 'help' },
  },
  error: { component: ErrorRoute, title: () => 'title.error', tab: none, back: none },
  ...staffRegistry,
  unlock: { component: UnlockScreen, title: () => 'title.unlock', tab: none, back: none },
  tokenSelect: { component: TokenSelectScreen, title: () => 'title.tokens', tab: () => 'tokens', back: none },
  tokenDelete: { component: TokenDeleteScreen, title: () => 'title.delete', tab: () => 'settings', back: () => ({ name: 'settings' }) },
  tokenDeleteConfirm: {
    component: TokenDeleteConfirmScreen,
    title: () => 'title.deleteConfirm',
    tab: () => 'settings',
    back: () => ({ name: 'tokenDelete' }),
  },
  tokenDeleted: { component: TokenDeletedScreen, title: () => 'title.deleted', tab: none, back: none },
  appLock: { component: AppLockScreen, title: () => 'title.appLock', tab: () => 'settings', back: () => ({ name: 'settings' }) },
  about: { component: AboutScreen, title: () => 'title.about', tab: () => 'settings', back: () => ({ name: 'settings' }) },
}

/** The row of a screen, typed for that screen (TypeScript cannot correlate registry[screen.name] by itself). */
export function specOf<N extends ScreenName>(screen: ScreenOf<N>): ScreenSpec<N> {
  return registry[screen.name as N] as unknown as ScreenSpec<N>
}
