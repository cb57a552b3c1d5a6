// Outgoing mail through nodemailer: SMTP when SMTP_URL is set; otherwise (development) a real nodemailer
// stream transport whose messages are written as .eml files to <DATA_DIR>/outbox, readable with any mail
// program or `cat`.
import fs from 'node:fs'
import path from 'node:path'
import nodemailer, { type Transporter } from 'nodemailer'
import { mailFailures } from '../metrics.ts'

export interface OutgoingMail {
  to: string
  subject: string
  text: string
  /** The Date header: the service clock's time, not the machine's. */
  date: Date
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>
  close(): void
  /** Where development mail goes; undefined with SMTP. */
  outboxDir?: string
}

export function createMailer(options: { smtpUrl?: string; from: string; dataDir: string }): Mailer {
  const mailer = transportMailer(options)
  const countFailure = (error: unknown) => {
    mailFailures.inc()
    throw error
  }
  return { ...mailer, send: (mail) => mailer.send(mail).catch(countFailure) }
}

function transportMailer(options: { smtpUrl?: string; from: string; dataDir: string }): Mailer {
  if (options.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(options.smtpUrl)
    return {
      send: async (mail) => void (await transport.sendMail({ from: options.from, ...mail })),
      close: () => transport.close(),
    }
  }
  const outboxDir = path.join(options.dataDir, 'outbox')
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return {
    outboxDir,
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...mail })
      fs.mkdirSync(outboxDir, { recursive: true, mode: 0o700 })
      const name = `${mail.date.toISOString().replace(/[:.]/g, '-')}-${crypto.randomUUID().slice(0, 8)}.eml`
      fs.writeFileSync(path.join(outboxDir, name), info.message as Buffer, { mode: 0o600 })
    },
    close: () => transport.close(),
  }
}
