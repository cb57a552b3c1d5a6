// The page for where a flow stands (GET /linkage): the state machine's view, in the page's language.
import type { Html } from './html.ts'
import type { Flow } from './flow.ts'
import { errorRedirect } from '../oauth/authorize-request.ts'
import { callState, CALL_WINDOW_MS, maskPhone } from './phone-step.ts'
import type { Messages } from './messages.ts'
import { accountPage } from './pages/soa201-account.ts'
import { customerPage } from './pages/soa202-customer.ts'
import { phonePage } from './pages/soa208-phone.ts'
import { callPage } from './pages/soa209-call.ts'
import { pinPage } from './pages/soa211-pin.ts'
import { consentPage } from './pages/soa206-consent.ts'
import { abortedPage } from './pages/aborted.ts'
import { noticePage } from './pages/notice.ts'

export const accessDeniedUrl = (flow: Flow, issuer: string) => errorRedirect(issuer, flow.redirect_uri, 'access_denied', flow.state ?? undefined)

export function accountOf(flow: Flow) {
  return { branch: flow.branch ?? '', type: flow.account_type ?? 'ordinary', accountNumber: flow.account_number ?? '' }
}

/** 画面④ with the seconds left of its 120 s (the service clock decides). */
export function callScreen(t: Messages, flow: Flow, now: Date, waiting = false): Html {
  const secondsLeft = Math.max(0, Math.ceil((flow.call_started_at! + CALL_WINDOW_MS - now.getTime()) / 1000))
  return callPage(t, { csrf: flow.csrf_token, maskedPhone: maskPhone(flow.phone ?? ''), authNumber: flow.call_to ?? '', waiting, secondsLeft })
}

/** 画面④ after its 120 s: the seed's words, and the way back to 画面①. */
export function callExpiredPage(t: Messages, flow: Flow, issuer: string): Html {
  return noticePage(t, { lines: [t.callExpiredCall, t.callExpired, t.restart], restart: { csrf: flow.csrf_token }, returnUrl: accessDeniedUrl(flow, issuer) })
}

export function currentScreen(t: Messages, flow: Flow, clientName: string, now: Date, issuer: string): Html {
  const csrf = flow.csrf_token
  switch (flow.step) {
    case 'account':
      return accountPage(t, { clientName, csrf, values: accountOf(flow) })
    case 'customer':
      return customerPage(t, { csrf, account: accountOf(flow) })
    case 'phone':
      return phonePage(t, { csrf, maskedPhone: maskPhone(flow.phone ?? '') })
    case 'call':
      return callState(flow, now) === 'expired' ? callExpiredPage(t, flow, issuer) : callScreen(t, flow, now)
    case 'pin':
      return pinPage(t, { csrf })
    case 'consent':
      return consentPage(t, { csrf, clientName })
    case 'aborted':
      return abortedPage(t, accessDeniedUrl(flow, issuer))
    case 'refused':
      return noticePage(t, { lines: [t.restart], returnUrl: accessDeniedUrl(flow, issuer) })
    case 'done':
      return noticePage(t, { lines: [t.restart] })
  }
}
