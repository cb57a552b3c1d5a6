// Table types for Kysely. Times are epoch milliseconds (integer on SQLite, bigint on PostgreSQL, parsed back to
// number), flags are 0/1: one representation that both databases compare and index the same way.

export interface ServicesTable {
  service_id: string
  name: string
  logo_url: string | null
  link_url: string | null
  totp_algorithm: 'SHA1' | 'SHA256' | 'SHA512'
  totp_digits: number
  totp_period: number
  offers_transactions: number
  created_at: number
}

/** A customer of an OTP service (サービスID + ユーザID). */
export interface OtpUsersTable {
  service_id: string
  user_id: string
  status: 'active' | 'suspended'
  created_at: number
}

/** The current activation password (利用開始パスワード) of a user: stored as a scrypt hash only. */
export interface ActivationsTable {
  id: string
  service_id: string
  user_id: string
  password_hash: string
  expires_at: number
  failures: number
  locked_at: number | null
  used_at: number | null
  created_at: number
}

export interface TokensTable {
  token_id: string
  service_id: string
  user_id: string
  serial_number: string
  /** AES-256-GCM: base64url(iv | ciphertext | tag), under the service's seed key. */
  seed_ciphertext: string
  device_public_key: string
  algorithm: 'SHA1' | 'SHA256' | 'SHA512'
  digits: number
  period: number
  expires_at: number
  /** Server-side clock correction in time steps (OTP-24). */
  correction_steps: number
  /** Last accepted time step: every code at or before it is a replay (RFC 6238 §5.2). */
  last_step: number
  failures: number
  status: 'active' | 'revoked'
  created_at: number
}

export interface RelyingPartiesTable {
  id: string
  name: string
  key_hash: string
  created_at: number
}

export interface Database {
  services: ServicesTable
  otp_users: OtpUsersTable
  activations: ActivationsTable
  tokens: TokensTable
  relying_parties: RelyingPartiesTable
}
