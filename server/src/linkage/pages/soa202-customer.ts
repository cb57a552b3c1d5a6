// 画面② お客様情報入力 (LNK-03). The seed's screenshot shows no 画面ID for this screen; SOA202 is our choice,
// the next free number after SOA201. A check's message (LNK-04 rows 1 and 2) is shown here with the seed's エラー
// dialog; for row 1 (科目 or 口座番号 wrong) the page also offers [最初に戻る] to enter the account again.
import { html, type Html } from '../html.ts'
import type { AccountType } from '../../db/schema.ts'
import type { Messages } from '../messages.ts'
import { page } from './layout.ts'
import { lines, abortButton, alertBox, csrfField, field, restartButton, selectOptions, type FieldState } from './parts.ts'

export interface CustomerForm {
  name?: string
  birthYear?: string
  birthMonth?: string
  birthDay?: string
  phone?: string
  email?: string
  emailConfirm?: string
}

const two = (n: number) => String(n).padStart(2, '0')
const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: two(i + 1), label: two(i + 1) }))
/** 月 and 日 beside their selects: seen, not read twice (the selects carry them as their names). Each word stays
 * on the line of its field (.date-part). */
const dateWord = (word: string) => (word ? html` <span aria-hidden="true">${word}</span> ` : '')
const DAYS = Array.from({ length: 31 }, (_, i) => ({ value: two(i + 1), label: two(i + 1) }))

export function customerPage(
  t: Messages,
  options: {
    csrf: string
    account: { branch: string; type: AccountType; accountNumber: string }
    values?: CustomerForm
    state?: FieldState
    message?: string
    /** The account itself was not found (LNK-04 row 1): it can only be corrected on 画面①. */
    offerRestart?: boolean
  },
): Html {
  const s = t.soa202
  const v = options.values ?? {}
  const a = options.account
  const body = html`
${alertBox(options.message)}
${options.offerRestart ? html`<div class="actions">${restartButton(t, options.csrf, 'secondary')}</div>` : ''}
<p class="lead">${lines(s.lead)}</p>
<section class="summary">
<h2>${s.accountTitle}</h2>
<p class="account-line"><span>${s.branchOf(a.branch)}</span> <span>${t.accountTypes[a.type]}</span> <span>${a.accountNumber}</span></p>
</section>
<form method="post" action="/linkage/customer" novalidate>
${csrfField(options.csrf)}
<h2 class="section-title">${s.inputTitle}</h2>
${field(t, {
  name: 'name',
  label: s.name,
  hint: s.nameHint,
  state: options.state,
  help: s.nameExample,
  control: html`<input id="name" name="name" type="text" autocomplete="off" maxlength="64" value="${v.name ?? ''}" data-required>`,
})}
${field(t, {
  name: 'birthYear',
  label: s.birth,
  hint: s.birthHint,
  state: options.state,
  control: html`<div class="date-row"><span class="date-part">${s.yearBefore} <input id="birthYear" name="birthYear" type="text" inputmode="numeric" autocomplete="off" maxlength="4" class="year" value="${v.birthYear ?? ''}" data-required> ${s.yearAfter}</span>
<span class="date-part">${dateWord(s.monthBefore)}<select name="birthMonth" aria-label="${s.month}">${selectOptions(MONTHS, v.birthMonth ?? '01')}</select>${dateWord(s.monthAfter)}</span>
<span class="date-part">${dateWord(s.dayBefore)}<select name="birthDay" aria-label="${s.day}">${selectOptions(DAYS, v.birthDay ?? '01')}</select>${dateWord(s.dayAfter)}</span></div>`,
})}
${field(t, {
  name: 'phone',
  label: s.phone,
  hint: s.phoneHint,
  state: options.state,
  help: s.phoneHelp,
  control: html`<input id="phone" name="phone" type="tel" inputmode="numeric" autocomplete="off" maxlength="11" value="${v.phone ?? ''}" data-required>`,
})}
${field(t, {
  name: 'email',
  label: s.email,
  hint: s.emailHint,
  state: options.state,
  control: html`<input id="email" name="email" type="email" autocomplete="email" maxlength="64" value="${v.email ?? ''}" data-required>`,
})}
${field(t, {
  name: 'emailConfirm',
  label: s.emailConfirm,
  hint: s.emailHint,
  state: options.state,
  help: s.emailConfirmHelp,
  control: html`<input id="emailConfirm" name="emailConfirm" type="email" autocomplete="off" maxlength="64" value="${v.emailConfirm ?? ''}" data-required>`,
})}
<div class="actions">
<button class="button primary" type="submit">${t.buttons.next}</button>
${abortButton(t.buttons.abort)}
</div>
</form>`
  return page({ t, screenId: 'SOA202', title: s.title, body, missingDialogOpen: Boolean(options.state?.missing?.length), errorDialog: options.message })
}
