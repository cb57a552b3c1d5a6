// 画面⑥ SOA206 情報連携認可 (LNK-10): 許可する only with the agreement ticked (the script disables the button
// until then; the server refuses it regardless).
import { html, type Html } from '../html.ts'
import { GRANT_DAYS } from '../../oauth/grants.ts'
import type { Messages } from '../messages.ts'
import { page } from './layout.ts'
import { abortButton, csrfField, noticeList, type FieldState } from './parts.ts'

export function consentPage(t: Messages, options: { csrf: string; clientName: string; state?: FieldState }): Html {
  const s = t.soa206
  const missing = options.state?.missing?.includes('agree')
  const body = html`
<p class="lead">${s.lead(options.clientName)}</p>
<section class="summary">
<h2>${s.access}</h2>
<p>${s.accessText}</p>
<h2>${s.period}</h2>
<p class="period">${s.days(GRANT_DAYS)}</p>
</section>
${noticeList(s.cautionTitle, s.cautions(options.clientName))}
<p>${s.provide}</p>
<form method="post" action="/linkage/consent" novalidate>
${csrfField(options.csrf)}
<div class="field agree${missing ? ' missing' : ''}" data-field="agree">
<label class="checkbox"><input type="checkbox" id="agree" name="agree" value="yes" data-required data-enables="allow"> ${s.agree}</label>
<p class="missing-note">${t.missingField}</p>
</div>
<div class="actions">
<button class="button primary" type="submit" id="allow">${s.allow}</button>
${abortButton(t.buttons.refuse)}
</div>
</form>`
  return page({ t, screenId: 'SOA206', title: s.title, body, missingDialogOpen: missing })
}
