// The service's only source of time (DESIGN.md §4). A manual clock exists for tests (SVC-08).
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

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
