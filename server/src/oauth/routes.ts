// SVC-07, OAUTH-01…05: the metadata, pushed-authorization, token and revocation endpoints (RFC 8414, 9126, 6749
// §3.2, 7009). Form-encoded bodies; client_secret_basic or private_key_jwt by client; DPoP-bound tokens; errors
// as RFC 6749 §5.2 JSON. The authorization endpoint is the entry of the linkage pages (linkage/authorize.ts).
// Body schemas document the forms in OpenAPI; the handlers parse them themselves (attachValidation), because a
// refusal here must be the protocol's error, not the API's.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import formbody from '@fastify/formbody'
import { z } from 'zod'
import { AuthorizationParameters } from './authorization-parameters.ts'
import { checkParameters } from './authorize-request.ts'
import { authenticateClient, JWT_BEARER } from './client-auth.ts'
import { checkDpopProof, DpopNonces } from './dpop.ts'
import { exchangeCode, refreshTokens, revokeToken } from './grants.ts'
import { authorizationServerMetadata, AuthorizationServerMetadata, OAUTH_PATHS } from './metadata.ts'
import { storePushedRequest } from './pushed-requests.ts'
import { OAuthErrorBody as OAuthError } from './error-body.ts'
import { answerErrorsAs } from '../errors.ts'

const TokenBody = z.discriminatedUnion('grant_type', [
  z.object({ grant_type: z.literal('authorization_code'), code: z.string().max(256), redirect_uri: z.string().max(512).optional(), code_verifier: z.string().max(128).optional() }),
  z.object({ grant_type: z.literal('refresh_token'), refresh_token: z.string().max(256), scope: z.string().max(256).optional() }),
])
const RevokeBody = z.object({ token: z.string().max(256), token_type_hint: z.string().max(32).optional() })

const ClientAssertion = z.object({
  client_id: z.string().max(64).optional().describe('Required with private_key_jwt when the assertion does not name the client'),
  client_assertion_type: z.literal(JWT_BEARER).optional().describe('private_key_jwt (RFC 7523): the assertion type'),
  client_assertion: z.string().max(8192).optional().describe('private_key_jwt: a JWT signed with a registered key, aud = the issuer, at most 60 s of life, jti used once'),
})
const TokenResponse = z.object({
  access_token: z.string(),
  token_type: z.enum(['Bearer', 'DPoP']),
  expires_in: z.number().int(),
  refresh_token: z.string().optional().describe('Absent when a DPoP-bound refresh token was used: it stays valid'),
  scope: z.string(),
})
const form = ['application/x-www-form-urlencoded']
const clientSecurity: Record<string, string[]>[] = [{ clientSecretBasic: [] }, { privateKeyJwt: [] }]

function oauthError(reply: FastifyReply, status: number, error: string, description?: string) {
  if (status === 401) reply.header('WWW-Authenticate', 'Basic realm="oauth"')
  return reply.status(status).send({ error, ...(description ? { error_description: description } : {}) })
}

/** invalid_client without the reason (it would help whoever is guessing); the log keeps it. */
function refuseClient(request: FastifyRequest, reply: FastifyReply, reason: string) {
  request.log.info({ reason }, 'client authentication refused')
  return oauthError(reply, 401, 'invalid_client')
}

