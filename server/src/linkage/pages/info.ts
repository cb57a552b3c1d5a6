// The footer's targets: API利用規定 and よくあるご質問 (seed 004, 10.), served here so the pages link nowhere else.
import { html, type Html } from '../html.ts'
import { institution } from '../institution.ts'
import type { Messages } from '../messages.ts'
import { page } from './layout.ts'
import { lines } from './parts.ts'

/** The domain the result mail comes from (MAIL_FROM, e.g. 「ミレ信用組合 <no-reply@mire.example>」 → mire.example). */
export function mailDomainOf(mailFrom: string): string {
  const address = /<([^>]*)>\s*$/.exec(mailFrom)?.[1] ?? mailFrom
  return address.slice(address.lastIndexOf('@') + 1).trim()
}

export function faqPage(t: Messages, mailDomain: string): Html {
  const i = t.institution
  const body = html`
${t.faq.sections(mailDomain).map(
  (section) => html`<section class="summary"><h2>${section.title}</h2>
${section.items.map((qa) => html`<div class="qa"><p class="q">${lines(qa.q)}</p>${qa.a.map((line) => html`<p class="a">${line}</p>`)}</div>`)}
</section>`,
)}
<section class="summary"><h2>${t.frame.contact}</h2>
<p>${i.name} ${i.department}<br>${i.phoneLabel}${institution.contactPhone}<br>${i.hoursNote(i.hours)}</p>
</section>`
  return page({ t, screenId: 'SOA291', title: t.faq.title, plainTitle: true, body, here: '/linkage/faq' })
}

export function termsPage(t: Messages): Html {
  const body = html`
<section class="summary"><h2>${t.terms.title}</h2>
${t.terms.paragraphs(t.institution.name, institution.contactPhone, t.institution.hours).map((p) => html`<p>${p}</p>`)}
</section>`
  return page({ t, screenId: 'SOA292', title: t.terms.title, plainTitle: true, body, here: '/linkage/terms' })
}
