// The desktop vault (DESIGN.md §4): one versioned JSON document in the KeyValueStore holding the tokens' public
// fields, their secrets encrypted with a random data key, and the data key wrapped by the SecretProtector. The file
// never holds a plaintext secret. A document that cannot be read, parsed or unwrapped is never written over: the
// vault refuses to open (A998) and leaves the file as it was, for support to look at.
//
// With the app lock (OTP-17, OTP-18) the data key is also wrapped by a key derived from the code (lock-key.ts). Such
// a vault opens *locked*: the document is read and the OS key store's layer checked (A998 shows before the lock
// screen), but no data key exists in memory until unlock(code); lock() drops it again. Setting, changing or removing
// the code re-keys the vault: a new data key, every secret sealed again, so an old copy of the file does not open
// with the new code, nor a copy from before the lock without it.
import { z } from 'zod'
import { fromBase64Url, toBase64Url } from '@shinkumi/common/encoding.ts'
import { TotpAlgorithm } from '@shinkumi/common/protocol.ts'
import type { KeyValueStore } from '../platform/key-value-store.ts'
import type { SecretProtector } from '../platform/secret-protector.ts'
import { KEY_BYTES, importAesKey, open, seal } from './aead.ts'
import { CodedError } from './coded-error.ts'
import { LockCodeLayer, WrongLockCodeError, newLockCodeLayer, unwrapWithCode, wrapWithCode } from './lock-key.ts'
import { SerialQueue } from './serial-queue.ts'

const STORE_KEY = 'vault'
const base64Url = z.string().regex(/^[A-Za-z0-9_-]+$/)
const KEY_CHECK = { plaintext: 'shinkumi-otp vault data key', associatedData: 'key-check' }

const ProtectorLayer = z.object({ kind: z.literal('protector'), backend: z.string().min(1) })
type ProtectorLayer = z.infer<typeof ProtectorLayer>
/**
 * How the data key is wrapped, innermost layer first; opening peels them in reverse. Layers, not alternative
 * slots: the app lock's layer lies *under* the protector layer, so that opening needs both the OS key store and
 * the code — a lock that could be bypassed by a second slot would not be encryption.
 */
const KeyLayers = z.union([z.tuple([ProtectorLayer]), z.tuple([LockCodeLayer, ProtectorLayer])])

const TokenRecord = z.object({
  /** The service's token id, also the app's. */
  id: z.uuid(),
  serviceId: z.string(),
  serviceName: z.string(),
  userId: z.string(),
  serialNumber: z.string(),
  /** 1 for the first token of a service, 2 for `サービス名_2` … (OTP-04). */
  ordinal: z.number().int().min(1),
  suffix: z.string(),
  algorithm: TotpAlgorithm,
  digits: z.number().int(),
  period: z.number().int().positive(),
  expiresAt: z.string(),
  logoUrl: z.string().nullable(),
  linkUrl: z.string().nullable(),
  offersTransactions: z.boolean(),
  /** When 取引認証開始 finished for this token (OTP-25); absent until then, and always for services without 取引確認. */
  transactionsEnrolledAt: z.string().optional(),
  /** SPKI, base64url: what the service verifies this token's signed requests with. */
  devicePublicKey: base64Url,
  addedAt: z.string(),
})
export type TokenRecord = z.infer<typeof TokenRecord>

const SecretName = z.enum(['totpSeed', 'devicePrivateKey'])
export type SecretName = z.infer<typeof SecretName>
export type TokenSecrets = Record<SecretName, Uint8Array>

const StoredToken = TokenRecord.extend({
  /** AES-256-GCM under the data key, associated data `<token id>/<secret name>`. */
  sealed: z.record(SecretName, base64Url),
})
type StoredToken = z.infer<typeof StoredToken>

const VaultDocument = z.object({
  schemaVersion: z.literal(1),
  dataKey: z.object({ wrapped: base64Url, layers: KeyLayers }),
  /** A known plaintext sealed with the data key: a wrong key is found at open, not at the first OTP. */
  keyCheck: base64Url,
  tokens: z.array(StoredToken),
  /** Wrong app lock codes in a row and when the last was typed (ms): kept here so a restart does not reset the delay. */
  unlockFailures: z.object({ count: z.number().int().min(1), lastAt: z.number() }).optional(),
  /** App-wide choices. */
  settings: z.object({
    /** Idle minutes before the app locks itself (OTP-18); the default applies while unset. */
    autoLockMinutes: z.number().int().min(1).max(60).optional(),
  }),
})
type VaultDocument = z.infer<typeof VaultDocument>
export type VaultSettings = VaultDocument['settings']
export type UnlockFailures = NonNullable<VaultDocument['unlockFailures']>
/** dataKey null: the app lock is set and the vault is locked. */
type VaultState = { doc: VaultDocument; dataKey: CryptoKey | null }
type OpenVault = { doc: VaultDocument; dataKey: CryptoKey }

