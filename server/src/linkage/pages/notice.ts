// Pages that only tell (LNK-04 lock, LNK-05 hours, LNK-06 overload and faults, LNK-08 restart): the seed's
// message and, where the fintech app is known, [連携元画面へ] back to it with an OAuth error. The seed shows no
// 画面ID for these; SOA298 is our choice.
import { html, type Html } from '../html.ts'
import { page } from './layout.ts'

export function noticePage(options: { lines: readonly string[]; returnUrl?: string; restart?: { csrf: string }; reference?: string }): Html {
  const body = html`
<div class="alert" role="alert">${options.lines.map((l) => html`<p>${l}</p>`)}</div>
${options.reference ? html`<p class="reference">お問い合わせ番号: ${options.reference}</p>` : ''}
<div class="actions">
${options.restart ? html`<form method="post" action="/linkage/restart"><input type="hidden" name="csrf" value="${options.restart.csrf}"><button class="button primary" type="submit">最初に戻る</button></form>` : ''}
${options.returnUrl ? html`<a class="button ${options.restart ? 'secondary' : 'primary'}" href="${options.returnUrl}">連携元画面へ</a>` : ''}
</div>`
  return page({ screenId: 'SOA298', title: 'API連携認証', plainTitle: true, body })
}
