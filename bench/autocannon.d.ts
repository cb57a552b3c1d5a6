// The part of autocannon's programmatic API the benchmarks use (the package ships no types).
declare module 'autocannon' {
  interface Histogram {
    average: number
    p50: number
    p90: number
    p99: number
  }
  interface Result {
    requests: Histogram & { total: number }
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
    '4xx': number
    '5xx': number
  }
  interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
    /** Called before each request is sent: how each request gets a fresh body (another user's current code). */
    setupRequest?: (request: Request) => Request
    /** Called with each response: how the bench counts the answers it got (every accept valid, say). */
    onResponse?: (status: number, body: string) => void
  }
  interface Options {
    url: string
    connections?: number
    duration?: number
    workers?: number
    requests?: Request[]
    /** Stop after this many requests instead of after `duration`. */
    amount?: number
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
  export type { Options, Request, Result }
}
