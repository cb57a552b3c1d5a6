// PostgreSQL parses and plans every unnamed statement afresh; on the verify path that was most of the database's
// CPU per request (issue 12). Giving each statement a name derived from its text makes pg prepare it once per
// connection and reuse the parse — and, after a few runs, a generic plan. Only statements that name their
// columns are prepared: a prepared `select *` fails ("cached plan must not change result type") once another
// instance's migration adds a column, which a rolling deployment does.
import { createHash } from 'node:crypto'
import type pg from 'pg'

/** A bound per connection, so that statements with literals inlined cannot grow the server's memory forever. */
const MAX_PREPARED = 500
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i

export function prepareNamedStatements(client: pg.PoolClient): void {
  const names = new Map<string, string>()
  const query = client.query.bind(client) as (config: unknown, values?: unknown) => Promise<unknown>
  const named = (text: string, values: unknown, more: unknown[]) => {
    if (more.length > 0 || !Array.isArray(values) || !PREPARABLE.test(text) || text.includes('*')) return undefined
    let name = names.get(text)
    if (!name) {
      if (names.size >= MAX_PREPARED) return undefined
      name = `s${createHash('sha1').update(text).digest('hex').slice(0, 20)}`
      names.set(text, name)
    }
    return query({ name, text, values })
  }
  Object.assign(client, {
    query: (config: unknown, values?: unknown, ...more: unknown[]) => (typeof config === 'string' && named(config, values, more)) || query(config, values, ...(more as [])),
  })
}
