import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase, migrateToLatest } from '../server/src/db/index.ts'
import { sql } from 'kysely'
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'w-'))
const o = openDatabase({ dataDir: dir, databaseUrl: process.env.U })
console.log('opened')
await migrateToLatest(o)
console.log('migrated')
await o.db.destroy()
console.log('destroyed')
setTimeout(() => {
  console.log((process as any)._getActiveHandles().map((h: any) => h.constructor.name))
  process.exit(3)
}, 3000).unref()
