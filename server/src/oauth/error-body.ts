// The one error body of the OAuth endpoints and of the account API they protect (RFC 6749 §5.2, RFC 6750 §3):
// what OAuth client libraries already parse. Registered by id, so the OpenAPI document shows it once.
import { z } from 'zod'

export const OAuthErrorBody = z
  .object({ error: z.string().describe('An RFC 6749 / 6750 / 9449 error code, or one of the account API (invalid_date, range_too_old …)'), error_description: z.string().optional() })
  .meta({ id: 'OAuthError', description: 'Error of the OAuth endpoints and the account API' })
