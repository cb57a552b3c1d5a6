// Drives the API linkage over real HTTP the way a browser would (cookie, CSRF field, 303s), and plays the
// fintech app (PKCE, client_secret_basic) and the telephony provider (signed webhook).
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { s256 } from '../../server/src/oauth/pkce.ts'
import { sign } from '../../server/src/telephony/signature.ts'
import { DEMO_OAUTH_CLIENT } from '../../server/src/linkage/demo.ts'

export const CLIENT = DEMO_OAUTH_CLIENT
export const TARO = { branch: '115', type: 'ordinary', accountNumber: '1100026', name: 'データ タロウ', birthYear: '1980', birthMonth: '04', birthDay: '01', phone: '09011113333', pin: '1234' }

export interface Page {
  status: number
  location: string | null
  html: string
}

export class LinkageBrowser {
  cookie = ''
  readonly base: string
  /** Requests go in through app.inject from this source address instead of over loopback HTTP. */
  private readonly from?: { app: FastifyInstance; address: string }
  constructor(base: string, from?: { app: FastifyInstance; address: string }) {
    this.base = base
    this.from = from
  }

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Page> {
    if (this.from) return this.inject(this.from, path, init)
    const response = await fetch(new URL(path, this.base), {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    })
    const set = response.headers.get('set-cookie')
    if (set) this.cookie = set.split(';')[0]!
    return { status: response.status, location: response.headers.get('location'), html: await response.text() }
  }

  private async inject(from: { app: FastifyInstance; address: string }, path: string, init: { method?: string; form?: Record<string, string> }): Promise<Page> {
    const response = await from.app.inject({
      method: (init.method ?? (init.form ? 'POST' : 'GET')) as 'GET' | 'POST',
      url: path,
      remoteAddress: from.address,
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(init.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      payload: init.form ? new URLSearchParams(init.form).toString() : undefined,
    })
    const set = response.headers['set-cookie']
    if (set) this.cookie = String(set).split(';')[0]!
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

export async function inboundCall(base: string, secret: string, call: { callId?: string; from: string; to: string }, signature?: string) {
  const body = JSON.stringify({ callId: call.callId ?? crypto.randomUUID(), from: call.from, to: call.to, at: new Date().toISOString() })
  const response = await fetch(`${base}/v1/telephony/inbound-call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': signature ?? sign(secret, body) },
    body,
  })
  return { status: response.status, body: (await response.json()) as { status?: string; error?: string } }
}

export const authNumberOf = (html: string) => html.match(/data-testid="call-to" href="tel:(\d+)"/)?.[1] ?? ''

/** From the authorization request to SOA209 (call screen) for a customer; returns the number to call. */
export async function reachCallScreen(browser: LinkageBrowser, challenge: string, who = TARO): Promise<string> {
  await browser.open(authorizeUrl({ challenge }))
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

/** The whole flow; resolves with the code and the PKCE verifier. */
export async function completeFlow(base: string, secret: string, who = TARO): Promise<{ code: string; verifier: string; state: string | null }> {
  const browser = new LinkageBrowser(base)
  const { verifier, challenge } = pkce()
  const to = await reachCallScreen(browser, challenge, who)
  const call = await inboundCall(base, secret, { from: who.phone, to })
  if (call.body.status !== 'verified') throw new Error(`call not verified: ${JSON.stringify(call.body)}`)
  await browser.submit('/linkage/call', {})
  await browser.submit('/linkage/pin', { pin: who.pin })
  const csrf = await browser.csrf()
  const done = await browser.request('/linkage/consent', { form: { csrf, agree: 'yes' } })
  const location = new URL(done.location ?? 'http://invalid/')
  const code = location.searchParams.get('code')
  if (!code) throw new Error(`no code: ${done.status} ${done.location} ${done.html}`)
  return { code, verifier, state: location.searchParams.get('state') }
}
