// Building blocks shared by the screens: alert boxes, required fields with the seed's marks, buttons.
import { html, type Html } from '../html.ts'
import type { Messages } from '../messages.ts'

/** What a screen shows about its fields: which were empty, which were malformed (with our message). */
export interface FieldState {
  missing?: readonly string[]
  invalid?: Readonly<Record<string, string>>
}

export function alertBox(text: string | readonly string[] | undefined): Html | '' {
  if (!text) return ''
  const paragraphs = typeof text === 'string' ? [text] : text
  return html`<div class="alert" role="alert">${paragraphs.map((line) => html`<p>${line}</p>`)}</div>`
}

/** One text of several lines (the seed's line breaks), as one paragraph or list item. */
export function lines(text: string | readonly string[]): Html {
  return typeof text === 'string' ? html`${text}` : html`${text.map((line, i) => (i ? html`<br>${line}` : line))}`
}

export function noticeList(title: string, items: readonly (string | readonly string[])[], kind: 'warn' | 'info' = 'warn'): Html {
  return html`<section class="notice ${kind}"><h2><span class="notice-icon" aria-hidden="true">⚠</span>${title}</h2><ul>${items.map((i) => html`<li>${lines(i)}</li>`)}</ul></section>`
}

export function field(t: Messages, options: { name: string; label: string; hint?: string; control: Html; state?: FieldState; help?: string }): Html {
  const missing = options.state?.missing?.includes(options.name)
  const invalid = options.state?.invalid?.[options.name]
  return html`<div class="field${missing ? ' missing' : ''}${invalid ? ' invalid' : ''}" data-field="${options.name}">
<label for="${options.name}"><span class="req">${t.frame.required}</span>${options.label}${options.hint ? html` <span class="hint">(${options.hint})</span>` : ''}</label>
${options.control}
${options.help ? html`<p class="help">${options.help}</p>` : ''}
<p class="missing-note">${t.missingField}</p>
${invalid ? html`<p class="invalid-note">${invalid}</p>` : ''}
</div>`
}

export function csrfField(token: string): Html {
  return html`<input type="hidden" name="csrf" value="${token}">`
}

export function abortButton(label: string): Html {
  return html`<button class="button secondary" type="submit" formaction="/linkage/abort" formnovalidate name="abort" value="1">${label}</button>`
}

/** [最初に戻る]: the same authorization request from 画面① again (LNK-04 message 1, LNK-08 after 120 s). */
export function restartButton(t: Messages, csrf: string, kind: 'primary' | 'secondary' = 'primary'): Html {
  return html`<form method="post" action="/linkage/restart">${csrfField(csrf)}<button class="button ${kind}" type="submit">${t.buttons.restart}</button></form>`
}

export function selectOptions(options: readonly { value: string; label: string }[], selected: string | undefined): Html[] {
  return options.map((o) => html`<option value="${o.value}"${o.value === selected ? html` selected` : ''}>${o.label}</option>`)
}
