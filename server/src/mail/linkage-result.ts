// LNK-11: the mail that tells the customer a linkage was completed, to the address entered on 画面②.
import { institution } from '../linkage/institution.ts'
import type { OutgoingMail } from './mailer.ts'

export interface LinkageResult {
  to: string
  clientName: string
  /** e.g. 115 普通預金 ****026 — never the full account number in a mail. */
  accountLabel: string
  completedAt: Date
  expiresAt: Date
}

const jst = (d: Date) =>
  new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d)

export function linkageResultMail(result: LinkageResult): OutgoingMail {
  return {
    to: result.to,
    date: result.completedAt,
    subject: `【${institution.name}】API連携認証完了のお知らせ`,
    text: [
      `${institution.name}をご利用いただきましてありがとうございます。`,
      '',
      'API連携認証が完了しましたのでお知らせいたします。',
      '',
      `連携先　　：${result.clientName}`,
      `口座　　　：${result.accountLabel}`,
      `認証日時　：${jst(result.completedAt)}`,
      `認可期限　：${jst(result.expiresAt)}`,
      '',
      'お心当たりのない場合は、至急下記までご連絡下さい。',
      `${institution.name} ${institution.contactDepartment}　電話番号：${institution.contactPhone}（${institution.contactHours}）`,
      '',
      '※本メールは送信専用です。ご返信いただいてもお答えできません。',
    ].join('\n'),
  }
}
