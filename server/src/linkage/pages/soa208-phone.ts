// 画面③ SOA208 電話番号の確認 (LNK-07).
import { html, type Html } from '../html.ts'
import { page } from './layout.ts'
import { abortButton, csrfField } from './parts.ts'

export function phonePage(options: { csrf: string; maskedPhone: string }): Html {
  const body = html`
<p class="lead">電話番号での認証を行います。</p>
<section class="summary">
<h2>お届け先電話番号</h2>
<dl class="pairs"><dt>電話番号</dt><dd class="phone" data-testid="masked-phone">${options.maskedPhone}</dd></dl>
</section>
<form method="post" action="/linkage/phone" novalidate>
${csrfField(options.csrf)}
<div class="actions">
<button class="button primary" type="submit">電話番号の決定</button>
${abortButton()}
</div>
</form>`
  return page({ screenId: 'SOA208', title: '電話番号の確認', body })
}
