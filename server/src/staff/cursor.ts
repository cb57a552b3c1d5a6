// Keyset cursors for the staff lists (SCALE-01): the sort key of the last row shown, as base64url JSON. A page
// continues strictly after that key through the list's index, so page 1,000 costs what page 1 costs, and rows
// added meanwhile neither shift nor repeat what follows. A cursor is not a secret; one that does not decode to
// the list's key shape is a BAD_REQUEST.
import { z } from 'zod'
import { Refusal } from '../refusal.ts'

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

export function decodeCursor<S extends z.ZodType>(shape: S, cursor: string | undefined): z.output<S> | undefined {
  if (cursor === undefined) return undefined
  let json: unknown
  try {
    json = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw new Refusal('BAD_REQUEST', 'the cursor does not decode')
  }
  const key = shape.safeParse(json)
  if (!key.success) throw new Refusal('BAD_REQUEST', 'the cursor does not decode')
  return key.data
}

/** The page of `limit` rows out of `limit + 1` fetched, and the cursor after it when the extra row exists. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => readonly (string | number)[]): { rows: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { rows, nextCursor: null }
  const shown = rows.slice(0, limit)
  return { rows: shown, nextCursor: encodeCursor(keyOf(shown.at(-1)!)) }
}
