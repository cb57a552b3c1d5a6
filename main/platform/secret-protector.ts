// What protects the vault's data key at rest: the OS key store (Electron safeStorage) in the app, a private key
// file in the browser host and the tests. The vault records `backend` next to the key it wrapped and refuses to
// open with another one, so a changed key store is reported (A998) rather than misread.

export interface SecretProtector {
  /** Names the key store, e.g. `safeStorage:gnome_libsecret` or `key-file`. Stable across runs on one machine. */
  readonly backend: string
  /** True where the protection is known to be weak (Linux without a keyring stores the key in plain text). */
  readonly weak: boolean
  isAvailable(): Promise<boolean>
  encrypt(plaintext: Uint8Array): Promise<Uint8Array>
  /** Throws when `sealed` was not produced by this machine's key store (copied vault, replaced key). */
  decrypt(sealed: Uint8Array): Promise<Uint8Array>
}
