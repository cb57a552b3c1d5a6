// The service's test clock (SVC-08): started with CLOCK=manual outside production, moved by /__test__/clock.
import type { Clock } from '@shinkumi/common/time.ts'

export class ManualClock implements Clock {
  #now: Date
  constructor(start = new Date()) {
    this.#now = start
  }
  now(): Date {
    return new Date(this.#now)
  }
  set(at: Date): void {
    this.#now = new Date(at)
  }
}
