// The parameters of an authorization request we act on, as they arrive in a query or a pushed request: each at
// most once and of bounded length (a repeated parameter is an array and fails here).
import { z } from 'zod'

const single = z.string().max(512).optional()
export const AuthorizationParameters = z.object({
  client_id: single,
  redirect_uri: single,
  response_type: single,
  state: single,
  scope: single,
  code_challenge: single,
  code_challenge_method: single,
})
export type AuthorizationParameters = z.infer<typeof AuthorizationParameters>
