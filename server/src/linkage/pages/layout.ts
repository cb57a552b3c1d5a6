// The frame of every linkage page: title, body, and the seed's footer (API利用規定 / よくあるご質問 /
// お問い合わせ先, 画面ID). Styles and the one script are files of this service ('self' under the CSP).
import { html, type Html } from '../html.ts'
import { institution } from '../institution.ts'
import { messages } from '../messages.ts'

export interface PageFrame {
  /** 画面ID. The seed shows none for ② (we use SOA202), for the 中止 page (SOA299) and message pages (SOA298). */
  screenId: string
  /** The part in （） after 「API連携認証」, or a whole title when `plainTitle`. */
  title: string
  plainTitle?: boolean
  body: Html
  /** Shows the seed's 「入力されていない項目があります。」 dialog at once (the server found empty fields). */
  missingDialogOpen?: boolean
}

export function page(frame: PageFrame): Html {
  const heading = frame.plainTitle ? frame.title : `API連携認証（${frame.title}）`
  const tel = institution.contactPhone.replace(/-/g, '')
  return html`<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${heading} | ${institution.name}</title>
<link rel="stylesheet" href="/linkage/assets/linkage.css">
<script src="/linkage/assets/linkage.js" defer></script>
</head>
<body>
<header class="bar"><span class="brand">${institution.name}</span></header>
<main class="page" data-screen-id="${frame.screenId}">
<h1>${heading}</h1>
${frame.body}
</main>
<footer class="footer">
<p class="screen-id">画面ID : ${frame.screenId}</p>
<nav class="links">
<a href="/linkage/terms" target="_blank" rel="noopener">API利用規定</a>
<a href="/linkage/faq" target="_blank" rel="noopener">よくあるご質問</a>
<a href="tel:${tel}">お問い合わせ先 ${institution.contactPhone}</a>
</nav>
<p class="copyright">Copyright © ${institution.name} All Rights Reserved.</p>
</footer>
<dialog id="missing-dialog" class="dialog"${frame.missingDialogOpen ? html` open` : ''} aria-labelledby="missing-dialog-title">
<p id="missing-dialog-title" class="dialog-title">エラー</p>
<p>${messages.missingDialog}</p>
<form method="dialog"><button class="button primary" type="submit">OK</button></form>
</dialog>
</body>
</html>
`
}
