// LNK-11: the mail that tells the customer a linkage was completed, to the address entered on 画面②, in the
// language of the pages the customer used (LNK-13).
import { institution } from '../linkage/institution.ts'
import type { Messages } from '../linkage/messages.ts'
import type { OutgoingMail } from './mailer.ts'

export interface LinkageResult {
  to: string
  clientName: string
  /** e.g. 115 普通預金 ****026 — never the full account number in a mail. */
  accountLabel: string
  completedAt: Date
  expiresAt: Date
}

export function linkageResultMail(t: Messages, result: LinkageResult): OutgoingMail {
  const m = t.mail
  const { name, department, hours } = t.institution
  const jst = (d: Date) =>
    new Intl.DateTimeFormat(m.dateLocale, { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d) + m.timeZone
  return {
    to: result.to,
    date: result.completedAt,
    subject: m.subject(name),
    text: [
      m.greeting(name),
      '',
      m.completed,
      '',
      `${m.client}${result.clientName}`,
      `${m.account}${result.accountLabel}`,
      `${m.completedAt}${jst(result.completedAt)}`,
      `${m.expiresAt}${jst(result.expiresAt)}`,
      '',
      m.notYou,
      m.contact(name, department, institution.contactPhone, hours),
      '',
      m.sendOnly,
    ].join('\n'),
  }
}
