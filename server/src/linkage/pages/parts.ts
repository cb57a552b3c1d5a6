// Building blocks shared by the screens: alert boxes, required fields with the seed's marks, buttons.
import { html, type Html } from '../html.ts'
import { messages } from '../messages.ts'

/** What a screen shows about its fields: which were empty, which were malformed (with our message). */
export interface FieldState {
  missing?: readonly string[]
  invalid?: Readonly<Record<string, string>>
}

export function alertBox(text: string | readonly string[] | undefined): Html | '' {
  if (!text) return ''
  const lines = typeof text === 'string' ? [text] : text
  return html`<div class="alert" role="alert">${lines.map((line) => html`<p>${line}</p>`)}</div>`
}

export function noticeList(title: string, items: readonly string[], kind: 'warn' | 'info' = 'warn'): Html {
  return html`<section class="notice ${kind}"><h2><span class="notice-icon" aria-hidden="true">⚠</span>${title}</h2><ul>${items.map((i) => html`<li>${i}</li>`)}</ul></section>`
}

export function field(options: { name: string; label: string; hint?: string; control: Html; state?: FieldState; help?: string }): Html {
  const missing = options.state?.missing?.includes(options.name)
  const invalid = options.state?.invalid?.[options.name]
  return html`<div class="field${missing ? ' missing' : ''}${invalid ? ' invalid' : ''}" data-field="${options.name}">
<label for="${options.name}"><span class="req">必須</span>${options.label}${options.hint ? html` <span class="hint">(${options.hint})</span>` : ''}</label>
${options.control}
${options.help ? html`<p class="help">${options.help}</p>` : ''}
<p class="missing-note">${messages.missingField}</p>
${invalid ? html`<p class="invalid-note">${invalid}</p>` : ''}
</div>`
}

export function csrfField(token: string): Html {
  return html`<input type="hidden" name="csrf" value="${token}">`
}

export function abortButton(label: '中止する' | '拒否する' = '中止する'): Html {
  return html`<button class="button secondary" type="submit" formaction="/linkage/abort" formnovalidate name="abort" value="1">${label}</button>`
}

export function selectOptions(options: readonly { value: string; label: string }[], selected: string | undefined): Html[] {
  return options.map((o) => html`<option value="${o.value}"${o.value === selected ? html` selected` : ''}>${o.label}</option>`)
}
