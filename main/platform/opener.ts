// Opening a service's link in the system browser (OTP-02). Electron uses shell.openExternal
// (electron-opener.ts); the browser host has no system browser of its own to hand over to, so it logs the URL.
import type { Logger } from './logger.ts'

export interface Opener {
  openExternal(url: string): Promise<void>
}

export function createLogOpener(logger: Logger): Opener {
  return {
    openExternal: async (url) => logger.info('open external link', { url }),
  }
}
