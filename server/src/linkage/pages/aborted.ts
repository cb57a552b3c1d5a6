// The 中止 page (LNK-11). The seed shows no 画面ID for it; SOA299 is our choice.
import { html, type Html } from '../html.ts'
import { messages } from '../messages.ts'
import { page } from './layout.ts'

export function abortedPage(returnUrl: string): Html {
  const body = html`
<ul class="plain"><li>${messages.aborted}</li></ul>
<div class="actions"><a class="button primary" href="${returnUrl}">連携元画面へ</a></div>`
  return page({ screenId: 'SOA299', title: 'API連携認証の中止', plainTitle: true, body })
}
