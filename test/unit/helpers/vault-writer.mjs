// A child process for the killed-write test (OTP-18): writes <dir>/vault.json again and again, the way the app's
// store does (Conf writes through `atomically`: a temp file beside it, fsync, rename), changing the auto-lock setting
// each time, until it is killed. Plain JavaScript on `atomically` alone, so that a hundred of them start quickly.
// Prints one line once the first write is on disk, so the parent kills during the loop, not during start-up.
import fs from 'node:fs'
import path from 'node:path'
import { writeFileSync } from 'atomically'

const file = path.join(process.argv[2], 'vault.json')
const store = JSON.parse(fs.readFileSync(file, 'utf8'))
for (let n = 0; ; n++) {
  store.vault.settings = { ...store.vault.settings, autoLockMinutes: (n % 60) + 1 }
  writeFileSync(file, JSON.stringify(store, null, '\t'), { mode: 0o600 })
  if (n === 0) process.stdout.write('writing\n')
}
