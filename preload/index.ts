// The renderer's only door to the main process: one function per contract entry, nothing raw (no ipcRenderer,
// no Node). Built as one CommonJS bundle so the window keeps sandbox: true. The entries come from the bridge table
// itself, so a new entry needs no line here.
import { contextBridge, ipcRenderer } from 'electron'
import { channels, type BridgeApi } from '@shinkumi/common/bridge.ts'

// invoke resolves to `any`; the main process parses both directions with the contract's schemas.
const api = Object.fromEntries(channels.map((channel) => [channel, (input: unknown) => ipcRenderer.invoke(channel, input)])) as BridgeApi

contextBridge.exposeInMainWorld('api', api)
