// The API linkage pages (SPEC §2, seed 004) as one encapsulated plugin: the authorization entry, the six
// screens and the 中止 page, their assets and footer pages. Any fault shows the seed's system-error message
// with a reference for the log, never a stack trace (LNK-06).
import fs from 'node:fs'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import { createMailer } from '../mail/mailer.ts'
import { authorizeRoute } from './authorize.ts'
import { stepRoutes } from './steps.ts'
import { languageRoute, messagesOf } from './language.ts'
import { noticePage } from './pages/notice.ts'
import { faqPage, mailDomainOf, termsPage } from './pages/info.ts'
import { sendPage } from './respond.ts'
import { linkageRefusals } from '../metrics.ts'
import { answerErrorsAs, type Refused } from '../errors.ts'

const asset = (name: string) => fs.readFileSync(new URL(`./assets/${name}`, import.meta.url), 'utf8')

/** The page of a refusal the root error handler gives these pages: a fault is the seed's system error with a
 *  reference for the log; too many requests the 混雑 page; a form that does not parse (too big, not a form,
 *  control characters) is the customer's to redo, not our fault. */
function errorPage(request: FastifyRequest, reply: FastifyReply, refused: Refused): FastifyReply {
  const t = messagesOf(request)
  if (refused.code === 'INTERNAL') {
    linkageRefusals.inc({ message: 'systemError' })
    return sendPage(reply, noticePage(t, { lines: [t.systemError], reference: refused.correlationId }), { status: refused.status })
  }
  const busy = refused.code === 'BUSY' || refused.code === 'RATE_LIMITED'
  return sendPage(reply, noticePage(t, { lines: [busy ? t.busy : t.restart] }), { status: refused.status })
}

export async function linkageRoutes(app: FastifyInstance): Promise<void> {
  const { config } = app.deps
  await app.register(cookie)
  await app.register(formbody, { bodyLimit: 8 * 1024 })
  const mailer = createMailer({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, dataDir: config.dataDir })
  app.addHook('onClose', async () => mailer.close())
  answerErrorsAs(app, errorPage)

  const css = asset('linkage.css')
  const js = asset('linkage.js')
  const assetHeaders = { 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' }
  app.get('/linkage/assets/linkage.css', { schema: { hide: true } }, async (_request, reply) => reply.headers(assetHeaders).type('text/css; charset=utf-8').send(css))
  app.get('/linkage/assets/linkage.js', { schema: { hide: true } }, async (_request, reply) => reply.headers(assetHeaders).type('text/javascript; charset=utf-8').send(js))
  const mailDomain = mailDomainOf(config.mail.from)
  app.get('/linkage/faq', { schema: { hide: true } }, async (request, reply) => sendPage(reply, faqPage(messagesOf(request), mailDomain)))
  app.get('/linkage/terms', { schema: { hide: true } }, async (request, reply) => sendPage(reply, termsPage(messagesOf(request))))
  languageRoute(app)

  authorizeRoute(app)
  stepRoutes(app, mailer)
}
