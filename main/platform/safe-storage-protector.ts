// SecretProtector in the Electron build: Electron safeStorage (DPAPI on Windows, Keychain on macOS, libsecret or
// KWallet on Linux), through its asynchronous API — the synchronous one is deprecated in Electron 45 and blocks
// the main process while the OS key store answers. Must be used after app 'ready'; only main/electron.ts loads it.
//
// Linux without a keyring falls back to `basic_text`: the key is then obfuscated with a hard-coded password, not
// protected. We still run (a customer cannot install a keyring), but say so through `weak`, and the backend is
// recorded in the vault: a later start with a keyring reads `safeStorage:gnome_libsecret`, which the vault
// reports as a changed key store (A998) instead of failing to decrypt at random.
import { safeStorage } from 'electron'
import { fromBase64Url, toBase64Url } from '@shinkumi/common/encoding.ts'
import type { SecretProtector } from './secret-protector.ts'

const PLATFORM_BACKENDS: Partial<Record<NodeJS.Platform, string>> = { win32: 'dpapi', darwin: 'keychain' }

function selectedBackend(): string {
  if (process.platform !== 'linux') return PLATFORM_BACKENDS[process.platform] ?? process.platform
  const backend = safeStorage.getSelectedStorageBackend()
  if (backend === 'unknown') throw new Error('safeStorage asked for its backend before app ready')
  return backend
}

export const safeStorageProtector: SecretProtector = {
  get backend() {
    return `safeStorage:${selectedBackend()}`
  },
  get weak() {
    return selectedBackend() === 'basic_text'
  },
  isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
  /** safeStorage encrypts strings; bytes travel as base64url so that no byte sequence is mangled as UTF-8. */
  encrypt: async (plaintext) => new Uint8Array(await safeStorage.encryptStringAsync(toBase64Url(plaintext))),
  decrypt: async (sealed) => fromBase64Url((await safeStorage.decryptStringAsync(Buffer.from(sealed))).result),
}
