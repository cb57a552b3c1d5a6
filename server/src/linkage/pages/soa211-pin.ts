// 画面⑤ SOA211 キャッシュカード暗証番号認証 (LNK-09).
import { html, type Html } from '../html.ts'
import { page } from './layout.ts'
import { abortButton, alertBox, csrfField, field, type FieldState } from './parts.ts'

export function pinPage(options: { csrf: string; state?: FieldState; message?: string }): Html {
  const body = html`
${alertBox(options.message)}
<section class="summary">
<h2>キャッシュカード暗証番号</h2>
<p>キャッシュカード暗証番号での認証を行います。</p>
</section>
<form method="post" action="/linkage/pin" novalidate>
${csrfField(options.csrf)}
${field({
  name: 'pin',
  label: 'キャッシュカードの暗証番号',
  hint: '半角数字4桁',
  state: options.state,
  control: html`<input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off" maxlength="4" data-required>`,
})}
<div class="actions">
<button class="button primary" type="submit">次へ</button>
${abortButton()}
</div>
</form>`
  return page({ screenId: 'SOA211', title: 'キャッシュカード暗証番号認証', body, missingDialogOpen: Boolean(options.state?.missing?.length) })
}
