// SecretProtector for the browser host and the tests: a random AES-256 key in a file only its owner can read,
// next to the vault. It keeps the vault file useless on its own (a copied vault without this key file is A998),
// but it is weaker than an OS key store — whoever copies the whole directory has both — hence `weak`.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import { KEY_BYTES, importAesKey, open, seal } from '../core/aead.ts'
import { PRIVATE_FILE_MODE } from './conf-store.ts'
import type { SecretProtector } from './secret-protector.ts'

const PURPOSE = 'shinkumi-otp/key-file/v1'

function isErrno(error: unknown, code: string): boolean {
  return (error as { code?: unknown } | null)?.code === code
}

async function readKey(keyPath: string): Promise<CryptoKey> {
  return importAesKey(new Uint8Array(await fs.readFile(keyPath)))
}

/**
 * Writes the key to a fresh private temp file ('wx': never through an existing file or link), then publishes it
 * with link(), which fails if the key file exists: two processes starting at once agree on one key, and no
 * reader ever sees a half-written key.
 */
async function createKey(keyPath: string): Promise<CryptoKey> {
  await fs.mkdir(path.dirname(keyPath), { recursive: true, mode: 0o700 })
  const temp = `${keyPath}.${randomBytes(6).toString('hex')}.tmp`
  const file = await fs.open(temp, 'wx', PRIVATE_FILE_MODE)
  try {
    await file.writeFile(randomBytes(KEY_BYTES))
    await file.sync()
  } finally {
    await file.close()
  }
  try {
    await fs.link(temp, keyPath)
  } catch (error) {
    if (!isErrno(error, 'EEXIST')) throw error
  } finally {
    await fs.unlink(temp)
  }
  return readKey(keyPath)
}

export class KeyFileProtector implements SecretProtector {
  readonly backend = 'key-file'
  readonly weak = true
  readonly #keyPath: string
  #key: Promise<CryptoKey> | undefined

  constructor(keyPath: string) {
    this.#keyPath = keyPath
  }

  async isAvailable(): Promise<boolean> {
    return true
  }

  async encrypt(plaintext: Uint8Array): Promise<Uint8Array> {
    return seal(await this.#loadKey(true), new Uint8Array(plaintext), PURPOSE)
  }

  /** Never creates a key: a vault whose key file is gone must fail to open, not meet a new, different key. */
  async decrypt(sealed: Uint8Array): Promise<Uint8Array> {
    return open(await this.#loadKey(false), new Uint8Array(sealed), PURPOSE)
  }

  /** Loaded once; a failed load is forgotten so that a later call tries the file again. */
  #loadKey(createIfMissing: boolean): Promise<CryptoKey> {
    if (this.#key) return this.#key
    const loading = readKey(this.#keyPath).catch((error: unknown) => {
      if (createIfMissing && isErrno(error, 'ENOENT')) return createKey(this.#keyPath)
      throw error
    })
    this.#key = loading
    loading.catch(() => {
      if (this.#key === loading) this.#key = undefined
    })
    return loading
  }
}
