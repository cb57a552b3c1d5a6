// The OpenAPI document's frame (SVC-09): who may call what (security schemes), and the one error body of the
// API. Operations describe themselves in their route schemas; this file names what they refer to.
import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger'

export const openApiDocument: FastifyDynamicSwaggerOptions['openapi'] = {
  openapi: '3.0.3',
  info: {
    title: 'Shinkumi OTP authentication service',
    version: '0.1.0',
    description:
      'Provisioning and verification of one-time passwords, the API linkage (OAuth 2.0 / FAPI 2.0) for fintech apps and its account API, staff mode. ' +
      'Every refusal of the API has one body, `ApiError` `{ "code", "message", "correlationId"? }`: `code` is the contract (the seed\'s codes such as S0C1, or BAD_REQUEST, NOT_FOUND, RATE_LIMITED …), `message` is for developers, `correlationId` names the log line of an INTERNAL fault. ' +
      'The OAuth 2.0 endpoints and the account API they protect answer RFC 6749 §5.2 `{ "error", "error_description" }` instead (`OAuthError`), the shape OAuth client libraries parse.',
    license: { name: 'Proprietary', url: 'https://example.invalid/license' },
  },
  servers: [{ url: '/' }],
  components: {
    securitySchemes: {
      oauth2: {
        type: 'oauth2',
        description: 'API linkage (LNK-01): authorization code with PKCE S256; FAPI clients push the request (PAR) and use DPoP.',
        flows: {
          authorizationCode: {
            authorizationUrl: '/oauth/authorize',
            tokenUrl: '/oauth/token',
            refreshUrl: '/oauth/token',
            scopes: { accounts: 'accounts, balances and transactions of the linked account' },
          },
        },
      },
      dpop: { type: 'http', scheme: 'DPoP', description: 'A DPoP-bound access token (RFC 9449) with a `DPoP` proof header for this method and URL.' },
      clientSecretBasic: { type: 'http', scheme: 'basic', description: 'OAuth client authentication client_secret_basic (RFC 6749 §2.3.1).' },
      privateKeyJwt: {
        type: 'apiKey',
        in: 'query',
        name: 'client_assertion',
        description: 'OAuth client authentication private_key_jwt (RFC 7523): `client_assertion` and `client_assertion_type` in the form body.',
      },
      relyingParty: { type: 'http', scheme: 'bearer', description: 'A relying party (internet banking) key.' },
      staffSession: { type: 'http', scheme: 'bearer', bearerFormat: 'stf_…', description: 'A staff session token (STF-01).' },
    },
  },
}
