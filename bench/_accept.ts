import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { HOTP, Secret } from 'otpauth'
import { loadConfig } from '../server/src/config.ts'
import { openDeps } from '../server/src/deps.ts'
import { saveRelyingParty } from '../server/src/relying-parties.ts'
import { loadScaleData, armTokens, userIdOf, seedOf, SCALE_SERVICE } from './scale-data.ts'
import { GENEROUS_LIMITS } from '../test/server/generous-limits.ts'
import { startChild, throughput } from './load.ts'
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'acc-'))
const env: Record<string, string> = {
  DATA_DIR: dataDir,
  DATABASE_URL: '',
  SEED_KEY: randomBytes(32).toString('base64'),
  LOG_LEVEL: 'silent',
  HOST: '127.0.0.1',
  PORT: '0',
  ...GENEROUS_LIMITS,
}
const deps = await openDeps(loadConfig(env))
const now = Date.now()
await loadScaleData(deps, { count: 100000, now })
await armTokens(deps, 100000)
const rpKey = (await saveRelyingParty(deps.db, new Date(now), { name: 'bench', serviceIds: [SCALE_SERVICE] })).key
await deps.db.destroy()
const codes = new Map<number, string>()
let next = 1
const step = Math.floor(Date.now() / 60000)
const request = () => {
  let u = next++
  if (u % 100 === 0) u = next++
  return JSON.stringify({
    serviceId: SCALE_SERVICE,
    userId: userIdOf(u),
    otp: HOTP.generate({ secret: new Secret({ buffer: Uint8Array.from(seedOf(u)).buffer }), digits: 8, counter: step }),
  })
}
// precompute bodies so the client is cheap
const bodies = Array.from({ length: 95000 }, request)
let b = 0
const svc = await startChild(path.join(import.meta.dirname, 'service-process.ts'), {
  ...env,
  ...(process.env.PROF ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.PROF}` } : {}),
})
const headers = { 'content-type': 'application/json', authorization: `Bearer ${rpKey}` }
const reqs = [{ method: 'POST' as const, path: '/v1/otp/verify', headers, setupRequest: (r: object) => ({ ...r, body: bodies[b++ % bodies.length] }) }]
await throughput(`${svc.url}/__bench__/noop`, { seconds: 1, connections: Number(process.env.CONN ?? 10) })
await throughput(svc.url, { seconds: 1, connections: Number(process.env.CONN ?? 10), requests: reqs as never })
const ratios: number[] = []
for (let i = 0; i < 6; i++) {
  let noopRps = 0
  for (const [name, url, r] of [
    ['noop', `${svc.url}/__bench__/noop`, undefined],
    ['accept', svc.url, reqs],
  ] as const) {
    const c0 = svc.cpu()!
    const t = await throughput(url, { seconds: 2, connections: Number(process.env.CONN ?? 10), requests: r as never })
    const c1 = svc.cpu()!
    if (name === 'noop') noopRps = t.rps
    else ratios.push(t.rps / noopRps)
    console.log(
      name,
      t.rps,
      'errors',
      t.errors ?? 0,
      'cpu µs/req user',
      (((c1.user - c0.user) * 1000) / t.requests).toFixed(0),
      'sys',
      (((c1.system - c0.system) * 1000) / t.requests).toFixed(0),
    )
  }
}
console.log('accepted so far', b, 'ratios', ratios.map((r) => r.toFixed(3)).join(' '), 'median', ratios.sort()[3]!.toFixed(3))
await svc.stop()
fs.rmSync(dataDir, { recursive: true })
