// Drives the API linkage over real HTTP the way a browser would (cookie, CSRF field, 303s), and plays the
// fintech app (PKCE, client_secret_basic) and the telephony provider (signed webhook).
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { s256 } from '../../server/src/oauth/pkce.ts'
import { sign } from '../../server/src/telephony/signature.ts'
import { DEMO_OAUTH_CLIENT } from '../../server/src/linkage/demo.ts'
import { serviceClockAt } from './harness.ts'

export const CLIENT = DEMO_OAUTH_CLIENT
export const TARO = {
  branch: '115',
  type: 'ordinary',
  accountNumber: '1100026',
  name: 'データ タロウ',
  birthYear: '1980',
  birthMonth: '04',
  birthDay: '01',
  phone: '09011113333',
  pin: '1234',
}

export interface Page {
  status: number
  location: string | null
  html: string
}

export class LinkageBrowser {
  private readonly jar = new Map<string, string>()
  readonly base: string
  /** The browser's Accept-Language (LNK-13); none by default. */
  readonly language: string | undefined
  /** Requests go in through app.inject from this source address instead of over loopback HTTP. */
  private readonly from?: { app: FastifyInstance; address: string }
  constructor(base: string, options: { language?: string; from?: { app: FastifyInstance; address: string } } = {}) {
    this.base = base
    this.language = options.language
    this.from = options.from
  }

  get cookie(): string {
    return [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ')
  }

  /** Takes over a session cookie (`name=value`) another client was given. */
  set cookie(pair: string) {
    const at = pair.indexOf('=')
    this.jar.set(pair.slice(0, at), pair.slice(at + 1))
  }

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Page> {
    if (this.from) return this.inject(this.from, path, init)
    const response = await fetch(new URL(path, this.base), {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.language ? { 'accept-language': this.language } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    })
    for (const set of response.headers.getSetCookie()) {
      const [pair = ''] = set.split(';')
      const at = pair.indexOf('=')
      this.jar.set(pair.slice(0, at), pair.slice(at + 1))
    }
    return { status: response.status, location: response.headers.get('location'), html: await response.text() }
  }

  private async inject(from: { app: FastifyInstance; address: string }, path: string, init: { method?: string; form?: Record<string, string> }): Promise<Page> {
    const response = await from.app.inject({
      method: (init.method ?? (init.form ? 'POST' : 'GET')) as 'GET' | 'POST',
      url: path,
      remoteAddress: from.address,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.language ? { 'accept-language': this.language } : {}),
        ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      payload: init.form ? new URLSearchParams(init.form).toString() : undefined,
    })
    const set = response.headers['set-cookie']
    for (const cookie of set === undefined ? [] : Array.isArray(set) ? set : [set]) {
      const [pair = ''] = cookie.split(';')
      const at = pair.indexOf('=')
      this.jar.set(pair.slice(0, at), pair.slice(at + 1))
    }
    const location = response.headers.location
    return { status: response.statusCode, location: typeof location === 'string' ? location : null, html: response.body }
  }

  /** GET, following redirects within the service. */
  async open(path: string): Promise<Page> {
    let page = await this.request(path)
    while (page.location && page.location.startsWith('/')) page = await this.request(page.location)
    return page
  }

  /** POSTs a form with the flow's CSRF token, following redirects within the service. */
  async submit(path: string, form: Record<string, string>, csrf?: string): Promise<Page> {
    const token = csrf ?? (await this.csrf())
    const page = await this.request(path, { form: { csrf: token, ...form } })
    return page.location?.startsWith('/') ? this.open(page.location) : page
  }

  async csrf(): Promise<string> {
    const page = await this.request('/linkage')
    return page.html.match(/name="csrf" value="([^"]+)"/)?.[1] ?? ''
  }
}

export function pkce() {
  const verifier = randomBytes(32).toString('base64url')
  return { verifier, challenge: s256(verifier) }
}