/** Thrown by every use of the secrets while the app lock holds the vault; the renderer shows アプリロックコード入力. */
export class VaultLockedError extends CodedError {
  constructor() {
    super('LOCKED', 'the vault is locked by the app lock')
    this.name = 'VaultLockedError'
  }
}

/** Why a vault cannot be opened. All are A998 for the customer; the reason goes to the log. */
export type VaultFailure = 'unreadable' | 'backend-changed' | 'key-unavailable'

export class VaultUnavailableError extends CodedError {
  readonly reason: VaultFailure

  constructor(reason: VaultFailure, message: string, options?: ErrorOptions) {
    super('A998', message, options)
    this.name = 'VaultUnavailableError'
    this.reason = reason
  }
}

const utf8 = new TextEncoder()

function readDocument(store: KeyValueStore): VaultDocument | undefined {
  let raw: unknown
  try {
    raw = store.get(STORE_KEY)
  } catch (error) {
    throw new VaultUnavailableError('unreadable', 'the vault file cannot be read or parsed', { cause: error })
  }
  // No file is a fresh install. A file without a vault (`{}`, what another program or version left) is not: taking
  // it for one would show 初期設定 and write over the file (OTP-26).
  if (raw === undefined && !store.exists()) return undefined
  const parsed = VaultDocument.safeParse(raw)
  if (!parsed.success) throw new VaultUnavailableError('unreadable', 'the vault document does not match its schema', { cause: parsed.error })
  return parsed.data
}

function lockLayerOf(doc: VaultDocument): LockCodeLayer | undefined {
  return doc.dataKey.layers.length === 2 ? doc.dataKey.layers[0] : undefined
}

/** The OS key store's layer: what a copied vault or a changed key store fails at (A998). */
async function peelProtector(doc: VaultDocument, protector: SecretProtector): Promise<Uint8Array<ArrayBuffer>> {
  const layer = doc.dataKey.layers.at(-1) as ProtectorLayer
  if (layer.backend !== protector.backend) {
    throw new VaultUnavailableError('backend-changed', `the vault key was wrapped by ${layer.backend}, this machine offers ${protector.backend}`)
  }
  try {
    return new Uint8Array(await protector.decrypt(fromBase64Url(doc.dataKey.wrapped)))
  } catch (error) {
    throw new VaultUnavailableError('key-unavailable', `${protector.backend} cannot unwrap the vault key`, { cause: error })
  }
}

/** Imports the raw data key (and wipes it) after the key check proves it is the vault's. */
async function importChecked(doc: VaultDocument, raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const dataKey = await importAesKey(raw).finally(() => raw.fill(0))
  await open(dataKey, fromBase64Url(doc.keyCheck), KEY_CHECK.associatedData).catch((error: unknown) => {
    throw new VaultUnavailableError('key-unavailable', 'the unwrapped key does not open the vault', { cause: error })
  })
  return dataKey
}

type WrappedKey = Pick<VaultDocument, 'dataKey' | 'keyCheck'>

/** A fresh random data key, wrapped by the lock code (when given) and then by the protector. */
async function newDataKey(protector: SecretProtector, lockCode: string | null): Promise<WrappedKey & { key: CryptoKey }> {
  if (!(await protector.isAvailable())) throw new Error(`the secret protector ${protector.backend} is not available`)
  const raw = globalThis.crypto.getRandomValues(new Uint8Array(KEY_BYTES))
  try {
    const lockLayer = lockCode === null ? undefined : newLockCodeLayer()
    const inner = lockLayer ? await wrapWithCode(lockLayer, lockCode as string, raw) : raw
    const wrapped = toBase64Url(await protector.encrypt(inner))
    const protectorLayer: ProtectorLayer = { kind: 'protector', backend: protector.backend }
    const layers: VaultDocument['dataKey']['layers'] = lockLayer ? [lockLayer, protectorLayer] : [protectorLayer]
    const key = await importAesKey(raw)
    const keyCheck = toBase64Url(await seal(key, utf8.encode(KEY_CHECK.plaintext), KEY_CHECK.associatedData))
    return { key, dataKey: { wrapped, layers }, keyCheck }
  } finally {
    raw.fill(0)
  }
}

