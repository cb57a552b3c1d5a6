// Everything the service reads from its environment, validated once at start.
import { fileURLToPath } from 'node:url'
import os from 'node:os'
import path from 'node:path'
import { isIP } from 'node:net'
import { z } from 'zod'
import { HOUR_MS, MINUTE_MS } from '@shinkumi/common/time.ts'
import { defaultHashConcurrency } from './work-queue.ts'

/** The repository's ./data: the same place whether started from the root or from server/ (npm -w). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url))

const intFrom = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const Env = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DATABASE_URL: z.string().optional(),
  /** PostgreSQL schema to work in (default public); lets each test run use a schema of its own. */
  DATABASE_SCHEMA: z
    .string()
    .regex(/^([a-z_][a-z0-9_]{0,62})?$/)
    .optional(),
  DATA_DIR: z.string().default(DEFAULT_DATA_DIR),
  /** 32 bytes, base64: the key that encrypts TOTP seeds at rest. Required in production. */
  SEED_KEY: z.string().optional(),
  CLOCK: z.enum(['system', 'manual']).default('system'),
  ACTIVATION_MAX_FAILURES: intFrom(5),
  CLOCK_SKEW_SECONDS: intFrom(300),
  OTP_MAX_FAILURES: intFrom(10),
  OTP_WINDOW_STEPS: z.coerce.number().int().min(0).max(5).default(1),
  TOKEN_LIFETIME_DAYS: intFrom(730),
  LOG_LEVEL: z.string().default('info'),
  /** The address customers reach the service at: the OAuth issuer (RFC 8414); https there means Secure cookies and HSTS (SEC-05). */
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** SEC-05: the proxies whose X-Forwarded-For is believed, comma-separated addresses or CIDRs; none by default. */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const entries = (value ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean)
      const bad = entries.filter((entry) => !isAddressOrCidr(entry))
      if (bad.length) ctx.addIssue({ code: 'custom', message: `TRUST_PROXY: not an address or CIDR: ${bad.join(', ')}` })
      return entries
    }),
  /** SEC-08: when set, GET /metrics wants `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Processes serving requests (SCALE-02): a number, or `auto` for one per core. */
  WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default(1),
  // SEC-01: requests per window per source address and area (relying parties: per key); Redis shares the counts.
  RATE_LIMIT_WINDOW_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  RATE_LIMIT_LINKAGE: intFrom(120),
  RATE_LIMIT_OAUTH: intFrom(300),
  RATE_LIMIT_PROVISIONING: intFrom(30),
  RATE_LIMIT_STAFF_SIGN_IN: intFrom(20),
  RATE_LIMIT_TELEPHONY: intFrom(600),
  RATE_LIMIT_RELYING_PARTY: intFrom(6000),
  RATE_LIMIT_OTHER: intFrom(600),
  REDIS_URL: z
    .string()
    .regex(/^(rediss?:\/\/.+)?$/)
    .optional(),
  RATE_LIMIT_REDIS_PREFIX: z.string().min(1).max(64).default('shinkumi:rate-limit:'),
  // SEC-03: scrypt calls at once (default: the cores but one, shared by the WORKERS processes — work-queue.ts), and
  // how many may wait — a few rounds' worth — before the service answers 503.
  HASH_CONCURRENCY: z.coerce.number().int().positive().optional(),
  HASH_QUEUE_LIMIT: intFrom(16),
  // API linkage (LNK-04, LNK-06, LNK-08, SVC-05) and its result mail (LNK-11).
  LINKAGE_MAX_FAILURES: intFrom(5),
  // SEC-02: only flows past 画面① hold capacity, in all, per client and per source address; one nobody answers
  // ① for ends within 10 minutes.
  LINKAGE_MAX_FLOWS: intFrom(200),
  LINKAGE_MAX_FLOWS_PER_CLIENT: intFrom(100),
  LINKAGE_MAX_FLOWS_PER_ADDRESS: intFrom(10),
  LINKAGE_FLOW_TTL_SECONDS: intFrom(1800),
  LINKAGE_UNSUBMITTED_TTL_SECONDS: z.coerce.number().int().min(1).max(600).default(600),
  TELEPHONY_SECRET: z.string().min(16).optional(),
  TELEPHONY_NUMBERS: z.string().default('0120000111,0120000222,0120000333,0800000444'),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('ミレ信用組合 <no-reply@localhost>'),
  // Staff mode (STF-01): sessions end after idle minutes or absolute hours; sign-in locks after failures.
  STAFF_SESSION_IDLE_MINUTES: intFrom(15),
  STAFF_SESSION_MAX_HOURS: intFrom(8),
  STAFF_MAX_FAILURES: intFrom(5),
  STAFF_LOCK_MINUTES: intFrom(15),
})

