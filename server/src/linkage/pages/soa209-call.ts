// 画面④ SOA209 電話番号認証 (LNK-08).
import { html, type Html } from '../html.ts'
import { messages } from '../messages.ts'
import { page } from './layout.ts'
import { abortButton, csrfField } from './parts.ts'

export function callPage(options: { csrf: string; maskedPhone: string; authNumber: string; waiting?: boolean; secondsLeft: number }): Html {
  const body = html`
${options.waiting ? html`<div class="alert info" role="alert"><p>${messages.waitingForCall}</p></div>` : ''}
<section class="summary">
<h2>電話番号認証</h2>
<p>電話番号での認証を行います。お届け電話番号から認証先電話番号にお電話ください。<br>電話番号認証完了後、「確定する」ボタンを押してください。</p>
<dl class="pairs">
<dt>発信元</dt><dd><span class="sub">お届け電話番号</span> <span class="phone" data-testid="call-from">${options.maskedPhone}</span></dd>
<dt>発信先</dt><dd><span class="sub">認証先電話番号（通話料無料）</span> <a class="phone" data-testid="call-to" href="tel:${options.authNumber}">${options.authNumber}</a></dd>
</dl>
<p class="countdown" data-seconds-left="${options.secondsLeft}">残り <span class="countdown-value">${options.secondsLeft}</span> 秒</p>
</section>
<section class="notice warn"><h2><span class="notice-icon" aria-hidden="true">⚠</span>注意</h2><ul>
<li>本画面が表示されてから120秒以内に、お電話ください。</li>
<li>電話番号が非通知設定になっている場合は認証できません。</li>
<li>呼出音がならない場合は、再度お電話ください。</li>
<li>電話番号のおかけ間違いがないようご注意ください。</li>
<li>2〜3コール後、自動で電話が切れ、認証完了します。アナウンスは流れません。</li>
<li>&lt;スマートフォンをご利用の方へ&gt;<br>通話が終了しても電話アプリケーションが自動で終了しない場合は、ダイヤルキャンセルボタンを押してブラウザに戻ってください。</li>
</ul></section>
<form method="post" action="/linkage/call" novalidate>
${csrfField(options.csrf)}
<div class="actions">
<button class="button primary" type="submit">確定する</button>
${abortButton()}
</div>
</form>`
  return page({ screenId: 'SOA209', title: '電話番号認証', body })
}
