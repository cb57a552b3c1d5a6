// 画面① SOA201 ご利用口座情報入力 (LNK-02).
import { html, type Html } from '../html.ts'
import { ACCOUNT_TYPE_LABELS } from '../../accounts/bank.ts'
import { page } from './layout.ts'
import { abortButton, alertBox, csrfField, field, noticeList, selectOptions, type FieldState } from './parts.ts'

export interface AccountForm {
  branch?: string
  type?: string
  accountNumber?: string
}

const TYPES = Object.entries(ACCOUNT_TYPE_LABELS).map(([value, label]) => ({ value, label }))

export function accountPage(options: { clientName: string; csrf: string; values?: AccountForm; state?: FieldState; message?: string }): Html {
  const v = options.values ?? {}
  const body = html`
${alertBox(options.message)}
${noticeList('免責事項', [
  `本機能はお客様の金融情報を${options.clientName}に提供するものです。当信用組合のAPI利用規定 (画面下部のリンクからご確認ください) に同意し、必ずお客様自身の責任において行って頂きますようお願いいたします。`,
])}
${noticeList('注意事項', [
  '当信用組合を装ったメールやSMSにご注意ください。当信用組合では、メール等で暗証番号等の入力をいただくようなことは絶対にありません。そのような不審なメール等への返信やリンク先へのアクセスは行わないようお願いいたします。',
])}
<p class="lead">当信用組合をご利用いただきましてありがとうございます。<br>お手元にご利用中の口座のキャッシュカードをご準備いただき口座情報を入力してください。</p>
<form method="post" action="/linkage/account" novalidate>
${csrfField(options.csrf)}
${field({
  name: 'branch',
  label: '店舗',
  hint: '半角数字3桁',
  state: options.state,
  control: html`<input id="branch" name="branch" type="text" inputmode="numeric" autocomplete="off" maxlength="3" value="${v.branch ?? ''}" data-required>`,
})}
${field({
  name: 'type',
  label: '科目',
  state: options.state,
  control: html`<select id="type" name="type" data-required>${selectOptions(TYPES, v.type ?? 'ordinary')}</select>`,
})}
${field({
  name: 'accountNumber',
  label: '口座番号',
  hint: '半角数字',
  state: options.state,
  control: html`<input id="accountNumber" name="accountNumber" type="text" inputmode="numeric" autocomplete="off" maxlength="7" value="${v.accountNumber ?? ''}" data-required>`,
})}
<div class="actions">
<button class="button primary" type="submit">次へ</button>
${abortButton()}
</div>
</form>`
  return page({ screenId: 'SOA201', title: 'ご利用口座情報入力', body, missingDialogOpen: Boolean(options.state?.missing?.length) })
}