export function authorizeUrl(options: { challenge: string; state?: string; method?: string; redirectUri?: string; clientId?: string; responseType?: string }): string {
  const q = new URLSearchParams({
    response_type: options.responseType ?? 'code',
    client_id: options.clientId ?? CLIENT.clientId,
    redirect_uri: options.redirectUri ?? CLIENT.redirectUri,
    scope: 'accounts',
    state: options.state ?? 'xyz',
    code_challenge: options.challenge,
    code_challenge_method: options.method ?? 'S256',
  })
  return `/oauth/authorize?${q}`
}

export const basic = (id = CLIENT.clientId, secret = CLIENT.clientSecret) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`

export async function tokenRequest(base: string, form: Record<string, string>, authorization = basic()) {
  const response = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { authorization, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  })
  return { status: response.status, body: (await response.json()) as Record<string, string | number> }
}

/** A signed call as the provider sends it; `at` defaults to the service's own time (SVC-05 refuses ±5 min off). */
export async function inboundCall(base: string, secret: string, call: { callId?: string; from: string; to: string; at?: Date }, signature?: string) {
  const at = call.at ?? serviceClockAt(base)?.now() ?? new Date()
  const body = JSON.stringify({ callId: call.callId ?? crypto.randomUUID(), from: call.from, to: call.to, at: at.toISOString() })
  const response = await fetch(`${base}/v1/telephony/inbound-call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': signature ?? sign(secret, body) },
    body,
  })
  return { status: response.status, body: (await response.json()) as { status?: string; error?: string } }
}

export const authNumberOf = (html: string) => html.match(/data-testid="call-to" href="tel:(\d+)"/)?.[1] ?? ''

/** From the authorization request to SOA209 (call screen) for a customer; returns the number to call. */
export async function reachCallScreen(browser: LinkageBrowser, challenge: string, who = TARO, start = authorizeUrl({ challenge })): Promise<string> {
  await browser.open(start)
  await browser.submit('/linkage/account', { branch: who.branch, type: who.type, accountNumber: who.accountNumber })
  const phonePage = await browser.submit('/linkage/customer', {
    name: who.name,
    birthYear: who.birthYear,
    birthMonth: who.birthMonth,
    birthDay: who.birthDay,
    phone: who.phone,
    email: 'taro@example.jp',
    emailConfirm: 'taro@example.jp',
  })
  if (!phonePage.html.includes('SOA208')) throw new Error(`expected SOA208, got:\n${phonePage.html}`)
  const callPage = await browser.submit('/linkage/phone', {})
  return authNumberOf(callPage.html)
}

/** The six screens from `start` (an authorization request) to the redirect back; resolves with its URL. */
export async function walkFlow(base: string, secret: string, start: string, who = TARO, language?: string): Promise<URL> {
  const browser = new LinkageBrowser(base, { language })
  const to = await reachCallScreen(browser, '', who, start)
  const call = await inboundCall(base, secret, { from: who.phone, to })
  if (call.body.status !== 'verified') throw new Error(`call not verified: ${JSON.stringify(call.body)}`)
  await browser.submit('/linkage/call', {})
  await browser.submit('/linkage/pin', { pin: who.pin })
  const csrf = await browser.csrf()
  const done = await browser.request('/linkage/consent', { form: { csrf, agree: 'yes' } })
  const location = new URL(done.location ?? 'http://invalid/')
  if (!location.searchParams.get('code')) throw new Error(`no code: ${done.status} ${done.location} ${done.html}`)
  return location
}

/** The whole flow; resolves with the code and the PKCE verifier. */
export async function completeFlow(base: string, secret: string, who = TARO, language?: string): Promise<{ code: string; verifier: string; state: string | null }> {
  const { verifier, challenge } = pkce()
  const location = await walkFlow(base, secret, authorizeUrl({ challenge }), who, language)
  return { code: location.searchParams.get('code')!, verifier, state: location.searchParams.get('state') }
}

/** Enough MIME for the tests: the quoted-printable or base64 text body and encoded-word headers, as UTF-8. */
export function decodeMime(raw: string): string {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/)
  const body = rest.join('\n\n')
  const text = /content-transfer-encoding:\s*base64/i.test(head)
    ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
    : Buffer.from(
        body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8')
  return head + '\n' + text
}
