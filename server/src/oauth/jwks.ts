// A client's public JWK Set for private_key_jwt (RFC 7523), checked when it is registered: public keys of the
// algorithms FAPI 2.0 allows, never a private part.
import { z } from 'zod'

/** FAPI 2.0 Security Profile §5.4: PS256, ES256 and EdDSA (Ed25519). Also what DPoP proofs may use. */
export const SIGNING_ALGS = ['ES256', 'PS256', 'EdDSA'] as const

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k']

const PublicJwk = z
  .object({ kty: z.enum(['EC', 'RSA', 'OKP']), kid: z.string().max(128).optional(), alg: z.enum(SIGNING_ALGS).optional(), use: z.literal('sig').optional() })
  .passthrough()
  .refine((jwk) => PRIVATE_MEMBERS.every((m) => !(m in jwk)), 'a JWK Set for registration holds public keys only')

const Jwks = z.object({ keys: z.array(PublicJwk).min(1).max(10) })
export type PublicJwks = { keys: Record<string, unknown>[] }

export function parsePublicJwks(input: unknown): PublicJwks {
  const parsed = Jwks.safeParse(input)
  if (!parsed.success) throw new Error(`not a public JWK Set: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
  return parsed.data as PublicJwks
}
