// The shape of an admin command (`npm run admin -- <name> …`, SPEC SVC-03). Every command answers both ways:
// a readable text, and with --json one JSON document for scripts and tests.
import type { ParseArgsOptionsConfig } from 'node:util'
import type { z } from 'zod'
import type { Deps } from '../deps.ts'

export type OptionValues = Record<string, string | boolean | undefined>

export interface CommandOutput {
  json: unknown
  text: string
}

export interface Command {
  name: string
  /** The name and its options, as shown in the usage text. */
  usage: string
  /** What it does, in a few words. */
  summary: string
  options: ParseArgsOptionsConfig
  run(values: OptionValues, deps: Deps): Promise<CommandOutput>
}

/** Wrong use of the command line: told as a message with the usage, exit code 2, never a stack trace. */
export class UsageError extends Error {}

/** A string option that must be present and satisfy its rule. */
export function requiredOption<T>(values: OptionValues, name: string, rule: z.ZodType<T>): T {
  const value = values[name]
  if (typeof value !== 'string') throw new UsageError(`--${name} is required`)
  const parsed = rule.safeParse(value)
  if (!parsed.success) throw new UsageError(`--${name} ${JSON.stringify(value)} is not valid`)
  return parsed.data
}
