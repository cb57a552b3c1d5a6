// Table types for Kysely. Times are epoch milliseconds (integer on SQLite, bigint on PostgreSQL, parsed back to
// number), flags are 0/1: one representation that both databases compare and index the same way.
import type { StaffDatabase } from './schema-staff.ts'

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
  /** The last counted failure (0004_staff): when the OTP lock was reached, once failures hit the limit. */
  failed_at: number | null
  /** 取引認証開始 (0003_devices): 'pending' from setup on a service offering 取引確認 until the device enrols. */
  transaction_enrolment: TransactionEnrolment
}

export interface RelyingPartiesTable {
  id: string
  name: string
  key_hash: string
  created_at: number
}

/** SEC-04: the services a relying party's key may verify codes and create transactions for. */
export interface RelyingPartyServicesTable {
  relying_party_id: string
  service_id: string
}

export interface Database extends StaffDatabase {
  services: ServicesTable
  otp_users: OtpUsersTable
  activations: ActivationsTable
  tokens: TokensTable
  relying_parties: RelyingPartiesTable
  relying_party_services: RelyingPartyServicesTable
  bank_customers: BankCustomersTable
  bank_accounts: BankAccountsTable
  cash_cards: CashCardsTable
  bank_transactions: BankTransactionsTable
  linkage_locks: LinkageLocksTable
  linkage_flows: LinkageFlowsTable
  linkage_maintenance: LinkageMaintenanceTable
  telephony_calls: TelephonyCallsTable
  oauth_clients: OAuthClientsTable
  oauth_grants: OAuthGrantsTable
  oauth_codes: OAuthCodesTable
  oauth_tokens: OAuthTokensTable
  oauth_used_jtis: OAuthUsedJtisTable
  oauth_pushed_requests: OAuthPushedRequestsTable
  device_nonces: DeviceNoncesTable
  transaction_confirmations: TransactionConfirmationsTable
}

// API linkage (0002_linkage): core-banking data, linkage flows and lock, telephony, OAuth.

export type AccountType = 'ordinary' | 'savings'

export interface BankCustomersTable {
  customer_id: string
  /** Half-width katakana, words separated by one half-width space. */
  name_kana: string
  birth_date: string
  phone: string
  created_at: number
}

export interface BankAccountsTable {
  account_id: string
  customer_id: string
  branch: string
  type: AccountType
  account_number: string
  status: 'active' | 'moved' | 'closed'
  moved_to: string | null
  balance: number
  created_at: number
}

export interface CashCardsTable {
  card_id: string
  account_id: string
  pin_hash: string
  status: 'active' | 'revoked'
  created_at: number
}

export interface BankTransactionsTable {
  transaction_id: string
  account_id: string
  booked_on: string
  seq: number
  amount: number
  balance_after: number
  description: string
}

export interface LinkageLocksTable {
  account_id: string
  failures: number
  locked_at: number | null
  locked_until: number | null
  updated_at: number
}

export type FlowStep = 'account' | 'customer' | 'phone' | 'call' | 'pin' | 'consent' | 'done' | 'aborted' | 'refused'

export interface LinkageFlowsTable {
  flow_id: string
  session_hash: string
  csrf_token: string
  step: FlowStep
  client_id: string
  redirect_uri: string
  state: string | null
  scope: string
  code_challenge: string
  branch: string | null
  account_type: AccountType | null
  account_number: string | null
  account_id: string | null
  name_kana: string | null
  phone: string | null
  email: string | null
  call_to: string | null
  call_started_at: number | null
  call_verified_at: number | null
  created_at: number
  updated_at: number
  expires_at: number
  /** The address the authorization request came from (SEC-02: flows are capped per address); null before 0005. */
  source_address: string | null
}

export interface LinkageMaintenanceTable {
  id: string
  starts_at: number
  ends_at: number
  reason: string
  created_by: string
  created_at: number
}

export interface TelephonyCallsTable {
  call_id: string
  from_number: string
  to_number: string
  called_at: string
  received_at: number
  verified_flow_id: string | null
}

export type ClientAuthMethod = 'client_secret_basic' | 'private_key_jwt'

export interface OAuthClientsTable {
  client_id: string
  name: string
  /** `sha256$<hex>` (or `scrypt$…` until first use after 0005); empty for a private_key_jwt client. */
  secret_hash: string
  auth_method: ClientAuthMethod
  jwks: string | null
  fapi: number
  redirect_uris: string
  scope: string
  status: 'active' | 'suspended'
  created_at: number
}

export interface OAuthGrantsTable {
  grant_id: string
  client_id: string
  account_id: string
  scope: string
  email: string | null
  created_at: number
  expires_at: number
  revoked_at: number | null
  revoked_by: string | null
}

export interface OAuthCodesTable {
  code_hash: string
  grant_id: string
  client_id: string
  redirect_uri: string
  code_challenge: string
  expires_at: number
  used_at: number | null
  created_at: number
}

export interface OAuthTokensTable {
  token_hash: string
  grant_id: string
  kind: 'access' | 'refresh'
  expires_at: number
  revoked_at: number | null
  created_at: number
  jkt: string | null
}

export interface OAuthUsedJtisTable {
  kind: 'client_assertion' | 'dpop'
  owner: string
  jti: string
  expires_at: number
}

export interface OAuthPushedRequestsTable {
  request_uri_hash: string
  client_id: string
  parameters: string
  created_at: number
  expires_at: number
  used_at: number | null
}

// Device-signed requests and transaction confirmation (0003_devices).

export type TransactionEnrolment = 'none' | 'pending' | 'enrolled'

export interface DeviceNoncesTable {
  token_id: string
  nonce: string
  /** The signed timestamp of the request that used the nonce. */
  request_at: number
}

export interface TransactionConfirmationsTable {
  id: string
  token_id: string
  relying_party_id: string
  /** TransactionDetails as JSON. */
  details: string
  content_sha256: string
  /** Never 'expired': that is a pending row whose expires_at has passed. */
  status: 'pending' | 'approved' | 'rejected'
  created_at: number
  expires_at: number
  decided_at: number | null
  decision_signature: string | null
  decision_timestamp: string | null
  decision_nonce: string | null
  decision_body: string | null
}
