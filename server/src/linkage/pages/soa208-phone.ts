// 画面③ SOA208 電話番号の確認 (LNK-07).
import { html, type Html } from '../html.ts'
import type { Messages } from '../messages.ts'
import { page } from './layout.ts'
import { abortButton, csrfField } from './parts.ts'

export function phonePage(t: Messages, options: { csrf: string; maskedPhone: string }): Html {
  const s = t.soa208
  const body = html`
<p class="lead">${s.lead}</p>
<section class="summary">
<h2>${s.registered}</h2>
<dl class="pairs"><dt>${s.phone}</dt><dd class="phone" data-testid="masked-phone">${options.maskedPhone}</dd></dl>
</section>
<form method="post" action="/linkage/phone" novalidate>
${csrfField(options.csrf)}
<div class="actions">
<button class="button primary" type="submit">${s.decide}</button>
${abortButton(t.buttons.abort)}
</div>
</form>`
  return page({ t, screenId: 'SOA208', title: s.title, body })
}
