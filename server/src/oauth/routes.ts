// SVC-07: the token and revocation endpoints (RFC 6749 §3.2, RFC 7009). Form-encoded bodies, client_secret_basic,
// errors as RFC 6749 §5.2 JSON. The authorization endpoint is the entry of the linkage pages (linkage/routes.ts).
import type { FastifyInstance, FastifyReply } from 'fastify'
import formbody from '@fastify/formbody'
import { z } from 'zod'
import { authenticateClient } from './clients.ts'
import { exchangeCode, refreshTokens, revokeToken } from './grants.ts'

const TokenBody = z.discriminatedUnion('grant_type', [
  z.object({ grant_type: z.literal('authorization_code'), code: z.string().max(256), redirect_uri: z.string().max(512).optional(), code_verifier: z.string().max(128).optional() }),
  z.object({ grant_type: z.literal('refresh_token'), refresh_token: z.string().max(256), scope: z.string().max(256).optional() }),
])
const RevokeBody = z.object({ token: z.string().max(256), token_type_hint: z.string().max(32).optional() })

function oauthError(reply: FastifyReply, status: number, error: string, description?: string) {
  if (status === 401) reply.header('WWW-Authenticate', 'Basic realm="oauth"')
  return reply.status(status).send({ error, ...(description ? { error_description: description } : {}) })
}

export async function oauthRoutes(app: FastifyInstance): Promise<void> {
  await app.register(formbody)
  const { db, clock } = app.deps

  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store')
    reply.header('Pragma', 'no-cache')
  })

  app.post('/oauth/token', { schema: { hide: true } }, async (request, reply) => {
    const client = await authenticateClient(db, request.headers.authorization)
    if (!client) return oauthError(reply, 401, 'invalid_client')
    const grantType = (request.body as { grant_type?: unknown } | undefined)?.grant_type
    if (typeof grantType === 'string' && grantType !== 'authorization_code' && grantType !== 'refresh_token') {
      return oauthError(reply, 400, 'unsupported_grant_type')
    }
    const body = TokenBody.safeParse(request.body)
    if (!body.success) return oauthError(reply, 400, 'invalid_request', 'missing or malformed parameters')
    const input = body.data
    const result =
      input.grant_type === 'authorization_code'
        ? await exchangeCode(db, { clientId: client.clientId, code: input.code, redirectUri: input.redirect_uri, codeVerifier: input.code_verifier }, clock.now())
        : await refreshTokens(db, { clientId: client.clientId, refreshToken: input.refresh_token }, clock.now())
    if (result === 'invalid_grant') return oauthError(reply, 400, 'invalid_grant')
    return reply.send(result)
  })

  app.post('/oauth/revoke', { schema: { hide: true } }, async (request, reply) => {
    const client = await authenticateClient(db, request.headers.authorization)
    if (!client) return oauthError(reply, 401, 'invalid_client')
    const body = RevokeBody.safeParse(request.body)
    if (!body.success) return oauthError(reply, 400, 'invalid_request', 'token is required')
    await revokeToken(db, client.clientId, body.data.token, clock.now())
    return reply.status(200).send({})
  })
}
