// Statements built and compiled once per database handle (issue 12). Kysely builds an operation tree and compiles
// it to SQL on every call; /v1/otp/verify — every login of every customer — need not pay that. A precompiled
// statement is written with the same builder, once, with named arguments standing in for values; each call only
// swaps the values into the compiled parameters. The SQL text is therefore identical on every call, which also
// lets SQLite's statement cache (statement-cache.ts) and PostgreSQL's named statements (prepared.ts) reuse their
// plans.
import { CompiledQuery, type Compilable } from 'kysely'
import type { Db } from './index.ts'

/** Stands in for a named argument while the statement is built; the compiled parameters keep it by identity. */
class Argument {
  readonly name: string
  constructor(name: string) {
    this.name = name
  }
}

type Arg<A> = <K extends keyof A & string>(name: K) => A[K]

export function precompiled<A extends Record<string, unknown>, Row>(build: (db: Db, arg: Arg<A>) => Compilable<Row>): (db: Db, args: A) => Promise<Row[]> {
  // Keyed by the dialect's adapter, which a database handle shares with its transactions: the SQL is the same.
  const compiled = new WeakMap<object, CompiledQuery<Row>>()
  const arg: Arg<A> = (name) => new Argument(name) as A[typeof name]
  return async (db, args) => {
    const adapter = db.getExecutor().adapter
    let query = compiled.get(adapter)
    if (!query) {
      query = build(db, arg).compile()
      compiled.set(adapter, query)
    }
    const parameters = query.parameters.map((p) => (p instanceof Argument ? args[p.name] : p))
    return (await db.executeQuery(CompiledQuery.raw(query.sql, parameters) as CompiledQuery<Row>)).rows
  }
}
