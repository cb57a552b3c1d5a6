// An AppApi on real files in a temporary directory (conf store + key file), with a fixed clock, a recording
// opener and a recording logger — the browser host's composition with the host's side effects observable.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import type { BridgeApi } from '@shinkumi/common/bridge.ts'
import type { Clock } from '@shinkumi/common/time.ts'
import { createAppApi } from '../../../main/core/app-api.ts'
import { createConfStore } from '../../../main/platform/conf-store.ts'
import { KeyFileProtector } from '../../../main/platform/key-file-protector.ts'
import type { LogFields, Logger } from '../../../main/platform/logger.ts'

export interface LogLine {
  level: 'info' | 'error'
  message: string
  correlationId?: string
  fields?: LogFields
}

export interface TestApp {
  api: BridgeApi
  dir: string
  vaultFile: string
  keyFile: string
  logs: LogLine[]
  opened: string[]
  clock: Clock & { set: (ms: number) => void }
}

const tempDirs: string[] = []
// Registered while the importing test file is collected, so each file removes the directories it made.
afterAll(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

export function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-unit-'))
  tempDirs.push(dir)
  return dir
}

export interface TestAppOptions {
  serviceUrl: string
  dir?: string
  now?: number
  timeoutMs?: number
}

export function createTestApp({ serviceUrl, dir = tempDir(), now = Date.UTC(2026, 10, 21, 3, 0, 0), timeoutMs = 2_000 }: TestAppOptions): TestApp {
  let time = now
  const clock = { now: () => new Date(time), set: (ms: number) => void (time = ms) }
  const logs: LogLine[] = []
  const opened: string[] = []
  const logger: Logger = {
    info: (message, fields) => logs.push({ level: 'info', message, fields }),
    error: (message, correlationId, fields) => logs.push({ level: 'error', message, correlationId, fields }),
  }
  const api = createAppApi({
    store: createConfStore(dir),
    protector: new KeyFileProtector(path.join(dir, 'vault.key')),
    clock,
    opener: { openExternal: async (url) => void opened.push(url) },
    logger,
    serviceUrl,
    version: '0.1.0',
    channel: 'test',
    serviceTimeoutMs: timeoutMs,
  })
  return { api, dir, vaultFile: path.join(dir, 'vault.json'), keyFile: path.join(dir, 'vault.key'), logs, opened, clock }
}

export const validInput = (overrides: Record<string, unknown> = {}) => ({
  mode: 'setup' as const,
  serviceId: 'SHINKUMI1',
  userId: 'yamada.taro',
  activationPassword: 'Start1234',
  agreed: true,
  ...overrides,
})
