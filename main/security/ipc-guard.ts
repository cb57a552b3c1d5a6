// The bridge's trust boundary in Electron, kept free of Electron imports so it is unit-tested: an IPC call is
// served only when it comes from our own window's main frame, showing our app:// page, and its input and output
// both match the contract's schemas. Anything else is refused without touching the core.
import { bridge, type BridgeApi, type Channel } from '../../common/bridge.ts'

export const APP_ORIGIN = 'app://shinkumi'

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
  if (!sender.isMainFrame) return false
  try {
    return new URL(sender.frameUrl).origin === APP_ORIGIN
  } catch {
    return false
  }
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
