import { afterAll, beforeAll, expect, it } from 'vitest'
import { SMTPServer } from 'smtp-server'
import type { AddressInfo } from 'node:net'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { loadLinkageDemo } from '../../server/src/linkage/demo.ts'
import type { ManualClock } from '../../server/src/clock.ts'
import { completeFlow, decodeMime } from './linkage-client.ts'

interface Received {
  to: string[]
  raw: string
}

describeOnEachDatabase('LNK-11 result mail over real SMTP', (target) => {
  let h: Harness
  let smtp: SMTPServer
  const inbox: Received[] = []

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') })
          callback()
        })
      },
    })
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
    const port = (smtp.server.address() as AddressInfo).port
    h = await startHarness(target, { manualClock: true, env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'ミレ信用組合 <api@mire.example>' } })
    ;(h.deps.clock as ManualClock).set(new Date('2026-11-18T05:00:00Z'))
    await loadLinkageDemo(h.deps.db, h.deps.clock.now())
  })
  afterAll(async () => {
    await h.close()
    await new Promise<void>((resolve) => smtp.close(() => resolve()))
  })

  it('LNK-11 a completed linkage sends the result mail to the address entered on 画面②', async () => {
    await completeFlow(h.url, h.deps.config.linkage.telephonySecret)
    await expect.poll(() => inbox.length, { timeout: 10_000 }).toBeGreaterThan(0)
    const mail = inbox.at(-1)!
    expect(mail.to).toEqual(['taro@example.jp'])
    const decoded = decodeMime(mail.raw)
    expect(decoded).toContain('API連携認証が完了しました')
    expect(decoded).toContain('しんくみ家計簿株式会社')
    expect(decoded).toContain('115 普通預金 ****026')
    expect(decoded).not.toContain('1100026')
  })
})
