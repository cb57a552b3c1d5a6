// Pages that only tell (LNK-04 lock, LNK-05 hours, LNK-06 overload and faults, LNK-08 restart): the seed's
// message and, where the fintech app is known, [連携元画面へ] back to it with an OAuth error. The seed shows no
// 画面ID for these; SOA298 is our choice.
import { html, type Html } from '../html.ts'
import type { Messages } from '../messages.ts'
import { page } from './layout.ts'
import { restartButton } from './parts.ts'

export function noticePage(t: Messages, options: { lines: readonly string[]; returnUrl?: string; restart?: { csrf: string }; reference?: string; here?: string }): Html {
  const body = html`
<div class="alert" role="alert">${options.lines.map((l) => html`<p>${l}</p>`)}</div>
${options.reference ? html`<p class="reference">${t.notice.reference}${options.reference}</p>` : ''}
<div class="actions">
${options.restart ? restartButton(t, options.restart.csrf) : ''}
${options.returnUrl ? html`<a class="button ${options.restart ? 'secondary' : 'primary'}" href="${options.returnUrl}">${t.buttons.backToClient}</a>` : ''}
</div>`
  return page({ t, screenId: 'SOA298', title: t.notice.title, plainTitle: true, body, here: options.here })
}
