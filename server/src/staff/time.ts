// Instants on the staff API are ISO-8601 strings (UTC); the database holds epoch milliseconds.
export const iso = (ms: number) => new Date(ms).toISOString()
export const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms))
