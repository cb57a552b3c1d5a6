// The bench's tools: a child process that prints its URL, an autocannon run reduced to {rps, p50Ms, p99Ms}, and
// percentiles of sequential timings. The load client runs in the bench's own process, the servers in theirs, as
// in production; all of them share this machine's cores, which the figures' ratios cancel out.
import { spawn, type ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'
import autocannon, { type Request } from 'autocannon'

export interface Throughput {
  rps: number
  p50Ms: number
  p99Ms: number
  errors?: number
}

export interface Child {
  url: string
  stop(): Promise<void>
}

/** Starts `node <file>` with `env` and waits for the `{"url": …}` line it prints. */
export async function startChild(file: string, env: Record<string, string>): Promise<Child> {
  const child: ChildProcess = spawn(process.execPath, [file], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout! })
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before listening`)))
    lines.on('line', (line) => {
      const parsed = /^\{"url":"([^"]+)"\}$/.exec(line)
      if (parsed) resolve(parsed[1]!)
    })
  })
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.removeAllListeners('exit')
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export async function throughput(url: string, options: { seconds: number; connections: number; requests?: Request[] }): Promise<Throughput> {
  const result = await autocannon({ url, connections: options.connections, duration: options.seconds, requests: options.requests })
  const errors = result.errors + result.timeouts + result.non2xx
  return { rps: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, ...(errors ? { errors } : {}) }
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0)
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits))

/** Milliseconds `task` took. */
export async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await task()
  return performance.now() - start
}
