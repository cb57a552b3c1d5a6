// 画面⑤ SOA211 キャッシュカード暗証番号認証 (LNK-09). A wrong PIN shows the message on the page and in the seed's
// エラー dialog, as on 画面② (the seed: 「本画面で発生するエラーは、②と同様です。」).
import { html, type Html } from '../html.ts'
import type { Messages } from '../messages.ts'
import { page } from './layout.ts'
import { abortButton, alertBox, csrfField, field, type FieldState } from './parts.ts'

export function pinPage(t: Messages, options: { csrf: string; state?: FieldState; message?: string }): Html {
  const s = t.soa211
  const body = html`
${alertBox(options.message)}
<section class="summary">
<h2>${s.heading}</h2>
<p>${s.lead}</p>
</section>
<form method="post" action="/linkage/pin" novalidate>
${csrfField(options.csrf)}
${field(t, {
  name: 'pin',
  label: s.pin,
  hint: s.pinHint,
  state: options.state,
  control: html`<input id="pin" name="pin" type="password" inputmode="numeric" autocomplete="off" maxlength="4" data-required>`,
})}
<div class="actions">
<button class="button primary" type="submit">${t.buttons.next}</button>
${abortButton(t.buttons.abort)}
</div>
</form>`
  return page({ t, screenId: 'SOA211', title: s.title, body, missingDialogOpen: Boolean(options.state?.missing?.length), errorDialog: options.message })
}