export async function oauthRoutes(app: FastifyInstance): Promise<void> {
  answerErrorsAs(app, 'oauth')
  await app.register(formbody)
  const { db, clock, config, seedKey } = app.deps
  const nonces = new DpopNonces(seedKey)
  const issuer = () => config.publicUrl

  app.addHook('onSend', async (_request, reply) => {
    reply.header('Cache-Control', 'no-store')
    reply.header('Pragma', 'no-cache')
  })

  app.get(
    OAUTH_PATHS.metadata,
    {
      schema: {
        operationId: 'getAuthorizationServerMetadata',
        security: [],
        summary: 'OAuth 2.0 authorization server metadata (RFC 8414)',
        tags: ['oauth'],
        response: { 200: AuthorizationServerMetadata },
      },
    },
    async () => authorizationServerMetadata(issuer()),
  )

  app.post(
    OAUTH_PATHS.par,
    {
      attachValidation: true,
      schema: {
        operationId: 'pushAuthorizationRequest',
        summary: 'Push the parameters of an authorization request (RFC 9126); required for FAPI clients',
        tags: ['oauth'],
        consumes: form,
        security: clientSecurity,
        body: AuthorizationParameters.extend({
          ...ClientAssertion.shape,
          request_uri: z.string().max(512).optional().describe('Refused: a request_uri cannot be pushed (RFC 9126 §2.1)'),
        }),
        response: { 201: z.object({ request_uri: z.string(), expires_in: z.number().int() }), 400: OAuthError, 401: OAuthError },
      },
    },
    async (request, reply) => {
      const now = clock.now()
      const auth = await authenticateClient(db, { authorization: request.headers.authorization, body: request.body }, issuer(), now)
      if (!auth.ok) return refuseClient(request, reply, auth.description)
      if ((request.body as Record<string, unknown> | undefined)?.request_uri !== undefined) return oauthError(reply, 400, 'invalid_request', 'request_uri cannot be pushed')
      const parameters = AuthorizationParameters.safeParse(request.body)
      if (!parameters.success) return oauthError(reply, 400, 'invalid_request', 'missing or malformed parameters')
      const check = checkParameters(auth.client, parameters.data, true)
      if (!check.ok) return oauthError(reply, 400, check.error, check.description)
      return reply.status(201).send(await storePushedRequest(db, auth.client.clientId, parameters.data, now))
    },
  )

  app.post(
    OAUTH_PATHS.token,
    {
      attachValidation: true,
      schema: {
        operationId: 'requestToken',
        summary: 'Exchange an authorization code or a refresh token for tokens (DPoP-bound when a DPoP proof is sent)',
        tags: ['oauth'],
        consumes: form,
        security: clientSecurity,
        headers: z.object({ dpop: z.string().optional().describe('DPoP proof (RFC 9449); required for FAPI clients') }),
        body: z.object({
          grant_type: z.enum(['authorization_code', 'refresh_token']),
          code: z.string().max(256).optional(),
          redirect_uri: z.string().max(512).optional(),
          code_verifier: z.string().max(128).optional(),
          refresh_token: z.string().max(256).optional(),
          ...ClientAssertion.shape,
        }),
        response: { 200: TokenResponse, 400: OAuthError, 401: OAuthError },
      },
    },
    async (request, reply) => {
      const now = clock.now()
      reply.header('DPoP-Nonce', nonces.current(now))
      const auth = await authenticateClient(db, { authorization: request.headers.authorization, body: request.body }, issuer(), now)
      if (!auth.ok) return refuseClient(request, reply, auth.description)
      const { client } = auth
      const grantType = (request.body as { grant_type?: unknown } | undefined)?.grant_type
      if (typeof grantType === 'string' && grantType !== 'authorization_code' && grantType !== 'refresh_token') {
        return oauthError(reply, 400, 'unsupported_grant_type')
      }
      const body = TokenBody.safeParse(request.body)
      if (!body.success) return oauthError(reply, 400, 'invalid_request', 'missing or malformed parameters')
      let jkt: string | null = null
      if (request.headers.dpop !== undefined || client.fapi) {
        const proof = await checkDpopProof(db, nonces, request.headers.dpop, { method: 'POST', url: issuer() + OAUTH_PATHS.token }, now)
        if (!proof.ok) return oauthError(reply, 400, proof.error, proof.description)
        jkt = proof.jkt
      }
      const input = body.data
      const result =
        input.grant_type === 'authorization_code'
          ? await exchangeCode(db, { clientId: client.clientId, code: input.code, redirectUri: input.redirect_uri, codeVerifier: input.code_verifier, jkt }, now)
          : await refreshTokens(db, { clientId: client.clientId, refreshToken: input.refresh_token, jkt }, now)
      if (result === 'invalid_grant') return oauthError(reply, 400, 'invalid_grant')
      return reply.send(result)
    },
  )

  app.post(
    OAUTH_PATHS.revoke,
    {
      attachValidation: true,
      schema: {
        operationId: 'revokeToken',
        summary: 'Revoke an access token, or a refresh token with its whole grant (RFC 7009)',
        tags: ['oauth'],
        consumes: form,
        security: clientSecurity,
        body: RevokeBody.extend(ClientAssertion.shape),
        response: { 200: z.object({}), 400: OAuthError, 401: OAuthError },
      },
    },
    async (request, reply) => {
      const auth = await authenticateClient(db, { authorization: request.headers.authorization, body: request.body }, issuer(), clock.now())
      if (!auth.ok) return refuseClient(request, reply, auth.description)
      const body = RevokeBody.safeParse(request.body)
      if (!body.success) return oauthError(reply, 400, 'invalid_request', 'token is required')
      await revokeToken(db, auth.client.clientId, body.data.token, clock.now())
      return reply.status(200).send({})
    },
  )
}
