// The writer thread's side (sqlite-writer.ts): one connection to the service's SQLite file, running the statements
// it is sent one at a time, in order, and answering each after it has committed.
import { parentPort, workerData } from 'node:worker_threads'
import type SQLite from 'better-sqlite3'
import { openSqliteConnection } from './sqlite-connection.ts'
import type { WriterReply, WriterRequest } from './sqlite-writer.ts'

const sqlite = openSqliteConnection((workerData as { file: string }).file)
const statements = new Map<string, SQLite.Statement>()

function execute({ sql, parameters }: { sql: string; parameters: readonly unknown[] }): Omit<WriterReply & { ok: true }, 'id' | 'ok'> {
  let statement = statements.get(sql)
  if (!statement) statements.set(sql, (statement = sqlite.prepare(sql)))
  if (statement.reader) return { rows: statement.all(parameters) as unknown[] }
  const { changes } = statement.run(parameters)
  return { rows: [], changes }
}

parentPort!.on('message', (request: WriterRequest) => {
  if (request.close) {
    sqlite.close()
    process.exit(0)
  }
  let reply: WriterReply
  try {
    reply = { id: request.id, ok: true, ...execute(request) }
  } catch (error) {
    const { message, code } = error as { message: string; code?: string }
    reply = { id: request.id, ok: false, message, code }
  }
  parentPort!.postMessage(reply)
})
