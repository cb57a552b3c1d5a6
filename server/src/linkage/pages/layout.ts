// The frame of every linkage page: title, body, and the seed's footer (API利用規定 / よくあるご質問 /
// お問い合わせ先, 画面ID), in the page's language (LNK-13) with the link to the other one. Styles and the one
// script are files of this service ('self' under the CSP).
import { html, type Html } from '../html.ts'
import { institution } from '../institution.ts'
import { languageLink } from '../language.ts'
import type { Messages } from '../messages.ts'

export interface PageFrame {
  t: Messages
  /** 画面ID. The seed shows none for ② (we use SOA202), for the 中止 page (SOA299) and message pages (SOA298). */
  screenId: string
  /** The part in （） after 「API連携認証」, or a whole title when `plainTitle`. */
  title: string
  plainTitle?: boolean
  body: Html
  /** Where the language link returns to (a path of ours); the flow's current screen unless said. */
  here?: string
  /** Shows the seed's 「入力されていない項目があります。」 dialog at once (the server found empty fields). */
  missingDialogOpen?: boolean
  /** The seed's エラー dialog with a check's message (② and ⑤: LNK-04, LNK-09), over the same message on the page. */
  errorDialog?: string
}

function errorDialog(t: Messages, id: string, message: string, open: boolean): Html {
  return html`<dialog id="${id}" class="dialog"${open ? html` open` : ''} aria-labelledby="${id}-title">
<p id="${id}-title" class="dialog-title">${t.frame.errorTitle}</p>
<p>${message}</p>
<form method="dialog"><button class="button primary" type="submit">${t.frame.ok}</button></form>
</dialog>`
}

export function page(frame: PageFrame): Html {
  const { t } = frame
  const heading = frame.plainTitle ? frame.title : t.frame.titleOf(frame.title)
  const tel = institution.contactPhone.replace(/-/g, '')
  const other = t.lang === 'ja' ? 'en' : 'ja'
  return html`<!doctype html>
<html lang="${t.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${heading} | ${t.institution.name}</title>
<link rel="stylesheet" href="/linkage/assets/linkage.css">
<script src="/linkage/assets/linkage.js" defer></script>
</head>
<body>
<header class="bar"><span class="brand">${t.institution.name}</span><a class="language" href="${languageLink(other, frame.here ?? '/linkage')}" lang="${other}" hreflang="${other}">${t.frame.otherLanguage}</a></header>
<main class="page" data-screen-id="${frame.screenId}">
<h1>${heading}</h1>
${frame.body}
</main>
<footer class="footer">
<p class="screen-id">${t.frame.screenId} : ${frame.screenId}</p>
<nav class="links">
<a href="/linkage/terms" target="_blank" rel="noopener">${t.frame.terms}</a>
<a href="/linkage/faq" target="_blank" rel="noopener">${t.frame.faq}</a>
<a href="tel:${tel}">${t.frame.contact} ${institution.contactPhone}</a>
</nav>
<p class="copyright">Copyright © ${t.institution.name} ${t.frame.rights}</p>
</footer>
${errorDialog(t, 'missing-dialog', t.missingDialog, Boolean(frame.missingDialogOpen))}
${frame.errorDialog ? errorDialog(t, 'error-dialog', frame.errorDialog, true) : ''}
</body>
</html>
`
}
