// Time is injected everywhere (DESIGN.md §4), so tests fix it and codes are reproducible.

export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }
