// The 中止 page (LNK-11). The seed shows no 画面ID for it; SOA299 is our choice.
import { html, type Html } from '../html.ts'
import type { Messages } from '../messages.ts'
import { page } from './layout.ts'

export function abortedPage(t: Messages, returnUrl: string): Html {
  const body = html`
<ul class="plain"><li>${t.aborted}</li></ul>
<div class="actions"><a class="button primary" href="${returnUrl}">${t.buttons.backToClient}</a></div>`
  return page({ t, screenId: 'SOA299', title: t.abortedTitle, plainTitle: true, body })
}
