// LNK-13: the language of a linkage page. Japanese by default; English when the browser prefers it
// (Accept-Language) or the customer chose it with the language link, which is remembered in a cookie of its own
// (a preference, not part of the flow: the session cookie, the CSRF token and the CSP are untouched).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { LANGS, messagesByLang, type Lang, type Messages } from './messages.ts'
import { servedOverHttps } from '../http-policy.ts'

export const LANGUAGE_COOKIE = 'shinkumi_linkage_lang'
const ONE_YEAR_SECONDS = 365 * 24 * 3600
/** The pages the language link may return to: the flow, the footer pages and the authorization entry. */
const RETURN_PATHS = new Set(['/linkage', '/linkage/faq', '/linkage/terms', '/oauth/authorize'])

const isLang = (value: unknown): value is Lang => LANGS.includes(value as Lang)

/** The first of our languages in the header's order of preference (q-values); Japanese when none is named. */
export function preferredLanguage(acceptLanguage: string | undefined): Lang {
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      return { primary: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.slice(2)) : 1, index }
    })
    .filter((r) => r.q > 0 && !Number.isNaN(r.q))
    .sort((a, b) => b.q - a.q || a.index - b.index)
  return ranges.map((r) => r.primary).find(isLang) ?? 'ja'
}

export function languageOf(request: FastifyRequest): Lang {
  // Optional: the rate limiter answers before the linkage area's cookie parser has run (Accept-Language then decides).
  const chosen = request.cookies?.[LANGUAGE_COOKIE]
  return isLang(chosen) ? chosen : preferredLanguage(request.headers['accept-language'])
}

export function messagesOf(request: FastifyRequest): Messages {
  return messagesByLang[languageOf(request)]
}

/** Where the language link of a page goes: the switch, then back to `here` (a path of ours). */
export function languageLink(to: Lang, here: string): string {
  return `/linkage/language?${new URLSearchParams({ lang: to, next: here })}`
}

/** A path of ours to return to, or /linkage: never another origin (no open redirect). */
function safeReturn(next: string | undefined): string {
  if (!next) return '/linkage'
  const base = 'http://linkage.invalid'
  const url = new URL(next, base)
  return url.origin === base && RETURN_PATHS.has(url.pathname) ? url.pathname + url.search : '/linkage'
}

const SwitchQuery = z.object({ lang: z.enum(LANGS as [Lang, ...Lang[]]), next: z.string().max(4096).optional() })

export function languageRoute(app: FastifyInstance): void {
  app.get('/linkage/language', { schema: { hide: true } }, async (request: FastifyRequest, reply: FastifyReply) => {
    const query = SwitchQuery.safeParse(request.query)
    if (!query.success) return reply.redirect('/linkage', 303)
    reply.setCookie(LANGUAGE_COOKIE, query.data.lang, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: servedOverHttps(request.server.deps.config),
      maxAge: ONE_YEAR_SECONDS,
    })
    return reply.redirect(safeReturn(query.data.next), 303)
  })
}
