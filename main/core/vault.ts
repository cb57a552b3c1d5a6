// The desktop vault (DESIGN.md §4): one versioned JSON document in the KeyValueStore holding the tokens' public
// fields, their secrets encrypted with a random data key, and the data key wrapped by the SecretProtector. The file
// never holds a plaintext secret. A document that cannot be read, parsed or unwrapped is never written over: the
// vault refuses to open (A998) and leaves the file as it was, for support to look at.
import { z } from 'zod'
import { fromBase64Url, toBase64Url } from '../../common/encoding.ts'
import { TotpAlgorithm } from '../../common/protocol.ts'
import type { KeyValueStore } from '../platform/key-value-store.ts'
import type { SecretProtector } from '../platform/secret-protector.ts'
import { KEY_BYTES, importAesKey, open, seal } from './aead.ts'
import { CodedError } from './coded-error.ts'
import { SerialQueue } from './serial-queue.ts'

const STORE_KEY = 'vault'
const base64Url = z.string().regex(/^[A-Za-z0-9_-]+$/)
const KEY_CHECK = { plaintext: 'shinkumi-otp vault data key', associatedData: 'key-check' }

/**
 * How the data key is wrapped, innermost layer first; opening peels them in reverse. Layers, not alternative
 * slots: the app lock of OTP-18 will add `{ kind: 'lock-code', salt, scrypt parameters }` *under* the protector
 * layer, so that opening needs both the OS key store and the code — a lock that could be bypassed by a second
 * slot would not be encryption.
 */
const KeyLayer = z.discriminatedUnion('kind', [z.object({ kind: z.literal('protector'), backend: z.string().min(1) })])

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
  dataKey: z.object({ wrapped: base64Url, layers: z.array(KeyLayer).min(1) }),
  /** A known plaintext sealed with the data key: a wrong key is found at open, not at the first OTP. */
  keyCheck: base64Url,
  tokens: z.array(StoredToken),
  /** App-wide choices; the app lock and auto-lock settings (OTP-17, OTP-18) will live here. */
  settings: z.object({}),
})
type VaultDocument = z.infer<typeof VaultDocument>
type OpenVault = { doc: VaultDocument; dataKey: CryptoKey }

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
  if (raw === undefined) return undefined
  const parsed = VaultDocument.safeParse(raw)
  if (!parsed.success) throw new VaultUnavailableError('unreadable', 'the vault document does not match its schema', { cause: parsed.error })
  return parsed.data
}

async function unwrapDataKey(doc: VaultDocument, protector: SecretProtector): Promise<CryptoKey> {
  let key = fromBase64Url(doc.dataKey.wrapped)
  for (const layer of [...doc.dataKey.layers].reverse()) {
    if (layer.backend !== protector.backend) {
      throw new VaultUnavailableError('backend-changed', `the vault key was wrapped by ${layer.backend}, this machine offers ${protector.backend}`)
    }
    key = await unwrapWith(protector, key)
  }
  const dataKey = await importAesKey(key).finally(() => key.fill(0))
  await open(dataKey, fromBase64Url(doc.keyCheck), KEY_CHECK.associatedData).catch((error: unknown) => {
    throw new VaultUnavailableError('key-unavailable', 'the unwrapped key does not open the vault', { cause: error })
  })
  return dataKey
}

async function unwrapWith(protector: SecretProtector, wrapped: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await protector.decrypt(wrapped))
  } catch (error) {
    throw new VaultUnavailableError('key-unavailable', `${protector.backend} cannot unwrap the vault key`, { cause: error })
  }
}

/** A new vault's document and key. Nothing is written until the first token is stored. */
async function createDocument(protector: SecretProtector): Promise<OpenVault> {
  if (!(await protector.isAvailable())) throw new Error(`the secret protector ${protector.backend} is not available`)
  const raw = globalThis.crypto.getRandomValues(new Uint8Array(KEY_BYTES))
  try {
    const wrapped = await protector.encrypt(raw)
    const dataKey = await importAesKey(raw)
    const keyCheck = await seal(dataKey, utf8.encode(KEY_CHECK.plaintext), KEY_CHECK.associatedData)
    const doc: VaultDocument = {
      schemaVersion: 1,
      dataKey: { wrapped: toBase64Url(wrapped), layers: [{ kind: 'protector', backend: protector.backend }] },
      keyCheck: toBase64Url(keyCheck),
      tokens: [],
      settings: {},
    }
    return { doc, dataKey }
  } finally {
    raw.fill(0)
  }
}

function withoutSecrets({ sealed: _sealed, ...record }: StoredToken): TokenRecord {
  return record
}

export class Vault {
  readonly #store: KeyValueStore
  readonly #protector: SecretProtector
  readonly #writes = new SerialQueue()
  /** Undefined until the first token is stored: a fresh install touches neither the disk nor the OS key store. */
  #state: OpenVault | undefined

  private constructor(store: KeyValueStore, protector: SecretProtector, state: OpenVault | undefined) {
    this.#store = store
    this.#protector = protector
    this.#state = state
  }

  /** Throws VaultUnavailableError (A998) when the document exists but cannot be read, parsed or unwrapped. */
  static async open(store: KeyValueStore, protector: SecretProtector): Promise<Vault> {
    const doc = readDocument(store)
    const state = doc && { doc, dataKey: await unwrapDataKey(doc, protector) }
    return new Vault(store, protector, state)
  }

  tokens(): TokenRecord[] {
    return (this.#state?.doc.tokens ?? []).map(withoutSecrets)
  }

  token(id: string): TokenRecord | undefined {
    return this.tokens().find((t) => t.id === id)
  }

  addToken(record: TokenRecord, secrets: TokenSecrets): Promise<TokenRecord> {
    return this.#writes.run(async () => {
      const { doc, dataKey } = this.#state ?? (await createDocument(this.#protector))
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

  #stateWith(id: string): OpenVault {
    const state = this.#state
    if (!state?.doc.tokens.some((t) => t.id === id)) throw new Error(`no token ${id} in the vault`)
    return state
  }

  /** Memory follows the file only after the atomic write succeeded. */
  #commit(state: OpenVault): void {
    this.#store.set(STORE_KEY, state.doc)
    this.#state = state
  }
}

async function sealSecrets(dataKey: CryptoKey, id: string, secrets: TokenSecrets): Promise<StoredToken['sealed']> {
  const seal1 = async (name: SecretName) => toBase64Url(await seal(dataKey, new Uint8Array(secrets[name]), `${id}/${name}`))
  return { totpSeed: await seal1('totpSeed'), devicePrivateKey: await seal1('devicePrivateKey') }
}
