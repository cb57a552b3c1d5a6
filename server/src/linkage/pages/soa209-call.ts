// 画面④ SOA209 電話番号認証 (LNK-08).
import { html, type Html } from '../html.ts'
import type { Messages } from '../messages.ts'
import { page } from './layout.ts'
import { lines, abortButton, csrfField, noticeList } from './parts.ts'

export function callPage(t: Messages, options: { csrf: string; maskedPhone: string; authNumber: string; waiting?: boolean; secondsLeft: number }): Html {
  const s = t.soa209
  const body = html`
${options.waiting ? html`<div class="alert info" role="alert"><p>${t.waitingForCall}</p></div>` : ''}
<section class="summary">
<h2>${s.heading}</h2>
<p>${lines(s.lead)}</p>
<dl class="pairs">
<dt>${s.from}</dt><dd><span class="sub">${s.fromSub}</span> <span class="phone" data-testid="call-from">${options.maskedPhone}</span></dd>
<dt>${s.to}</dt><dd><span class="sub">${s.toSub}</span> <a class="phone" data-testid="call-to" href="tel:${options.authNumber}">${options.authNumber}</a></dd>
</dl>
<p class="countdown" data-seconds-left="${options.secondsLeft}">${s.secondsBefore} <span class="countdown-value">${options.secondsLeft}</span> ${s.secondsAfter}</p>
</section>
${noticeList(s.cautionTitle, s.cautions)}
<form method="post" action="/linkage/call" novalidate>
${csrfField(options.csrf)}
<div class="actions">
<button class="button primary" type="submit">${s.confirm}</button>
${abortButton(t.buttons.abort)}
</div>
</form>`
  return page({ t, screenId: 'SOA209', title: s.title, body })
}
