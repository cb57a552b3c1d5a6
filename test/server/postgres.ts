// One statement on its own PostgreSQL connection: creating and dropping the per-run schemas of the tests and the bench.
import pg from 'pg'

export async function onPostgres(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(statement)
  } finally {
    await client.end()
  }
}
