// AES-256-GCM for everything the app keeps secret at rest. Layout iv(12) | ciphertext | tag(16), the same the
// service uses for its seeds. Associated data binds a ciphertext to where it belongs (which token, which field),
// so swapping two encrypted fields in the file makes both fail instead of silently exchanging secrets.

const IV_BYTES = 12
export const KEY_BYTES = 32

const subtle = () => globalThis.crypto.subtle
const utf8 = new TextEncoder()

/** Non-extractable: once imported, the key cannot be read back out of the process's JavaScript. */
export function importAesKey(raw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  if (raw.length !== KEY_BYTES) throw new Error(`AES-256 key must be ${KEY_BYTES} bytes, got ${raw.length}`)
  return subtle().importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt'])
}

export async function seal(key: CryptoKey, plaintext: Uint8Array<ArrayBuffer>, associatedData: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const ciphertext = await subtle().encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(associatedData) }, key, plaintext)
  const out = new Uint8Array(IV_BYTES + ciphertext.byteLength)
  out.set(iv)
  out.set(new Uint8Array(ciphertext), IV_BYTES)
  return out
}

/** Throws (OperationError) when the key is wrong or the bytes or their associated data were changed. */
export async function open(key: CryptoKey, sealed: Uint8Array<ArrayBuffer>, associatedData: string): Promise<Uint8Array<ArrayBuffer>> {
  const iv = sealed.subarray(0, IV_BYTES)
  const ciphertext = sealed.subarray(IV_BYTES)
  const plaintext = await subtle().decrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(associatedData) }, key, ciphertext)
  return new Uint8Array(plaintext)
}
