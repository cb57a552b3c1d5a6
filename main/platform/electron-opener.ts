// Opener in the Electron build. The core has already checked that the URL is https (OTP-02).
import { shell } from 'electron'
import type { Opener } from './opener.ts'

export const electronOpener: Opener = {
  openExternal: (url) => shell.openExternal(url),
}
