// Everything the service reads from its environment, validated once at start.
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { z } from 'zod'

/** The repository's ./data: the same place whether started from the root or from server/ (npm -w). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url))

const intFrom = (fallback: number) => z.coerce.number().int().positive().default(fallback)

const Env = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  DATABASE_URL: z.string().optional(),
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
  return {
    production,
    host: e.HOST,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    seedKey: e.SEED_KEY,
    manualClock: e.CLOCK === 'manual',
    logLevel: e.LOG_LEVEL,
    activationMaxFailures: e.ACTIVATION_MAX_FAILURES,
    clockSkewSeconds: e.CLOCK_SKEW_SECONDS,
    otpMaxFailures: e.OTP_MAX_FAILURES,
    otpWindowSteps: e.OTP_WINDOW_STEPS,
    tokenLifetimeDays: e.TOKEN_LIFETIME_DAYS,
  }
}
