// The staff API over real HTTP for the service tests: sign-in with the demo staff's own TOTP computed here with
// otpauth at the service's (manual) clock, and calls with the session token.
import { Secret, TOTP } from 'otpauth'
import type { ManualClock } from '../../server/src/clock.ts'
import { loadDemo } from '../../server/src/cli/demo.ts'
import type { Harness } from './harness.ts'

export interface DemoStaff {
  staffId: string
  password: string
  totpSecret: string
  role: string
}

export interface Answer<T = Record<string, unknown>> {
  status: number
  body: T
}

export function staffCode(secret: string, at: Date): string {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() })
}

export async function call<T = Record<string, unknown>>(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  const response = await fetch(`${base}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) })
  const text = await response.text()
  const isJson = response.headers.get('content-type')?.includes('json')
  return { status: response.status, body: (isJson && text ? JSON.parse(text) : text) as T }
}

/** A harness with the demo data set loaded and its staff at hand; each sign-in moves the manual clock one TOTP step. */
export async function staffWorld(h: Harness) {
  const demo = await loadDemo(h.deps)
  const staff = demo.staff as DemoStaff[]
  const clock = h.deps.clock as ManualClock
  const member = (staffId: string) => staff.find((s) => s.staffId === staffId)!
  const nextStep = () => clock.set(new Date(clock.now().getTime() + 30_000))
  async function signIn(staffId: string, override: { password?: string; otp?: string } = {}) {
    const who = member(staffId)
    nextStep()
    return call<{ token: string; code?: string }>(h.url, 'POST', '/v1/staff/session', {
      body: { staffId, password: override.password ?? who.password, otp: override.otp ?? staffCode(who.totpSecret, clock.now()) },
    })
  }
  async function tokenOf(staffId: string): Promise<string> {
    const answer = await signIn(staffId)
    if (answer.status !== 200) throw new Error(`sign-in of ${staffId} refused: ${answer.status} ${JSON.stringify(answer.body)}`)
    return answer.body.token
  }
  return { demo, staff, member, clock, signIn, tokenOf, nextStep }
}

export const JUSTIFIED = { reason: '窓口で本人から申し出', identityCheck: 'drivers_license' } as const
