// The one contract between the renderer and the main process (DESIGN.md §2). Electron's IPC handlers, the
// preload object, the browser host's HTTP endpoints and the renderer's calls are all derived from this table;
// each side parses what crosses with these schemas. Secrets (TOTP seeds, private keys) never appear here.
import { z } from 'zod'
import { errorCodes } from './errors.ts'
import { activationPasswordRule, displaySuffixRule, serviceIdRule, userIdRule } from './rules.ts'

export const AppError = z.object({
  code: z.enum(errorCodes),
  /** Set for A999: the id of the log line that holds the details. */
  correlationId: z.string().optional(),
})
export type AppError = z.infer<typeof AppError>

/** Expected failures travel as values, so the renderer can show the seed's error screen for each. */
export function Result<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), z.object({ ok: z.literal(false), error: AppError })])
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const TokenId = z.uuid()

export const TokenView = z.object({
  id: TokenId,
  serviceId: z.string(),
  serviceName: z.string(),
  userId: z.string(),
  /** サービス名, サービス名_2, _3 … in order of addition (OTP-04). */
  baseName: z.string(),
  /** 追加文言, at most 8 characters; empty shows nothing after the name. */
  suffix: z.string(),
  /** baseName + suffix: what the screens show. */
  displayName: z.string(),
  serialNumber: z.string(),
  /** ISO date-time of the token's expiry. */
  expiresAt: z.string(),
  logoUrl: z.string().nullable(),
  linkUrl: z.string().nullable(),
  offersTransactions: z.boolean(),
})
export type TokenView = z.infer<typeof TokenView>

export const OtpView = z.object({
  code: z.string(),
  /** Seconds until the code changes. */
  secondsLeft: z.number().int(),
  period: z.number().int(),
})
export type OtpView = z.infer<typeof OtpView>

/** Raw form values: the main process applies the input rules itself (OTP-11), so bad input is A911, not a crash. */
export const ProvisionInput = z.object({
  mode: z.enum(['setup', 'add']),
  serviceId: z.string().max(256),
  userId: z.string().max(256),
  activationPassword: z.string().max(256),
  agreed: z.boolean(),
})
export type ProvisionInput = z.infer<typeof ProvisionInput>
/** The same fields once they pass the rules. */
export const ValidProvisionInput = ProvisionInput.extend({
  serviceId: serviceIdRule,
  userId: userIdRule,
  activationPassword: activationPasswordRule,
  agreed: z.literal(true),
})

export const SetSuffixInput = z.object({ tokenId: TokenId, suffix: z.string().max(64) })
export const ValidSuffix = displaySuffixRule

export const AppStatus = z.object({
  /** What start-up shows first (OTP-05): the app-lock prompt, 初期設定, or the token screens. */
  phase: z.enum(['locked', 'setup', 'ready']),
  tokenCount: z.number().int(),
})
export type AppStatus = z.infer<typeof AppStatus>

export const AboutView = z.object({ version: z.string(), serviceUrl: z.string(), channel: z.string() })

export const bridge = {
  'app.status': { input: z.void(), output: Result(AppStatus) },
  'app.about': { input: z.void(), output: AboutView },
  'tokens.list': { input: z.void(), output: Result(z.array(TokenView)) },
  'tokens.provision': { input: ProvisionInput, output: Result(TokenView) },
  'tokens.setSuffix': { input: SetSuffixInput, output: Result(TokenView) },
  'otp.current': { input: TokenId, output: Result(OtpView) },
  /** Opens a token's https link in the system browser (OTP-02); anything else is ignored. */
  'links.open': { input: TokenId, output: z.void() },
  /** The renderer reports a crash or out-of-memory it caught (OTP-26); the answer is what to show. */
  'diagnostics.report': { input: z.object({ kind: z.enum(['crash', 'oom', 'error']), detail: z.string().max(4000) }), output: AppError },
} as const

export type Channel = keyof typeof bridge
export type In<K extends Channel> = z.input<(typeof bridge)[K]['input']>
export type Out<K extends Channel> = z.output<(typeof bridge)[K]['output']>
export type BridgeApi = { [K in Channel]: (input: In<K>) => Promise<Out<K>> }
export const channels = Object.keys(bridge) as Channel[]
