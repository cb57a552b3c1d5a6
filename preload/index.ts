// The renderer's only door to the main process: one function per contract entry, nothing raw (no ipcRenderer,
// no Node). Built as one CommonJS bundle so the window keeps sandbox: true.
import { contextBridge, ipcRenderer } from 'electron'
import type { BridgeApi, Channel } from '@shinkumi/common/bridge.ts'

// invoke resolves to `any`; the main process parses both directions with the contract's schemas.
const call = (channel: Channel) => (input: unknown) => ipcRenderer.invoke(channel, input)

const api = {
  'app.status': call('app.status'),
  'app.about': call('app.about'),
  'tokens.list': call('tokens.list'),
  'tokens.provision': call('tokens.provision'),
  'tokens.setSuffix': call('tokens.setSuffix'),
  'otp.current': call('otp.current'),
  'links.open': call('links.open'),
  'diagnostics.report': call('diagnostics.report'),
  'tokens.delete': call('tokens.delete'),
  'lock.status': call('lock.status'),
  'lock.unlock': call('lock.unlock'),
  'lock.set': call('lock.set'),
  'lock.disable': call('lock.disable'),
  'lock.setAutoLock': call('lock.setAutoLock'),
  'lock.engage': call('lock.engage'),
  'lock.activity': call('lock.activity'),
  'vault.reset': call('vault.reset'),
  'expiry.check': call('expiry.check'),
  'expiry.postpone': call('expiry.postpone'),
  'expiry.renew': call('expiry.renew'),
  'expiry.removeExpired': call('expiry.removeExpired'),
  'correction.run': call('correction.run'),
  'transactions.overview': call('transactions.overview'),
  'transactions.list': call('transactions.list'),
  'transactions.decide': call('transactions.decide'),
  'staff.status': call('staff.status'),
  'staff.signIn': call('staff.signIn'),
  'staff.signOut': call('staff.signOut'),
  'staff.activity': call('staff.activity'),
  'staff.search': call('staff.search'),
  'staff.customer': call('staff.customer'),
  'staff.locks': call('staff.locks'),
  'staff.act': call('staff.act'),
  'staff.approvals': call('staff.approvals'),
  'staff.decide': call('staff.decide'),
  'staff.maintenance': call('staff.maintenance'),
  'staff.audit': call('staff.audit'),
  'staff.exportAudit': call('staff.exportAudit'),
} satisfies BridgeApi

contextBridge.exposeInMainWorld('api', api)