/** A new vault's document and key. Nothing is written until the first token is stored. */
async function createDocument(protector: SecretProtector): Promise<OpenVault> {
  const { key, ...wrapped } = await newDataKey(protector, null)
  return { doc: { schemaVersion: 1, ...wrapped, tokens: [], settings: {} }, dataKey: key }
}

function withoutSecrets({ sealed: _sealed, ...record }: StoredToken): TokenRecord {
  return record
}

export class Vault {
  readonly #store: KeyValueStore
  readonly #protector: SecretProtector
  readonly #writes = new SerialQueue()
  /** Undefined until the first token is stored: a fresh install touches neither the disk nor the OS key store. */
  #state: VaultState | undefined

  private constructor(store: KeyValueStore, protector: SecretProtector, state: VaultState | undefined) {
    this.#store = store
    this.#protector = protector
    this.#state = state
  }

  /**
   * Throws VaultUnavailableError (A998) when the document exists but cannot be read, parsed or unwrapped. A vault
   * with the app lock opens locked, once its protector layer has been checked.
   */
  static async open(store: KeyValueStore, protector: SecretProtector): Promise<Vault> {
    const doc = readDocument(store)
    if (!doc) return new Vault(store, protector, undefined)
    const inner = await peelProtector(doc, protector)
    if (lockLayerOf(doc)) {
      inner.fill(0)
      return new Vault(store, protector, { doc, dataKey: null })
    }
    return new Vault(store, protector, { doc, dataKey: await importChecked(doc, inner) })
  }

  get lockEnabled(): boolean {
    return this.#state !== undefined && lockLayerOf(this.#state.doc) !== undefined
  }

  get locked(): boolean {
    return this.#state?.dataKey === null
  }

  get unlockFailures(): UnlockFailures | undefined {
    return this.#state?.doc.unlockFailures
  }

  get settings(): VaultSettings {
    return this.#state?.doc.settings ?? {}
  }