export type Config = ReturnType<typeof loadConfig>
export type RateLimitConfig = Config['rateLimit']

export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const e = Env.parse(env)
  const production = e.NODE_ENV === 'production'
  if (production && e.CLOCK === 'manual') {
    throw new Error('CLOCK=manual is refused in production mode (SVC-08)')
  }
  if (production && !e.SEED_KEY) {
    throw new Error('SEED_KEY must be set in production mode: the generated key file is for the embedded default only')
  }
  if (production && !e.TELEPHONY_SECRET) throw new Error('TELEPHONY_SECRET must be set in production mode (SVC-05)')
  // Without it the linkage cookie would go out without Secure and no browser would be told to keep to https.
  if (production && !e.PUBLIC_URL?.startsWith('https://')) throw new Error('PUBLIC_URL must be an https URL in production mode (SEC-05)')
  const workers = e.WORKERS === 'auto' ? os.availableParallelism() : e.WORKERS
  return {
    production,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA || undefined,
    dataDir: path.resolve(e.DATA_DIR),
    seedKey: e.SEED_KEY,
    manualClock: e.CLOCK === 'manual',
    logLevel: e.LOG_LEVEL,
    publicUrl: (e.PUBLIC_URL ?? `http://127.0.0.1:${e.PORT}`).replace(/\/$/, ''),
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN,
    workers,
    rateLimit: {
      windowSeconds: e.RATE_LIMIT_WINDOW_SECONDS,
      perWindow: {
        linkage: e.RATE_LIMIT_LINKAGE,
        oauth: e.RATE_LIMIT_OAUTH,
        provisioning: e.RATE_LIMIT_PROVISIONING,
        staffSignIn: e.RATE_LIMIT_STAFF_SIGN_IN,
        telephony: e.RATE_LIMIT_TELEPHONY,
        relyingParty: e.RATE_LIMIT_RELYING_PARTY,
        other: e.RATE_LIMIT_OTHER,
      },
      redisUrl: e.REDIS_URL || undefined,
      redisPrefix: e.RATE_LIMIT_REDIS_PREFIX,
    },
    hashing: { concurrency: e.HASH_CONCURRENCY ?? defaultHashConcurrency(workers), maxWaiting: e.HASH_QUEUE_LIMIT },
    activationMaxFailures: e.ACTIVATION_MAX_FAILURES,
    clockSkewSeconds: e.CLOCK_SKEW_SECONDS,
    otpMaxFailures: e.OTP_MAX_FAILURES,
    otpWindowSteps: e.OTP_WINDOW_STEPS,
    tokenLifetimeDays: e.TOKEN_LIFETIME_DAYS,
    linkage: {
      maxFailures: e.LINKAGE_MAX_FAILURES,
      flowCaps: { total: e.LINKAGE_MAX_FLOWS, perClient: e.LINKAGE_MAX_FLOWS_PER_CLIENT, perAddress: e.LINKAGE_MAX_FLOWS_PER_ADDRESS },
      flowTtlSeconds: e.LINKAGE_FLOW_TTL_SECONDS,
      unsubmittedTtlSeconds: e.LINKAGE_UNSUBMITTED_TTL_SECONDS,
      // The development default is public on purpose: it only lets `npm run admin -- call` talk to a local service.
      telephonySecret: e.TELEPHONY_SECRET ?? 'development-telephony-secret',
      authNumbers: e.TELEPHONY_NUMBERS.split(',')
        .map((n) => n.trim())
        .filter(Boolean),
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    staff: {
      sessionIdleMs: e.STAFF_SESSION_IDLE_MINUTES * MINUTE_MS,
      sessionMaxMs: e.STAFF_SESSION_MAX_HOURS * HOUR_MS,
      maxFailures: e.STAFF_MAX_FAILURES,
      lockMs: e.STAFF_LOCK_MINUTES * MINUTE_MS,
    },
  }
}

/** An IPv4/IPv6 address, optionally with a prefix length (proxy-addr's own notation, which Fastify uses). */
function isAddressOrCidr(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/')
  const family = isIP(address)
  if (!family || rest.length) return false
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128))
}
