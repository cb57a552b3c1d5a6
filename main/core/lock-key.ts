// The app lock's layer of the vault key (OTP-18): a key derived from the アプリロックコード with scrypt wraps the data
// key *under* the OS key store's layer, so opening the vault needs both the key store and the code. A wrong code
// fails AES-GCM's authentication, which is how a wrong code is told from a vault this machine cannot open (A998).
import { randomBytes, scrypt } from 'node:crypto'
import { z } from 'zod'
import { fromBase64Url, toBase64Url } from '@shinkumi/common/encoding.ts'
import { KEY_BYTES, importAesKey, open, seal } from './aead.ts'

/**
 * ≈250 ms per derivation on the project's 2-core machines (measured 2026-11-21 with Node 22: N=2^15, r=8 took
 * 240–260 ms; N=2^16 took 510–650 ms). 32 MiB of memory per attempt keeps GPU guessing expensive too.
 */
export const LOCK_SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const
const SALT_BYTES = 16
const PURPOSE = 'shinkumi-otp/lock-code/v1'

const isPowerOfTwo = (n: number) => Number.isInteger(Math.log2(n))

/** Bounds keep an edited file from making the app spend minutes or gigabytes on one attempt. */
export const LockCodeLayer = z.object({
  kind: z.literal('lock-code'),
  salt: z.string().regex(/^[A-Za-z0-9_-]{22}$/),
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .max(2 ** 20)
    .refine(isPowerOfTwo),
  r: z.number().int().min(8).max(32),
  p: z.number().int().min(1).max(4),
})
export type LockCodeLayer = z.infer<typeof LockCodeLayer>

export class WrongLockCodeError extends Error {
  constructor(options?: ErrorOptions) {
    super('the app lock code does not unwrap the vault key', options)
    this.name = 'WrongLockCodeError'
  }
}

export function newLockCodeLayer(): LockCodeLayer {
  return { kind: 'lock-code', salt: toBase64Url(randomBytes(SALT_BYTES)), ...LOCK_SCRYPT }
}

function deriveKey({ salt, N, r, p }: LockCodeLayer, code: string): Promise<CryptoKey> {
  return new Promise((resolve, reject) => {
    scrypt(code, fromBase64Url(salt), KEY_BYTES, { N, r, p, maxmem: 256 * N * r * p }, (error, derived) => {
      if (error) return reject(error)
      const raw = new Uint8Array(derived)
      importAesKey(raw)
        .then(resolve, reject)
        .finally(() => raw.fill(0))
    })
  })
}

export async function wrapWithCode(layer: LockCodeLayer, code: string, bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  return seal(await deriveKey(layer, code), bytes, PURPOSE)
}

/** Throws WrongLockCodeError when the code is not the one the layer was made with. */
export async function unwrapWithCode(layer: LockCodeLayer, code: string, wrapped: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const key = await deriveKey(layer, code)
  try {
    return await open(key, wrapped, PURPOSE)
  } catch (error) {
    throw new WrongLockCodeError({ cause: error })
  }
}
