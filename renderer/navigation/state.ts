// The navigation state machine: which screen is shown and which token the ワンタイムパスワード tab shows.
// Pure, so the transitions are easy to read and to test.
import type { AppError } from '@shinkumi/common/bridge.ts'
import type { ErrorContext } from '@shinkumi/common/errors.ts'
import type { Screen } from './screens.ts'

export interface NavigationState {
  screen: Screen
  /** The token chosen for the ワンタイムパスワード tab; null until start-up has picked one. */
  tokenId: string | null
  /** Counts transitions, so a screen shown again starts fresh (it keys the screen's component). */
  visit: number
}

export type NavigationAction =
  | { type: 'go'; screen: Screen }
  | { type: 'showToken'; tokenId: string }
  | { type: 'fail'; error: AppError; context: ErrorContext; back?: Screen }
  | { type: 'forgetToken'; tokenId: string; screen: Screen }
  | { type: 'restart' }

export const initialNavigation: NavigationState = { screen: { name: 'startup' }, tokenId: null, visit: 0 }

export function navigate(state: NavigationState, action: NavigationAction): NavigationState {
  const visit = state.visit + 1
  switch (action.type) {
    case 'go':
      return { ...state, screen: action.screen, visit }
    case 'showToken':
      return { screen: { name: 'otp', tokenId: action.tokenId }, tokenId: action.tokenId, visit }
    case 'fail': {
      // The app lock took the vault (idle time, OS lock): every screen's failure leads to アプリロックコード入力 (OTP-18).
      if (action.error.code === 'LOCKED') return { ...state, screen: { name: 'unlock' }, visit }
      // An error on top of an error screen keeps the first one's way back.
      const current = state.screen.name === 'error' ? state.screen.back : state.screen
      const screen: Screen = { name: 'error', error: action.error, context: action.context, back: action.back ?? current }
      return { ...state, screen, visit }
    }
    case 'forgetToken':
      return { screen: action.screen, tokenId: state.tokenId === action.tokenId ? null : state.tokenId, visit }
    case 'restart':
      return { ...initialNavigation, visit }
  }
}
