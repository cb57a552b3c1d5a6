import { randomBytes, createHmac, createDecipheriv } from 'node:crypto'
import { encryptSeed, decryptSeed } from '../server/src/secrets.ts'
import { matchingSteps } from '../server/src/otp/verify.ts'
import { HOTP, Secret } from 'otpauth'
const N = 100000
function time(name: string, f: (i: number) => unknown) {
  for (let i = 0; i < 20000; i++) f(i)
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < N; i++) f(i)
  console.log(name.padEnd(30), (Number(process.hrtime.bigint() - t0) / N / 1000).toFixed(2), 'µs')
}
const key = randomBytes(32)
const tokens = Array.from({ length: 5000 }, (_, i) => ({ token_id: `t${i}`, seed_ciphertext: encryptSeed(key, randomBytes(20), `t${i}`), algorithm: 'SHA1', digits: 8 }))
time('decryptSeed', (i) => decryptSeed(key, tokens[i % 5000]!.seed_ciphertext, tokens[i % 5000]!.token_id))
time('matchingSteps (3)', (i) => matchingSteps(tokens[i % 5000] as never, key, '12345678', [100, 101, 102]))
const seed = randomBytes(20)
time('new Secret', () => new Secret({ buffer: Uint8Array.from(seed).buffer }))
const secret = new Secret({ buffer: Uint8Array.from(seed).buffer })
time('HOTP.generate', (i) => HOTP.generate({ secret, algorithm: 'SHA1', digits: 8, counter: i }))
time('createHmac+digest', (i) => {
  const b = Buffer.alloc(8)
  b.writeBigUInt64BE(BigInt(i))
  return createHmac('sha1', seed).update(b).digest()
})
