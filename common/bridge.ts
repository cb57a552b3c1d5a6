// The one contract between the renderer and the main process (DESIGN.md §2). Electron's IPC handlers, the
// preload object, the browser host's HTTP endpoints and the renderer's calls are all derived from this table;
// each side parses what crosses with these schemas. Secrets (TOTP seeds, private keys) never appear here.
import { z } from 'zod'
import { AppError, Result } from './result.ts'
import { staffBridge } from './staff-bridge.ts'
import { activationPasswordRule, autoLockMinutesRule, displaySuffixRule, serviceIdRule, userIdRule } from './rules.ts'
import { TransactionDetails, TransactionStatus } from './protocol.ts'

export { AppError, AppErrorCode, Result } from './result.ts'

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

/** After トークン削除 (OTP-14): none left leads to トークン削除完了 → 初期設定. */
export const DeletedToken = z.object({ remaining: z.number().int().min(0) })

/** The app lock (OTP-17, OTP-18). */
export const LockStatus = z.object({
  enabled: z.boolean(),
  locked: z.boolean(),
  /** Seconds the next アプリロックコード attempt must wait after wrong codes; 0 when it may be tried now. */
  retryAfterSeconds: z.number().int().min(0),
  /** Idle minutes before the app locks itself. */
  autoLockMinutes: autoLockMinutesRule,
})
export type LockStatus = z.infer<typeof LockStatus>
/** Raw codes: the main process applies lockCodeRule itself, so a bad code is refused, not a crash. */
const LockCodeInput = z.string().max(64)
export const UnlockOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('unlocked') }),
  /** Too soon after wrong codes: the code was not even tried. */
  z.object({ status: z.literal('wait'), retryAfterSeconds: z.number().int().positive() }),
])
export type UnlockOutcome = z.infer<typeof UnlockOutcome>
export const SetLockInput = z.object({ code: LockCodeInput, confirmation: LockCodeInput, autoLockMinutes: z.number().int() })

/** A chosen token's expiry, judged by this device's clock (OTP-20…22). 'renew' is not said again in this run once
 *  the customer chose 「後で通知」: the seed asks again at the next start. */
export const ExpiryCheck = z.object({ state: z.enum(['valid', 'renew', 'expired']) })
/** After 有効期限切れ removed a token: how many are left decides 初期設定 or トークン選択 (OTP-21, OTP-22). */
export const RemovedToken = z.object({ remaining: z.number().int().min(0) })

/** Whether the 取引確認 tab shows (OTP-05, OTP-25), and whether it still reads 「取引認証開始」 (seed 4.3, S3D3). */
export const TransactionsOverview = z.object({ offered: z.boolean(), enrolmentPending: z.boolean() })
export const PendingTransaction = z.object({
  id: z.uuid(),
  tokenId: TokenId,
  tokenName: z.string(),
  details: TransactionDetails,
  createdAt: z.string(),
  expiresAt: z.string(),
})
export const TransactionList = z.object({
  /** Display names of the tokens whose 取引認証開始 this call completed. */
  enrolled: z.array(z.string()),
  transactions: z.array(PendingTransaction),
})
export type TransactionList = z.infer<typeof TransactionList>
/** The details travel back so that the main process hashes exactly what the screen showed (OTP-25). */
export const DecisionInput = z.object({
  tokenId: TokenId,
  transactionId: z.uuid(),
  decision: z.enum(['approve', 'reject']),
  details: TransactionDetails,
})
export type DecisionInput = z.infer<typeof DecisionInput>

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
  /** トークン削除 (OTP-14): local only. */
  'tokens.delete': { input: TokenId, output: Result(DeletedToken) },
  'lock.status': { input: z.void(), output: Result(LockStatus) },
  /** アプリロックコード入力 [確定]: a wrong code is A914. */
  'lock.unlock': { input: z.object({ code: LockCodeInput }), output: Result(UnlockOutcome) },
  /** アプリロック設定 ON, or a new code (seed 3.5, 3.6). */
  'lock.set': { input: SetLockInput, output: Result(LockStatus) },
  /** アプリロック設定 OFF (seed 3.7). */
  'lock.disable': { input: z.void(), output: Result(LockStatus) },
  'lock.setAutoLock': { input: z.object({ autoLockMinutes: z.number().int() }), output: Result(LockStatus) },
  /** Locks now if a code is set: the OS locked the screen or is suspending (Electron's powerMonitor). */
  'lock.engage': { input: z.void(), output: z.void() },
  /** The renderer's heartbeat: whether the customer did something since the last one; the answer says if the app is locked. */
  'lock.activity': { input: z.object({ userActive: z.boolean() }), output: z.object({ locked: z.boolean() }) },
  /** From the A998 screen: moves a vault this machine cannot open aside (never deletes it), so 初期設定 can start. */
  'vault.reset': { input: z.void(), output: Result(z.object({ movedAside: z.string().nullable() })) },
  'expiry.check': { input: TokenId, output: Result(ExpiryCheck) },
  /** 「後で通知」. */
  'expiry.postpone': { input: TokenId, output: Result(z.null()) },
  /** 「今すぐ更新」: the token with its new expiry. */
  'expiry.renew': { input: TokenId, output: Result(TokenView) },
  /** 有効期限切れ [確認] / [削除]: refused unless the token really is expired by this device's clock. */
  'expiry.removeExpired': { input: TokenId, output: Result(RemovedToken) },
  /** パスワード補正 [実行] (OTP-24). */
  'correction.run': { input: TokenId, output: Result(z.null()) },
  'transactions.overview': { input: z.void(), output: Result(TransactionsOverview) },
  /** Completes 取引認証開始 where needed, then lists the pending transactions of every 取引確認 token. */
  'transactions.list': { input: z.void(), output: Result(TransactionList) },
  'transactions.decide': { input: DecisionInput, output: Result(z.object({ status: TransactionStatus })) },
  ...staffBridge,
} as const

export type Channel = keyof typeof bridge
export type In<K extends Channel> = z.input<(typeof bridge)[K]['input']>
export type Out<K extends Channel> = z.output<(typeof bridge)[K]['output']>
export type BridgeApi = { [K in Channel]: (input: In<K>) => Promise<Out<K>> }
export const channels = Object.keys(bridge) as Channel[]
