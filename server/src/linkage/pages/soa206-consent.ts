// 画面⑥ SOA206 情報連携認可 (LNK-10): 許可する only with the agreement ticked (the script disables the button
// until then; the server refuses it regardless).
import { html, type Html } from '../html.ts'
import { GRANT_DAYS } from '../../oauth/grants.ts'
import { page } from './layout.ts'
import { abortButton, csrfField, type FieldState } from './parts.ts'
import { messages } from '../messages.ts'

export function consentPage(options: { csrf: string; clientName: string; state?: FieldState }): Html {
  const missing = options.state?.missing?.includes('agree')
  const c = options.clientName
  const body = html`
<p class="lead">${c}が以下の許可を求めています。</p>
<section class="summary">
<h2>口座情報・明細情報へのアクセス</h2>
<p>お客様の口座の資産情報へのアクセスを許可します。</p>
<h2>認可期間</h2>
<p class="period">${GRANT_DAYS}日</p>
</section>
<section class="notice warn"><h2><span class="notice-icon" aria-hidden="true">⚠</span>ご注意</h2><ul>
<li>次に進む前に、Webサイトを信頼できるかどうかをお客様自身の判断で確認してください。</li>
<li>「許可する」ボタンをクリックすることによって、お客様は${c}の利用規約のもと利用することになります。</li>
<li>お客様の入力された暗証番号等の認証情報はAPI連携先には開示されません。また、API連携先との間の通信は暗号化されています。</li>
<li>本アプリケーションへのアクセスは、当信用組合へ連絡することでも解除することができます。</li>
</ul></section>
<p>当信用組合のAPI利用規定に従って、API連携事業者にお客様の金融情報を提供します。</p>
<form method="post" action="/linkage/consent" novalidate>
${csrfField(options.csrf)}
<div class="field agree${missing ? ' missing' : ''}" data-field="agree">
<label class="checkbox"><input type="checkbox" id="agree" name="agree" value="yes" data-required data-enables="allow"> 当信用組合のAPI利用規定を確認し、同意します。</label>
<p class="missing-note">${messages.missingField}</p>
</div>
<div class="actions">
<button class="button primary" type="submit" id="allow">許可する</button>
${abortButton('拒否する')}
</div>
</form>`
  return page({ screenId: 'SOA206', title: '情報連携認可', body, missingDialogOpen: missing })
}
