// Holds the navigation state for the screens and turns uncaught errors anywhere in the window into the error
// screen (OTP-26), so a failed call never leaves the customer on a frozen screen.
import { createContext, useContext, useEffect, useMemo, useReducer, type ReactNode } from 'react'
import type { AppError } from '@shinkumi/common/bridge.ts'
import type { ErrorContext } from '@shinkumi/common/errors.ts'
import { isBenign, reportProblem } from '../lib/diagnostics.ts'
import type { Screen } from './screens.ts'
import { initialNavigation, navigate, type NavigationState } from './state.ts'

export interface Navigator {
  state: NavigationState
  go: (screen: Screen) => void
  /** Shows ワンタイムパスワード for a token and makes it the token of the ワンタイムパスワード tab. */
  showToken: (tokenId: string) => void
  /** Shows the error screen; its button returns to `back`, by default the screen the customer was on. */
  fail: (error: AppError, context: ErrorContext, back?: Screen) => void
  /** The token is gone (トークン削除): the ワンタイムパスワード tab no longer shows it; then `screen`. */
  forgetToken: (tokenId: string, screen: Screen) => void
  restart: () => void
}

const NavigationContext = createContext<Navigator | null>(null)

export function NavigationProvider({ children, initial = initialNavigation }: { children: ReactNode; initial?: NavigationState }) {
  const [state, dispatch] = useReducer(navigate, initial)
  const navigator = useMemo<Navigator>(
    () => ({
      state,
      go: (screen) => dispatch({ type: 'go', screen }),
      showToken: (tokenId) => dispatch({ type: 'showToken', tokenId }),
      fail: (error, context, back) => dispatch({ type: 'fail', error, context, back }),
      forgetToken: (tokenId, screen) => dispatch({ type: 'forgetToken', tokenId, screen }),
      restart: () => dispatch({ type: 'restart' }),
    }),
    [state],
  )

  useEffect(() => {
    const show = (thrown: unknown) => {
      if (isBenign(thrown)) return
      void reportProblem(thrown, 'error').then((error) => dispatch({ type: 'fail', error, context: 'other' }))
    }
    const onError = (event: ErrorEvent) => show(event.error ?? event.message)
    const onRejection = (event: PromiseRejectionEvent) => show(event.reason)
    window.addEventListener('error', onError)
    window.addEventListener('unhandledrejection', onRejection)
    return () => {
      window.removeEventListener('error', onError)
      window.removeEventListener('unhandledrejection', onRejection)
    }
  }, [])

  return <NavigationContext.Provider value={navigator}>{children}</NavigationContext.Provider>
}

export function useNavigator(): Navigator {
  const navigator = useContext(NavigationContext)
  if (!navigator) throw new Error('useNavigator outside NavigationProvider')
  return navigator
}
