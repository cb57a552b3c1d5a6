// 画面② お客様情報入力 (LNK-03). The seed's screenshot shows no 画面ID for this screen; SOA202 is our choice,
// the next free number after SOA201.
import { html, type Html } from '../html.ts'
import { ACCOUNT_TYPE_LABELS } from '../../accounts/bank.ts'
import type { AccountType } from '../../db/schema.ts'
import { page } from './layout.ts'
import { abortButton, alertBox, csrfField, field, selectOptions, type FieldState } from './parts.ts'

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
const DAYS = Array.from({ length: 31 }, (_, i) => ({ value: two(i + 1), label: two(i + 1) }))

export function customerPage(options: {
  csrf: string
  account: { branch: string; type: AccountType; accountNumber: string }
  values?: CustomerForm
  state?: FieldState
  message?: string
}): Html {
  const v = options.values ?? {}
  const a = options.account
  const body = html`
${alertBox(options.message)}
<p class="lead">本人確認を行います。<br>お名前、生年月日、電話番号を入力してください。</p>
<section class="summary">
<h2>ご利用口座情報</h2>
<p class="account-line"><span>店番 ${a.branch}</span> <span>${ACCOUNT_TYPE_LABELS[a.type]}</span> <span>${a.accountNumber}</span></p>
</section>
<form method="post" action="/linkage/customer" novalidate>
${csrfField(options.csrf)}
<h2 class="section-title">お客様情報の入力</h2>
${field({
  name: 'name',
  label: 'お名前',
  hint: '半角カタカナ',
  state: options.state,
  help: '(例) ﾃﾞｰﾀ ﾀﾛｳ',
  control: html`<input id="name" name="name" type="text" autocomplete="off" maxlength="64" value="${v.name ?? ''}" data-required>`,
})}
${field({
  name: 'birthYear',
  label: '生年月日',
  hint: '半角数字',
  state: options.state,
  control: html`<div class="date-row">西暦 <input id="birthYear" name="birthYear" type="text" inputmode="numeric" autocomplete="off" maxlength="4" class="year" value="${v.birthYear ?? ''}" data-required> 年
<select name="birthMonth" aria-label="月">${selectOptions(MONTHS, v.birthMonth ?? '01')}</select> 月
<select name="birthDay" aria-label="日">${selectOptions(DAYS, v.birthDay ?? '01')}</select> 日</div>`,
})}
${field({
  name: 'phone',
  label: '電話番号',
  hint: '半角数字ハイフン無し',
  state: options.state,
  help: '当信用組合にお届けいただいている電話番号を入力してください。(入力された電話番号から当信用組合指定の「認証先電話番号」に電話をかけていただきます。)',
  control: html`<input id="phone" name="phone" type="tel" inputmode="numeric" autocomplete="off" maxlength="11" value="${v.phone ?? ''}" data-required>`,
})}
${field({
  name: 'email',
  label: 'メールアドレス',
  hint: '半角英数字記号',
  state: options.state,
  control: html`<input id="email" name="email" type="email" autocomplete="email" maxlength="64" value="${v.email ?? ''}" data-required>`,
})}
${field({
  name: 'emailConfirm',
  label: 'メールアドレス（確認用）',
  hint: '半角英数字記号',
  state: options.state,
  help: '確認のため2回入力してください',
  control: html`<input id="emailConfirm" name="emailConfirm" type="email" autocomplete="off" maxlength="64" value="${v.emailConfirm ?? ''}" data-required>`,
})}
<div class="actions">
<button class="button primary" type="submit">次へ</button>
${abortButton()}
</div>
</form>`
  return page({ screenId: 'SOA202', title: 'お客様情報入力', body, missingDialogOpen: Boolean(options.state?.missing?.length) })
}
