// What every group of bridge entries shares (DESIGN.md §2): the injected parts, the one service client, the one
// vault, and the guard that turns failures into the seed's codes. main/core/app-api.ts builds one CoreContext and
// composes the entry groups of main/core/entries/*-entries.ts from it, so each area adds its entries in its own module.
import { randomUUID } from 'node:crypto'
import type { AppError, BridgeApi, Channel, Result } from '@shinkumi/common/bridge.ts'
import type { Clock } from '@shinkumi/common/time.ts'
import type { FileSaver } from '../../platform/file-saver.ts'
import type { KeyValueStore } from '../../platform/key-value-store.ts'
import type { Logger } from '../../platform/logger.ts'
import type { Opener } from '../../platform/opener.ts'
import type { SecretProtector } from '../../platform/secret-protector.ts'
import { CodedError } from '../coded-error.ts'
import { IdleLock } from '../lock.ts'
import { ServiceClient } from '../service-client.ts'
import { Vault, VaultLockedError } from '../vault.ts'

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
  /** Saves the staff audit CSV where the person chooses (Electron); without it the renderer offers a download. */
  fileSaver?: FileSaver
}

export interface CoreContext {
  deps: AppDeps
  client: ServiceClient
  /**
   * The app's vault, opened on first use and kept, and unlocked: throws VaultLockedError (LOCKED) while the app lock
   * holds it (the idle time is checked first), VaultUnavailableError (A998) when it cannot be opened.
   */
  vault: () => Promise<Vault>
  /** The same vault, locked or not: for start-up and the app lock's own entries only. */
  vaultAsIs: () => Promise<Vault>
  /** The customer's activity and the idle lock (OTP-18). */
  idle: IdleLock
  /** Runs an entry's task: its value, or its failure as the seed's code (unexpected ones A999 with a log line). */
  guard: <T>(channel: Channel, task: () => Promise<T>) => Promise<Result<T>>
}

/** The entries one module contributes; app-api.ts spreads them into the whole BridgeApi. */
export type Entries<K extends Channel> = Pick<BridgeApi, K>

/** Throws when `serviceUrl` breaks OTP-19: a build pointed at plain http elsewhere must not start. */
export function createCoreContext(deps: AppDeps): CoreContext {
  const vaultAsIs = vaultOpener(deps)
  const idle = new IdleLock(deps.clock)
  const vault = async () => {
    const opened = await vaultAsIs()
    await idle.enforce(opened)
    if (opened.locked) throw new VaultLockedError()
    return opened
  }
  return {
    deps,
    client: new ServiceClient({ serviceUrl: deps.serviceUrl, timeoutMs: deps.serviceTimeoutMs }),
    vault,
    vaultAsIs,
    idle,
    guard: entryGuard(deps.logger),
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

/** The one guard of every entry, the customer's and the staff's: CodedErrors as values, the rest A999 and a log line. */
function entryGuard(logger: Logger) {
  return async <T>(channel: Channel, task: () => Promise<T>): Promise<Result<T>> => {
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
