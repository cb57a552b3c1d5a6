// Service tests and end-to-end tests make far more requests from one loopback address than a person could, and
// fire dozens of password checks at once to prove counters atomic; they start the service with these limits so
// that no test but the limits' own (SEC-01, SEC-02, SEC-03: real defaults or small limits of their own) meets a 429,
// a per-address or per-client linkage cap or a full hashing queue.
const GENEROUS = '1000000'

export const GENEROUS_LIMITS: Record<string, string> = {
  RATE_LIMIT_LINKAGE: GENEROUS,
  RATE_LIMIT_OAUTH: GENEROUS,
  RATE_LIMIT_PROVISIONING: GENEROUS,
  RATE_LIMIT_STAFF_SIGN_IN: GENEROUS,
  RATE_LIMIT_TELEPHONY: GENEROUS,
  RATE_LIMIT_RELYING_PARTY: GENEROUS,
  RATE_LIMIT_OTHER: GENEROUS,
  HASH_QUEUE_LIMIT: GENEROUS,
  // Every linkage flow of a test run comes from 127.0.0.1 for the demo client (the caps' own test sets small ones).
  LINKAGE_MAX_FLOWS_PER_ADDRESS: GENEROUS,
  LINKAGE_MAX_FLOWS_PER_CLIENT: GENEROUS,
}