  /** Throws VaultLockedError while locked: not even the names leave a locked vault. */
  tokens(): TokenRecord[] {
    if (this.locked) throw new VaultLockedError()
    return (this.#state?.doc.tokens ?? []).map(withoutSecrets)
  }

  token(id: string): TokenRecord | undefined {
    return this.tokens().find((t) => t.id === id)
  }

  addToken(record: TokenRecord, secrets: TokenSecrets): Promise<TokenRecord> {
    return this.#writes.run(async () => {
      const { doc, dataKey } = this.#state ? this.#unlocked() : await createDocument(this.#protector)
      if (doc.tokens.some((t) => t.id === record.id)) throw new Error(`token ${record.id} is already in the vault`)
      const sealed = await sealSecrets(dataKey, record.id, secrets)
      this.#commit({ doc: { ...doc, tokens: [...doc.tokens, { ...record, sealed }] }, dataKey })
      return record
    })
  }

  setSuffix(id: string, suffix: string): Promise<TokenRecord> {
    return this.#writes.run(async () => {
      const state = this.#stateWith(id)
      const tokens = state.doc.tokens.map((t) => (t.id === id ? { ...t, suffix } : t))
      this.#commit({ ...state, doc: { ...state.doc, tokens } })
      return this.token(id) as TokenRecord
    })
  }

  /** Fields the service may change after provisioning: a renewed expiry (OTP-20), 取引認証開始 done (OTP-25). */
  updateToken(id: string, patch: Partial<Pick<TokenRecord, 'expiresAt' | 'transactionsEnrolledAt'>>): Promise<TokenRecord> {
    return this.#writes.run(async () => {
      const state = this.#stateWith(id)
      const tokens = state.doc.tokens.map((t) => (t.id === id ? { ...t, ...patch } : t))
      this.#commit({ ...state, doc: { ...state.doc, tokens } })
      return this.token(id) as TokenRecord
    })
  }

  /** Drops the token and its sealed secrets (OTP-14, OTP-21/22). */
  removeToken(id: string): Promise<void> {
    return this.#writes.run(async () => {
      const state = this.#stateWith(id)
      this.#commit({ ...state, doc: { ...state.doc, tokens: state.doc.tokens.filter((t) => t.id !== id) } })
    })
  }

  updateSettings(changes: Partial<VaultSettings>): Promise<void> {
    return this.#writes.run(async () => {
      const state = this.#unlocked()
      this.#commit({ ...state, doc: { ...state.doc, settings: { ...state.doc.settings, ...changes } } })
    })
  }

  /**
   * Sets, changes (a code) or removes (null) the app lock by re-keying the vault; the vault stays unlocked.
   * Needs a stored document: the lock is set from the settings menu, which exists only once a token does.
   */
  setLockCode(code: string | null): Promise<void> {
    return this.#writes.run(async () => {
      const { doc, dataKey: oldKey } = this.#unlocked()
      const { key, ...wrapped } = await newDataKey(this.#protector, code)
      const tokens = await Promise.all(doc.tokens.map((t) => resealSecrets(t, oldKey, key)))
      this.#commit({ doc: { ...doc, ...wrapped, tokens, unlockFailures: undefined }, dataKey: key })
    })
  }

  /**
   * Opens a locked vault with the app lock code. A wrong code is counted in the file (it survives restarts) and
   * thrown as WrongLockCodeError; the right one clears the count. Never erases anything.
   */
  unlock(code: string, now: number): Promise<void> {
    return this.#writes.run(async () => {
      const state = this.#state
      const layer = state && lockLayerOf(state.doc)
      if (!state || !layer || state.dataKey) return
      const inner = await peelProtector(state.doc, this.#protector)
      let raw: Uint8Array<ArrayBuffer>
      try {
        raw = await unwrapWithCode(layer, code, inner)
      } catch (error) {
        if (error instanceof WrongLockCodeError) this.#commit({ ...state, doc: { ...state.doc, unlockFailures: nextFailure(state.doc, now) } })
        throw error
      } finally {
        inner.fill(0)
      }
      const dataKey = await importChecked(state.doc, raw)
      if (state.doc.unlockFailures) this.#commit({ doc: { ...state.doc, unlockFailures: undefined }, dataKey })
      else this.#state = { ...state, dataKey }
    })
  }

  /** Drops the data key (after any write in progress); a vault without the app lock stays open. */
  lock(): Promise<void> {
    return this.#writes.run(async () => {
      if (this.#state && this.lockEnabled) this.#state = { ...this.#state, dataKey: null }
    })
  }

  /** The plaintext secret, for the main process only (OTP codes, request signatures); never crosses the bridge. */
  async readSecret(id: string, name: SecretName): Promise<Uint8Array<ArrayBuffer>> {
    const { doc, dataKey } = this.#stateWith(id)
    const stored = doc.tokens.find((t) => t.id === id) as StoredToken
    try {
      return await open(dataKey, fromBase64Url(stored.sealed[name]), `${id}/${name}`)
    } catch (error) {
      throw new VaultUnavailableError('unreadable', `secret ${name} of token ${id} does not decrypt`, { cause: error })
    }
  }

  #unlocked(): OpenVault {
    const state = this.#state
    if (!state) throw new Error('the vault holds no document yet')
    if (state.dataKey === null) throw new VaultLockedError()
    return state as OpenVault
  }

  #stateWith(id: string): OpenVault {
    const state = this.#unlocked()
    if (!state.doc.tokens.some((t) => t.id === id)) throw new Error(`no token ${id} in the vault`)
    return state
  }

  /** Memory follows the file only after the atomic write succeeded. */
  #commit(state: VaultState): void {
    this.#store.set(STORE_KEY, state.doc)
    this.#state = state
  }
}

function nextFailure(doc: VaultDocument, now: number): UnlockFailures {
  return { count: (doc.unlockFailures?.count ?? 0) + 1, lastAt: now }
}

async function resealSecrets(token: StoredToken, from: CryptoKey, to: CryptoKey): Promise<StoredToken> {
  const reseal = async (name: SecretName) => {
    const ad = `${token.id}/${name}`
    const plaintext = await open(from, fromBase64Url(token.sealed[name]), ad)
    try {
      return toBase64Url(await seal(to, plaintext, ad))
    } finally {
      plaintext.fill(0)
    }
  }
  return { ...token, sealed: { totpSeed: await reseal('totpSeed'), devicePrivateKey: await reseal('devicePrivateKey') } }
}

async function sealSecrets(dataKey: CryptoKey, id: string, secrets: TokenSecrets): Promise<StoredToken['sealed']> {
  const seal1 = async (name: SecretName) => toBase64Url(await seal(dataKey, new Uint8Array(secrets[name]), `${id}/${name}`))
  return { totpSeed: await seal1('totpSeed'), devicePrivateKey: await seal1('devicePrivateKey') }
}
