// SVC-05: the provider signs the raw body with a shared secret: `X-Signature: sha256=<hex HMAC-SHA256>`.
import { createHmac, timingSafeEqual } from 'node:crypto'

export function sign(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`
}

/** Constant-time over the signature's bytes; a header of the wrong shape never matches. */
export function signatureMatches(secret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (!header || !/^sha256=[0-9a-f]{64}$/.test(header)) return false
  return timingSafeEqual(Buffer.from(sign(secret, rawBody)), Buffer.from(header))
}
