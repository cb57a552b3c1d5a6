// Client secrets are random 256-bit values (clients.ts makes them), so SHA-256 is enough to keep a stolen table
// useless and costs nothing per request (SEC-03: scrypt only for low-entropy secrets). Rows written before
// 0005 hold scrypt; they are checked with scrypt once and re-stored as SHA-256.
import { createHash, timingSafeEqual } from 'node:crypto'
import { verifyPassword } from '../secrets.ts'

const SHA256 = 'sha256$'

export function hashClientSecret(secret: string): string {
  return SHA256 + createHash('sha256').update(secret, 'utf8').digest('hex')
}

export type SecretCheck = 'right' | 'right-but-scrypt' | 'wrong'

export async function checkClientSecret(secret: string, stored: string): Promise<SecretCheck> {
  if (stored.startsWith(SHA256)) {
    const a = Buffer.from(hashClientSecret(secret))
    const b = Buffer.from(stored)
    return a.length === b.length && timingSafeEqual(a, b) ? 'right' : 'wrong'
  }
  if (stored.startsWith('scrypt$')) return (await verifyPassword(secret, stored)) ? 'right-but-scrypt' : 'wrong'
  return 'wrong'
}
