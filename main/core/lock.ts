// The app lock's behaviour over the vault (OTP-17, OTP-18): how long a wrong code makes the next attempt wait, and
// the idle timer that locks the vault again. The cryptography is in vault.ts and lock-key.ts; this is policy.
import { DEFAULT_AUTO_LOCK_MINUTES } from '@shinkumi/common/rules.ts'
import type { UnlockFailures, Vault } from './vault.ts'
import { MINUTE_MS, type Clock } from '@shinkumi/common/time.ts'

/** Wrong codes that cost nothing: a typo or two should not make the customer wait. */
const FREE_FAILURES = 3
const FIRST_DELAY_MS = 2_000
const MAX_DELAY_MS = 5 * MINUTE_MS

/** The wait after `count` wrong codes in a row: 0, 0, 0, then 2 s, 4 s, 8 s … at most 5 minutes. */
export function unlockDelayMs(count: number): number {
  if (count <= FREE_FAILURES) return 0
  return Math.min(FIRST_DELAY_MS * 2 ** (count - FREE_FAILURES - 1), MAX_DELAY_MS)
}

/**
 * How long the next attempt must still wait. Never longer than the delay itself, so a clock set back after a
 * failure cannot lock the customer out for longer than intended.
 */
export function retryAfterMs(failures: UnlockFailures | undefined, now: number): number {
  if (!failures) return 0
  const delay = unlockDelayMs(failures.count)
  return Math.min(delay, Math.max(0, failures.lastAt + delay - now))
}

export function autoLockMs(vault: Vault): number {
  return (vault.settings.autoLockMinutes ?? DEFAULT_AUTO_LOCK_MINUTES) * MINUTE_MS
}

/**
 * The customer's last activity (reported by the renderer, or an unlock) and the idle lock. The check runs on every
 * use of the vault with the injected clock, and a timer runs it too, so the data key leaves memory when the time is
 * up even if nothing calls.
 */
export class IdleLock {
  readonly #clock: Clock
  #lastActivity: number
  #timer: ReturnType<typeof setTimeout> | undefined

  constructor(clock: Clock) {
    this.#clock = clock
    this.#lastActivity = clock.now().getTime()
  }

  touch(vault: Vault): void {
    this.#lastActivity = this.#clock.now().getTime()
    clearTimeout(this.#timer)
    if (!vault.lockEnabled) return
    this.#timer = setTimeout(() => void this.enforce(vault), autoLockMs(vault) + 1_000)
    this.#timer.unref?.()
  }

  /** Locks the vault when it has been idle for its auto-lock time. */
  async enforce(vault: Vault): Promise<void> {
    if (vault.lockEnabled && !vault.locked && this.#clock.now().getTime() - this.#lastActivity >= autoLockMs(vault)) await vault.lock()
  }
}
