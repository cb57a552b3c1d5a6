// OAUTH-01: RFC 8414 authorization server metadata, so client libraries configure themselves from the issuer.
// PAR is required per client (the client metadata `require_pushed_authorization_requests` of RFC 9126 §6): FAPI
// clients must push, the bank's older clients may still send plain requests — so the server-wide flag is false.
import { z } from 'zod'
import { SIGNING_ALGS } from './jwks.ts'

export const OAUTH_PATHS = {
  metadata: '/.well-known/oauth-authorization-server',
  authorize: '/oauth/authorize',
  par: '/oauth/par',
  token: '/oauth/token',
  revoke: '/oauth/revoke',
} as const

export const AUTH_METHODS = ['private_key_jwt', 'client_secret_basic'] as const

export const AuthorizationServerMetadata = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string(),
  pushed_authorization_request_endpoint: z.string(),
  require_pushed_authorization_requests: z.boolean(),
  token_endpoint: z.string(),
  revocation_endpoint: z.string(),
  response_types_supported: z.array(z.string()),
  response_modes_supported: z.array(z.string()),
  grant_types_supported: z.array(z.string()),
  scopes_supported: z.array(z.string()),
  code_challenge_methods_supported: z.array(z.string()),
  token_endpoint_auth_methods_supported: z.array(z.string()),
  token_endpoint_auth_signing_alg_values_supported: z.array(z.string()),
  revocation_endpoint_auth_methods_supported: z.array(z.string()),
  revocation_endpoint_auth_signing_alg_values_supported: z.array(z.string()),
  dpop_signing_alg_values_supported: z.array(z.string()),
  authorization_response_iss_parameter_supported: z.boolean(),
})

export function authorizationServerMetadata(issuer: string): z.infer<typeof AuthorizationServerMetadata> {
  return {
    issuer,
    authorization_endpoint: issuer + OAUTH_PATHS.authorize,
    pushed_authorization_request_endpoint: issuer + OAUTH_PATHS.par,
    require_pushed_authorization_requests: false,
    token_endpoint: issuer + OAUTH_PATHS.token,
    revocation_endpoint: issuer + OAUTH_PATHS.revoke,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    scopes_supported: ['accounts'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: [...AUTH_METHODS],
    token_endpoint_auth_signing_alg_values_supported: [...SIGNING_ALGS],
    revocation_endpoint_auth_methods_supported: [...AUTH_METHODS],
    revocation_endpoint_auth_signing_alg_values_supported: [...SIGNING_ALGS],
    dpop_signing_alg_values_supported: [...SIGNING_ALGS],
    authorization_response_iss_parameter_supported: true,
  }
}
