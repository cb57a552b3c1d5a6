// The key that encrypts TOTP seeds at rest: from configuration (SEED_KEY, base64) — required in production —
// or, for the embedded default only, a key file generated once under the data directory with mode 0600.
import fs from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Config } from './config.ts'

export function loadSeedKey(config: Config): Buffer {
  if (config.seedKey) return checked(Buffer.from(config.seedKey, 'base64'))
  const file = path.join(config.dataDir, 'seed.key')
  fs.mkdirSync(config.dataDir, { recursive: true, mode: 0o700 })
  try {
    // 'wx': never overwrite a key that exists — losing it would make every stored seed unreadable.
    fs.writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  return checked(Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'))
}

function checked(key: Buffer): Buffer {
  if (key.length !== 32) throw new Error('the seed key must be 32 bytes (base64)')
  return key
}
