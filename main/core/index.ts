// The core put together for the browser host (main/web.ts, SPEC SVC-02): the vault in `<dataDir>/vault.json`
// (conf), its data key wrapped by the key file `<dataDir>/vault.key`, the system clock, links logged instead of
// opened. The Electron build composes the same createAppApi with electron-store and safeStorage instead.
//
//   createCore(options: CoreOptions): Promise<BridgeApi>
//     dataDir           directory of the vault and its key file (created 0700 if missing)
//     serviceUrl        the service (OTP-19: https, or http on loopback); a refused URL rejects the promise
//     version, channel  shown in 「このアプリについて」 (OTP-16)
//     logger            JSON lines on stderr unless given
//     serviceTimeoutMs  per service exchange, 15 s unless given
//     clock             the system clock unless given (the browser host's test-only --clock-offset-days)
import fs from 'node:fs/promises'
import path from 'node:path'
import type { BridgeApi } from '@shinkumi/common/bridge.ts'
import { systemClock, type Clock } from '@shinkumi/common/time.ts'
import { createConfStore } from '../platform/conf-store.ts'
import { KeyFileProtector } from '../platform/key-file-protector.ts'
import { createJsonLogger, type Logger } from '../platform/logger.ts'
import { createLogOpener } from '../platform/opener.ts'
import { createAppApi } from './app-api.ts'

export { createAppApi, type AppDeps } from './app-api.ts'

export interface CoreOptions {
  dataDir: string
  serviceUrl: string
  version: string
  channel: string
  logger?: Logger
  serviceTimeoutMs?: number
  clock?: Clock
}

export async function createCore(options: CoreOptions): Promise<BridgeApi> {
  const { dataDir, serviceUrl, version, channel, logger = createJsonLogger(), serviceTimeoutMs, clock = systemClock } = options
  await fs.mkdir(dataDir, { recursive: true, mode: 0o700 })
  return createAppApi({
    store: createConfStore(dataDir),
    protector: new KeyFileProtector(path.join(dataDir, 'vault.key')),
    clock,
    opener: createLogOpener(logger),
    logger,
    serviceUrl,
    version,
    channel,
    serviceTimeoutMs,
  })
}
