// The main process's side of the bridge (DESIGN.md §2): every entry of common/bridge.ts, built from injected parts
// so that Electron, the browser host and the tests run the same code. Expected failures come back as values with
// the seed's code; anything unexpected becomes A999 with a correlation id and a log line, never a raw exception.
import { randomUUID } from 'node:crypto'
import type { AppError, AppStatus, BridgeApi, Result, TokenView } from '../../common/bridge.ts'
import { SetSuffixInput, ValidSuffix } from '../../common/bridge.ts'
import type { Clock } from '../platform/clock.ts'
import type { KeyValueStore } from '../platform/key-value-store.ts'
import type { Logger } from '../platform/logger.ts'
import type { Opener } from '../platform/opener.ts'
import type { SecretProtector } from '../platform/secret-protector.ts'
import { CodedError } from './coded-error.ts'
import { toTokenView } from './naming.ts'
import { currentOtp } from './otp.ts'
import { provisionToken } from './provisioning.ts'
import { SerialQueue } from './serial-queue.ts'
import { ServiceClient } from './service-client.ts'
import { Vault } from './vault.ts'

export interface AppDeps {
  store: KeyValueStore
  protector: SecretProtector
  clock: Clock
  opener: Opener
  logger: Logger
  /** The one service URL (OTP-19); refused at construction unless https or loopback. */
  serviceUrl: string
  /** package.json version, shown in 「このアプリについて」 (OTP-16). */
  version: string
  /** Build channel (e.g. production, staging, development), shown to testers (OTP-16). */
  channel: string
  /** Time limit of one service exchange (A001 after it); 15 s unless set. */
  serviceTimeoutMs?: number
}

/** Throws when `serviceUrl` breaks OTP-19: a build pointed at plain http elsewhere must not start. */
export function createAppApi(deps: AppDeps): BridgeApi {
  const { clock, logger } = deps
  const client = new ServiceClient({ serviceUrl: deps.serviceUrl, timeoutMs: deps.serviceTimeoutMs })
  const openVault = vaultOpener(deps)
  const provisioning = new SerialQueue()
  const guard = resultGuard(logger)

  return {
    'app.status': () => guard('app.status', async (): Promise<AppStatus> => {
      const tokenCount = (await openVault()).tokens().length
      return { phase: tokenCount === 0 ? 'setup' : 'ready', tokenCount }
    }),
    'app.about': async () => ({ version: deps.version, serviceUrl: client.url, channel: deps.channel }),
    'tokens.list': () => guard('tokens.list', async () => (await openVault()).tokens().map(toTokenView)),
    'tokens.provision': (input) =>
      guard('tokens.provision', () =>
        provisioning.run(async (): Promise<TokenView> => toTokenView(await provisionToken({ vault: await openVault(), client, clock }, input))),
      ),
    'tokens.setSuffix': (input) => guard('tokens.setSuffix', async () => toTokenView(await setSuffix(await openVault(), input))),
    'otp.current': (tokenId) => guard('otp.current', async () => {
      const vault = await openVault()
      const token = knownToken(vault, tokenId)
      const seed = await vault.readSecret(token.id, 'totpSeed')
      try {
        return currentOtp(seed, token, clock.now())
      } finally {
        seed.fill(0)
      }
    }),
    'links.open': async (tokenId) => {
      await guard('links.open', async () => openLink(knownToken(await openVault(), tokenId).linkUrl, deps))
    },
    'diagnostics.report': async ({ kind, detail }) => report(logger, kind, detail),
  }
}

/** One Vault per app, opened on first use and kept; a failed open (A998) is retried on the next call. */
function vaultOpener({ store, protector, logger }: AppDeps): () => Promise<Vault> {
  let opening: Promise<Vault> | undefined
  return () => {
    opening ??= Vault.open(store, protector).then((vault) => {
      if (protector.weak) logger.info('vault key protected by a weak backend', { backend: protector.backend })
      return vault
    })
    opening.catch(() => (opening = undefined))
    return opening
  }
}

function resultGuard(logger: Logger) {
  return async <T>(channel: string, task: () => Promise<T>): Promise<Result<T>> => {
    try {
      return { ok: true, value: await task() }
    } catch (error) {
      return { ok: false, error: toAppError(logger, channel, error) }
    }
  }
}

function toAppError(logger: Logger, channel: string, error: unknown): AppError {
  if (error instanceof CodedError) {
    logger.info(`${channel} refused`, { code: error.code, reason: error.message, cause: error.cause })
    return { code: error.code }
  }
  const correlationId = randomUUID()
  logger.error(`${channel} failed unexpectedly`, correlationId, { error })
  return { code: 'A999', correlationId }
}

function knownToken(vault: Vault, tokenId: unknown) {
  const token = typeof tokenId === 'string' ? vault.token(tokenId) : undefined
  if (!token) throw new Error(`no token ${String(tokenId)} in the vault`)
  return token
}

async function setSuffix(vault: Vault, input: unknown) {
  const parsed = SetSuffixInput.safeParse(input)
  if (!parsed.success || !ValidSuffix.safeParse(parsed.data.suffix).success) throw new CodedError('A911', '追加文言 breaks the input rules')
  return vault.setSuffix(knownToken(vault, parsed.data.tokenId).id, parsed.data.suffix)
}

/** OTP-02: only https links go to the system browser; anything else (a service's typo, javascript:, file:) is dropped. */
async function openLink(linkUrl: string | null, { opener, logger }: AppDeps): Promise<void> {
  if (linkUrl !== null && URL.canParse(linkUrl) && new URL(linkUrl).protocol === 'https:') return opener.openExternal(linkUrl)
  logger.info('link not opened: not an https URL', { linkUrl })
}

/** OTP-26: what the renderer caught is logged; out of memory has its own code, the rest is A999 with the log's id. */
function report(logger: Logger, kind: 'crash' | 'oom' | 'error', detail: string): AppError {
  const correlationId = randomUUID()
  logger.error(`renderer reported ${kind}`, correlationId, { detail: String(detail).slice(0, 4000) })
  return kind === 'oom' ? { code: 'A9EX' } : { code: 'A999', correlationId }
}
