// Costly work that strangers can trigger (scrypt over a guessed password or PIN) waits its turn in a bounded
// queue (SEC-03): a small number run at once, a bounded number wait, and the rest are turned away at once with
// 503 and Retry-After — never left hanging, never allowed to take all memory or every thread of the pool.

import os from 'node:os'

/**
 * Hashes a process runs at once unless HASH_CONCURRENCY says otherwise: the host's cores but one, shared by its
 * `processes`, at least one each. scrypt is pure CPU on libuv's threads; with a hash on every core the event loop —
 * /healthz and every cheap request — waits for a core behind them (issue 8: under 600 wrong activation passwords on
 * 2 cores, two hashes at once let /healthz stall up to 1.6 s, one at a time kept its worst under 0.5 s).
 */
export function defaultHashConcurrency(processes = 1, cores = os.availableParallelism()): number {
  return Math.max(1, Math.floor((cores - 1) / processes))
}

/** Seconds a refused caller is asked to wait: the queue drains in well under that. */
export const QUEUE_RETRY_AFTER_SECONDS = 5

/** The queue is full: answered as 503 with Retry-After by the root error handler (API code BUSY, pages 混雑). */
export class QueueFullError extends Error {
  readonly statusCode = 503
  readonly retryAfterSeconds = QUEUE_RETRY_AFTER_SECONDS
  constructor() {
    super('the service is busy; try again shortly')
  }
}

export interface QueueLimits {
  /** Tasks running at once. */
  concurrency: number
  /** Tasks waiting for a turn; one more is refused. */
  maxWaiting: number
}

export class BoundedQueue {
  private running = 0
  private readonly waiting: (() => void)[] = []
  private limits: QueueLimits

  constructor(limits: QueueLimits) {
    this.limits = limits
  }

  setLimits(limits: QueueLimits): void {
    this.limits = limits
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limits.concurrency) {
      this.running++
    } else {
      if (this.waiting.length >= this.limits.maxWaiting) throw new QueueFullError()
      // The finishing task hands its slot over, so `running` already counts this one when it wakes.
      await new Promise<void>((resolve) => this.waiting.push(resolve))
    }
    try {
      return await task()
    } finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.running--
    }
  }
}
