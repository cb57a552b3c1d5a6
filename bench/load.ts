// The bench's tools: a child process that prints its URL, an autocannon run reduced to {rps, p50Ms, p99Ms}, and
// percentiles of sequential timings. The load client runs in the bench's own process, the servers in theirs, as
// in production; all of them share this machine's cores, which the figures' ratios cancel out.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import { createInterface } from 'node:readline'
import autocannon, { type Request } from 'autocannon'

export interface Throughput {
  rps: number
  p50Ms: number
  p99Ms: number
  /** Requests answered in the run. */
  requests: number
  errors?: number
}

export interface Child {
  url: string
  /** CPU milliseconds the process has used so far, in user space and in the kernel (null without /proc). */
  cpu(): CpuMs | null
  stop(): Promise<void>
}

export interface CpuMs {
  user: number
  system: number
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
    cpu: () => processCpuMs(String(child.pid)),
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
  return { rps: Math.round(result.requests.average), p50Ms: result.latency.p50, p99Ms: result.latency.p99, requests: result.requests.total, ...(errors ? { errors } : {}) }
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b)
  return round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0)
}

export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits))

/** Milliseconds `task` took. */
export async function timed(task: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await task()
  return performance.now() - start
}

/** A process's CPU time so far from /proc/<pid>/stat: utime and stime, the 12th and 13th fields after the command. */
function processCpuMs(pid: string): CpuMs | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { user: (Number(fields[11]) * 1000) / CLOCK_TICKS, system: (Number(fields[12]) * 1000) / CLOCK_TICKS }
  } catch {
    return null
  }
}

/**
 * CPU milliseconds used so far by each process of a PostgreSQL server on this host (backends, WAL writer,
 * checkpointer…), by process id; null where there is no /proc or the server runs elsewhere.
 */
export function postgresCpuMs(url: string): Map<string, number> | null {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname) || !fs.existsSync('/proc/self/stat')) return null
  const used = new Map<string, number>()
  for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    let comm = ''
    try {
      comm = fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim()
    } catch {
      continue // the process ended meanwhile
    }
    const cpu = comm === 'postgres' ? processCpuMs(pid) : null
    if (cpu) used.set(pid, cpu.user + cpu.system)
  }
  return used
}

/** CPU milliseconds PostgreSQL used between two readings: a backend that ended meanwhile (an idle pool connection) took its total with it, so it does not count. */
export function postgresCpuBetween(before: Map<string, number>, after: Map<string, number>): number {
  let sum = 0
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0)
  return sum
}

/** Linux's USER_HZ, the unit of /proc's CPU times: 100 on every architecture Node runs on. */
const CLOCK_TICKS = 100
