// `demo` (SPEC SVC-03): loads the documented demo data set, part by part. Each area of the service contributes
// one part — a function that writes its rows idempotently and returns its share of the JSON document.
import type { Deps } from '../deps.ts'
import type { Command } from './command.ts'
import type { DemoCustomer, DemoOutput, DemoPart } from './demo-part.ts'
import { otpDemo } from './demo-otp.ts'
import { linkageDemoPart } from './linkage-commands.ts'
import { staffDemoPart } from './demo-staff.ts'

/** Every area's demo part, in loading order. Another area adds its part here (one line). */
export const DEMO_PARTS: DemoPart[] = [otpDemo, linkageDemoPart, staffDemoPart]

export async function loadDemo(deps: Deps, parts: DemoPart[] = DEMO_PARTS): Promise<DemoOutput> {
  let output: DemoOutput = {}
  for (const part of parts) output = mergeDemo(output, await part.load(deps, output))
  return output
}

/** Arrays are concatenated (customers merged by serviceId + userId); any other value is taken from `part`. */
export function mergeDemo(base: DemoOutput, part: DemoOutput): DemoOutput {
  const merged: DemoOutput = { ...base }
  for (const [section, value] of Object.entries(part)) {
    const existing = merged[section]
    if (section === 'customers' && Array.isArray(existing)) merged.customers = mergeCustomers(existing, part.customers ?? [])
    else merged[section] = Array.isArray(existing) && Array.isArray(value) ? [...existing, ...value] : value
  }
  return merged
}

function mergeCustomers(base: DemoCustomer[], added: DemoCustomer[]): DemoCustomer[] {
  const key = (c: DemoCustomer) => (c.serviceId && c.userId ? `${c.serviceId}/${c.userId}` : null)
  const merged = base.map((c) => ({ ...c }))
  for (const customer of added) {
    const same = key(customer) && merged.find((c) => key(c) === key(customer))
    if (same) Object.assign(same, customer)
    else merged.push(customer)
  }
  return merged
}

/** The readable summary: one block per section, one line per entry. */
export function describeDemo(output: DemoOutput): string {
  const lines = ['Demo data loaded.']
  for (const [section, value] of Object.entries(output)) {
    if (Array.isArray(value)) lines.push(`${section}:`, ...value.map((entry) => `  - ${describeEntry(entry)}`))
    else lines.push(`${section}: ${describeEntry(value)}`)
  }
  return lines.join('\n')
}

function describeEntry(entry: unknown): string {
  if (entry === null || typeof entry !== 'object') return String(entry)
  return Object.entries(entry)
    .filter(([, v]) => v !== undefined && v !== null)
    .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(', ')
}

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo',
  summary: 'load the demo data set (idempotent)',
  options: {},
  async run(_values, deps) {
    // SEC-07: the demo set's credentials are published (two 管理者 among them); a production database never gets them.
    if (deps.config.production) throw new Error('demo is refused when NODE_ENV=production: the demo data set has published credentials')
    const output = await loadDemo(deps)
    return { json: output, text: describeDemo(output) }
  },
}
