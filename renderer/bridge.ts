// The renderer's only way out (DESIGN.md §2): the `window.api` object the host installs — the preload script
// in Electron, an injected script in the browser host. Every call is looked up on `window.api` when it is made,
// so component tests can install a fake per test.
import type { BridgeApi } from '@shinkumi/common/bridge.ts'

declare global {
  interface Window {
    api: BridgeApi
  }
}

export const api: BridgeApi = new Proxy({} as BridgeApi, {
  get: (_target, method: string) => window.api[method as keyof BridgeApi],
})
