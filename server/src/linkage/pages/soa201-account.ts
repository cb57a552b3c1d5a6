// 画面① SOA201 ご利用口座情報入力 (LNK-02).
import { html, type Html } from '../html.ts'
import type { Messages } from '../messages.ts'
import { page } from './layout.ts'
import { lines, abortButton, alertBox, csrfField, field, noticeList, selectOptions, type FieldState } from './parts.ts'

export interface AccountForm {
  branch?: string
  type?: string
  accountNumber?: string
}

export function accountPage(t: Messages, options: { clientName: string; csrf: string; values?: AccountForm; state?: FieldState; message?: string }): Html {
  const s = t.soa201
  const v = options.values ?? {}
  const types = Object.entries(t.accountTypes).map(([value, label]) => ({ value, label }))
  const body = html`
${alertBox(options.message)}
${noticeList(s.disclaimerTitle, [s.disclaimer(options.clientName)])}
${noticeList(s.cautionTitle, [s.caution])}
<p class="lead">${lines(s.lead)}</p>
<form method="post" action="/linkage/account" novalidate>
${csrfField(options.csrf)}
${field(t, {
  name: 'branch',
  label: s.branch,
  hint: s.branchHint,
  state: options.state,
  control: html`<input id="branch" name="branch" type="text" inputmode="numeric" autocomplete="off" maxlength="3" value="${v.branch ?? ''}" data-required>`,
})}
${field(t, {
  name: 'type',
  label: s.type,
  state: options.state,
  control: html`<select id="type" name="type" data-required>${selectOptions(types, v.type ?? 'ordinary')}</select>`,
})}
${field(t, {
  name: 'accountNumber',
  label: s.accountNumber,
  hint: s.accountNumberHint,
  state: options.state,
  control: html`<input id="accountNumber" name="accountNumber" type="text" inputmode="numeric" autocomplete="off" maxlength="7" value="${v.accountNumber ?? ''}" data-required>`,
})}
<div class="actions">
<button class="button primary" type="submit">${t.buttons.next}</button>
${abortButton(t.buttons.abort)}
</div>
</form>`
  return page({ t, screenId: 'SOA201', title: s.title, body, missingDialogOpen: Boolean(options.state?.missing?.length) })
}
