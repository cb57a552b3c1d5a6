// The staff session, held by the main process only (STF-01): the token never leaves this object except toward the
// service. It ends on [スタッフモード終了], when the service says so, at its absolute end, or after the configured
// idle time — checked on every use with the injected clock, and by a timer, so the token leaves memory on time
// even when nothing calls.
import type { StaffMember } from '@shinkumi/common/staff-api.ts'
import type { StaffStatus } from '@shinkumi/common/staff-bridge.ts'
import type { Clock } from '@shinkumi/common/time.ts'

interface Live {
  token: string
  staff: StaffMember
  expiresAt: number
}

export type EndReason = 'idle' | 'expired' | 'signedOut'

export class StaffSession {
  readonly #clock: Clock
  readonly #idleMs: number
  /** Told the token of a session that ended by itself, so the service can end it too. */
  readonly #onEnded: (token: string) => void
  #live: Live | null = null
  #lastActivity = 0
  #endedBy: StaffStatus['endedBy'] = null
  #timer: ReturnType<typeof setTimeout> | undefined

  constructor(clock: Clock, idleMs: number, onEnded: (token: string) => void) {
    this.#clock = clock
    this.#idleMs = idleMs
    this.#onEnded = onEnded
  }

  start(token: string, staff: StaffMember, expiresAt: number): void {
    this.#live = { token, staff, expiresAt }
    this.#endedBy = null
    this.touch()
  }

  /** The person did something: the idle time starts again. */
  touch(): void {
    if (!this.#live) return
    this.#lastActivity = this.#clock.now().getTime()
    clearTimeout(this.#timer)
    this.#timer = setTimeout(() => this.current(), this.#idleMs + 1_000)
    this.#timer.unref?.()
  }

  /** The live session, after ending it if its idle time or absolute end has passed. */
  current(): Live | null {
    const live = this.#live
    if (!live) return null
    const now = this.#clock.now().getTime()
    if (now >= live.expiresAt) this.#endItself('expired')
    else if (now - this.#lastActivity >= this.#idleMs) this.#endItself('idle')
    return this.#live
  }

  /** Ends the session; returns its token (for the service's sign-out) when there was one. */
  end(reason: EndReason): string | null {
    const token = this.#live?.token ?? null
    this.#live = null
    this.#endedBy = reason === 'signedOut' ? null : reason
    clearTimeout(this.#timer)
    return token
  }

  status(): StaffStatus {
    const live = this.current()
    return { staff: live?.staff ?? null, endedBy: live ? null : this.#endedBy, idleSeconds: Math.round(this.#idleMs / 1000) }
  }

  #endItself(reason: 'idle' | 'expired'): void {
    const token = this.end(reason)
    if (token) this.#onEnded(token)
  }
}
