// Many requests' rows as one table, for the statements that serve a group of requests at once: the verify path's
// grouped writes (group-commit.ts) and its grouped token lookup (otp/verify.ts).
import { PostgresAdapter, sql, type AliasedRawBuilder } from 'kysely'
import type { Db } from './index.ts'

type ColumnType = 'text' | 'bigint'
type RowOf<C extends Record<string, ColumnType>> = { [K in keyof C]: C[K] extends 'text' ? string : number }

/**
 * A group's rows as the table `v` of a SELECT … JOIN or an UPDATE … FROM. They travel as one parameter, a JSON
 * array of objects — read by PostgreSQL's json_to_recordset and SQLite's json_each — so the statement's text, and
 * its prepared plan, are the same for a group of any size.
 */
export function groupRows<C extends Record<string, ColumnType>>(db: Db, json: unknown, columns: C): AliasedRawBuilder<RowOf<C>, 'v'> {
  const names = Object.keys(columns)
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const definitions = sql.join(names.map((name) => sql`${sql.id(name)} ${sql.raw(columns[name]!)}`))
    return sql<RowOf<C>>`(select ${sql.join(names.map((name) => sql.ref(`r.${name}`)))} from json_to_recordset(cast(${json} as json)) as r(${definitions}))`.as('v')
  }
  return sql<RowOf<C>>`(select ${sql.join(names.map((name) => sql`value ->> ${sql.lit(name)} as ${sql.id(name)}`))} from json_each(${json}))`.as('v')
}
