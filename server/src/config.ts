// Everything the service reads from its environment, validated once at start.
import { fileURLToPath } from 'node:url'
import os from 'node:os'
import path from 'node:path'
import { isIP } from 'node:net'
import { z } from 'zod'

/** The repository's ./data: the same place whether started from the root or from server/ (npm -w). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url))

const intFrom = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const Env = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DATABASE_URL: z.string().optional(),
  /** PostgreSQL schema to work in (default public); lets each test run use a schema of its own. */
  DATABASE_SCHEMA: z.string().regex(/^([a-z_][a-z0-9_]{0,62})?$/).optional(),
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
  TRUST_PROXY: z.string().optional().transform((value, ctx) => {
    const entries = (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean)
    const bad = entries.filter((entry) => !isAddressOrCidr(entry))
    if (bad.length) ctx.addIssue({ code: 'custom', message: `TRUST_PROXY: not an address or CIDR: ${bad.join(', ')}` })
    return entries
  }),
  /** SEC-08: when set, GET /metrics wants `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Processes serving requests (SCALE-02): a number, or `auto` for one per core. */
  WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default(1),
  // API linkage (LNK-04, LNK-06, LNK-08, SVC-05) and its result mail (LNK-11).
  LINKAGE_MAX_FAILURES: intFrom(5),
  LINKAGE_MAX_FLOWS: intFrom(200),
  LINKAGE_FLOW_TTL_SECONDS: intFrom(1800),
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
    workers: e.WORKERS === 'auto' ? os.availableParallelism() : e.WORKERS,
    activationMaxFailures: e.ACTIVATION_MAX_FAILURES,
    clockSkewSeconds: e.CLOCK_SKEW_SECONDS,
    otpMaxFailures: e.OTP_MAX_FAILURES,
    otpWindowSteps: e.OTP_WINDOW_STEPS,
    tokenLifetimeDays: e.TOKEN_LIFETIME_DAYS,
    linkage: {
      maxFailures: e.LINKAGE_MAX_FAILURES,
      maxFlows: e.LINKAGE_MAX_FLOWS,
      flowTtlSeconds: e.LINKAGE_FLOW_TTL_SECONDS,
      // The development default is public on purpose: it only lets `npm run admin -- call` talk to a local service.
      telephonySecret: e.TELEPHONY_SECRET ?? 'development-telephony-secret',
      authNumbers: e.TELEPHONY_NUMBERS.split(',').map((n) => n.trim()).filter(Boolean),
    },
    mail: { smtpUrl: e.SMTP_URL, from: e.MAIL_FROM },
    staff: {
      sessionIdleMs: e.STAFF_SESSION_IDLE_MINUTES * 60_000,
      sessionMaxMs: e.STAFF_SESSION_MAX_HOURS * 3_600_000,
      maxFailures: e.STAFF_MAX_FAILURES,
      lockMs: e.STAFF_LOCK_MINUTES * 60_000,
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
