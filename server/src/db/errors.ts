// Database errors that are outcomes, not faults, told apart the same way on SQLite and PostgreSQL.

/**
 * When `error` is a unique-constraint violation: what was violated — PostgreSQL's constraint or index name
 * (`tokens_serial_number_key`), or SQLite's column list (`tokens.serial_number`); otherwise null.
 */
export function uniqueViolation(error: unknown): string | null {
  const e = error as { code?: string; constraint?: string; message?: string }
  if (e?.code === '23505') return e.constraint ?? ''
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return e.message?.replace(/^UNIQUE constraint failed: /, '') ?? ''
  }
  return null
}
