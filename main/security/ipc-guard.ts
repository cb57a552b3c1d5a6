// The bridge's trust boundary in Electron, kept free of Electron imports so it is unit-tested: an IPC call is
// served only when it comes from our own window's main frame, showing our app:// page, and its input and output
// both match the contract's schemas. Anything else is refused without touching the core.
import { bridge, type BridgeApi, type Channel } from '@shinkumi/common/bridge.ts'

export const APP_ORIGIN = 'app://shinkumi'

/** Whether a URL is a page of ours. WHATWG URL gives custom schemes the origin "null", so compare the parts. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'app:' && parsed.host === 'shinkumi'
  } catch {
    return false
  }
}

export interface IpcSender {
  /** webContents id of the sender. */
  webContentsId: number
  /** URL of the frame that sent the message. */
  frameUrl: string
  /** Whether that frame is the top-level frame of its webContents. */
  isMainFrame: boolean
}

export function isTrustedSender(sender: IpcSender, trustedWebContentsId: number | undefined): boolean {
  if (trustedWebContentsId === undefined || sender.webContentsId !== trustedWebContentsId) return false
  return sender.isMainFrame && isAppUrl(sender.frameUrl)
}

export class UntrustedSenderError extends Error {
  constructor() {
    super('IPC call from an untrusted sender was refused')
  }
}

/** One checked handler per contract entry. */
export function guardedHandler<K extends Channel>(
  api: BridgeApi,
  channel: K,
  trustedWebContentsId: () => number | undefined,
): (sender: IpcSender, rawInput: unknown) => Promise<unknown> {
  const { input, output } = bridge[channel]
  return async (sender, rawInput) => {
    if (!isTrustedSender(sender, trustedWebContentsId())) throw new UntrustedSenderError()
    const parsed = input.parse(rawInput) as Parameters<BridgeApi[K]>[0]
    const result = await (api[channel] as (i: typeof parsed) => Promise<unknown>)(parsed)
    return output.parse(result)
  }
}
