// `npm run admin -- <command> [options] [--json]` (SPEC SVC-03): desk work against the same database as the
// running service (DATABASE_URL, or the embedded default under ./data), migrated first.
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { openDeps } from '../deps.ts'
import { UsageError, type Command } from './command.ts'
import { demoCommand } from './demo.ts'
import { revokeDeviceCommand } from './device-commands.ts'
import { issueCommand, relyingPartyAddCommand } from './otp-commands.ts'
import { callCommand, clientAddCommand, linkageDemoCommand } from './linkage-commands.ts'
import { auditVerifyCommand, staffAddCommand } from './staff-commands.ts'

/** Every command. Another area adds its own here (one line). */
const COMMANDS: Command[] = [
  demoCommand,
  issueCommand,
  relyingPartyAddCommand,
  clientAddCommand,
  callCommand,
  linkageDemoCommand,
  staffAddCommand,
  auditVerifyCommand,
  revokeDeviceCommand,
]

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.usage.length))
  return ['usage: npm run admin -- <command> [options] [--json]', '', ...COMMANDS.map((c) => `  ${c.usage.padEnd(width)}  ${c.summary}`)].join('\n')
}

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv
  if (name === 'help' || name === '--help' || name === '-h') return void console.log(usage())
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) throw new UsageError(name ? `unknown command: ${name}` : 'no command given')
  const { values } = parseArgs({ args: rest, options: { ...command.options, json: { type: 'boolean' } }, strict: true })
  const deps = await openDeps(loadConfig())
  try {
    const output = await command.run(values, deps)
    console.log(values.json ? JSON.stringify(output.json, null, 2) : output.text)
  } finally {
    await deps.db.destroy()
  }
}

/** Node's parseArgs reports unknown options and missing values as TypeErrors with ERR_PARSE_ARGS_* codes. */
const isUsageError = (error: unknown) => error instanceof UsageError || String((error as { code?: unknown }).code ?? '').startsWith('ERR_PARSE_ARGS')

try {
  await main(process.argv.slice(2))
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  if (isUsageError(error)) {
    console.error(`admin: ${message}\n\n${usage()}`)
    process.exitCode = 2
  } else {
    console.error(`admin: ${message}`)
    process.exitCode = 1
  }
}
