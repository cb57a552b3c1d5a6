// SEC-08: what operators watch besides HTTP timings — verification outcomes, lockouts, the linkage funnel, staff
// actions, mail and telephony failures, the database pool and the build. The counters are the process's own (as
// prom-client intends): the places that count are deep in each area and reach them by import, and GET /metrics
// (observability.ts) serves them next to the app's HTTP figures.
import fs from 'node:fs'
import type pg from 'pg'
import { Counter, Gauge, Registry } from 'prom-client'

export const domainMetrics = new Registry()
const registers = [domainMetrics]

/** `outcome`: valid, or the refusal's reason (SVC-04). */
export const otpVerifications = new Counter({
  name: 'shinkumi_otp_verifications_total',
  help: 'OTP verifications by outcome (valid or the refusal reason)',
  labelNames: ['outcome'],
  registers,
})

export type LockoutKind = 'otp' | 'linkage' | 'activation' | 'staff'

/** Counted once, by the attempt that reaches the limit. */
export const lockouts = new Counter({
  name: 'shinkumi_lockouts_total',
  help: 'Locks reached, by kind (otp, linkage, activation, staff)',
  labelNames: ['kind'],
  registers,
})

export const linkageSteps = new Counter({
  name: 'shinkumi_linkage_steps_total',
  help: 'Linkage flows reaching each step (account … consent, done, aborted, refused): the funnel',
  labelNames: ['step'],
  registers,
})

/** `message`: the key of the seed's sentence the customer was shown (linkage/messages.ts). */
export const linkageRefusals = new Counter({
  name: 'shinkumi_linkage_refusals_total',
  help: 'Linkage pages refusing to go on, by the message shown',
  labelNames: ['message'],
  registers,
})

export const staffActions = new Counter({
  name: 'shinkumi_staff_actions_total',
  help: 'Audited staff reads and actions, by action',
  labelNames: ['action'],
  registers,
})

export const mailFailures = new Counter({ name: 'shinkumi_mail_failures_total', help: 'Mails that could not be sent', registers })

export const telephonyFailures = new Counter({
  name: 'shinkumi_telephony_failures_total',
  help: 'Telephony webhook calls refused or failed, by reason',
  labelNames: ['reason'],
  registers,
})

const pools = new Set<pg.Pool>()

/** A PostgreSQL pool whose connections /metrics reports until it ends. */
export function trackPool(pool: pg.Pool): void {
  pools.add(pool)
}

new Gauge({
  name: 'shinkumi_db_pool_connections',
  help: 'PostgreSQL pool connections: total, idle, and clients waiting for one',
  labelNames: ['state'],
  registers,
  collect() {
    let total = 0
    let idle = 0
    let waiting = 0
    for (const pool of pools) {
      if (pool.ended) {
        pools.delete(pool)
        continue
      }
      total += pool.totalCount
      idle += pool.idleCount
      waiting += pool.waitingCount
    }
    this.set({ state: 'total' }, total)
    this.set({ state: 'idle' }, idle)
    this.set({ state: 'waiting' }, waiting)
  },
})

const { version } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }

new Gauge({ name: 'shinkumi_build_info', help: 'The running build (always 1)', labelNames: ['version', 'node'], registers }).set({ version, node: process.versions.node }, 1)
