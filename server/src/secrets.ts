// Secrets at rest (SPEC §5): TOTP seeds encrypted with AES-256-GCM, low-entropy secrets hashed with scrypt,
// high-entropy keys hashed with SHA-256 (a random 256-bit key needs no slow hash to resist guessing).
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'
import { BoundedQueue, defaultHashConcurrency, type QueueLimits } from './work-queue.ts'

const IV_BYTES = 12
const TAG_BYTES = 16

/**
 * Encrypts a TOTP seed as base64url(iv | ciphertext | tag). `context` (the token id) is bound as associated
 * data, so a ciphertext copied onto another token's row does not decrypt there.
 */
export function encryptSeed(key: Buffer, seed: Uint8Array, context: string): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(context, 'utf8'))
  const body = Buffer.concat([cipher.update(seed), cipher.final()])
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')
}

/** The inverse of encryptSeed; throws when the ciphertext, the key or the context does not match. */
export function decryptSeed(key: Buffer, stored: string, context: string): Buffer {
  const bytes = Buffer.from(stored, 'base64url')
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES))
  decipher.setAAD(Buffer.from(context, 'utf8'))
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()])
}

// N = 2^15, r = 8: about 32 MiB and tens of milliseconds per hash. Activation passwords are short-lived and lock
// after a few failures, so this resists offline guessing of a stolen table without slowing setup noticeably.
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 }
const SCRYPT_KEY_BYTES = 32
const SCRYPT_SALT_BYTES = 16

// Every scrypt call of the process goes through this one queue (SEC-03): what it protects — the CPU, libuv's
// thread pool and 32 MiB per hash — belongs to the process, not to one app instance. The service sets the limits
// from its configuration at start (HASH_CONCURRENCY, HASH_QUEUE_LIMIT); a full queue throws QueueFullError.
const scryptQueue = new BoundedQueue({ concurrency: defaultHashConcurrency(), maxWaiting: 16 })

export function limitHashing(limits: QueueLimits): void {
  scryptQueue.setLimits(limits)
}

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  // maxmem above Node's 32 MiB default, which N = 2^15, r = 8 just exceeds.
  const withMemory = { ...options, maxmem: 128 * (options.N ?? 0) * (options.r ?? 0) * 2 }
  return scryptQueue.run(
    () => new Promise((resolve, reject) => scrypt(password.normalize('NFKC'), salt, SCRYPT_KEY_BYTES, withMemory, (error, key) => (error ? reject(error) : resolve(key)))),
  )
}

/** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT_SALT_BYTES)
  const key = await scryptAsync(password, salt, SCRYPT)
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64url'), key.toString('base64url')].join('$')
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !hash) return false
  const expected = Buffer.from(hash, 'base64url')
  const actual = await scryptAsync(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

let dummyHash: Promise<string> | undefined

/** Does the work of a real check when there is no hash to check against, so timing does not tell the difference. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  // A hash refused by a full queue is not kept: the next caller makes it again.
  dummyHash ??= hashPassword(randomBytes(16).toString('hex')).catch((error: unknown) => {
    dummyHash = undefined
    throw error
  })
  await verifyPassword(password, await dummyHash)
  return false
}

/** SHA-256 hex of a high-entropy key (relying-party keys): the lookup value stored instead of the key. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex')
}

/** A random key of 256 bits, base64url, with a readable prefix that tells what it is for. */
export function newKey(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`
}
