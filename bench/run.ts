// `npm run bench` (SPEC §5, issue 12): one JSON document on stdout, a short table on stderr. For SQLite and — when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set — PostgreSQL: the verify paths (accept, mismatch, replayed)
// against the same service's no-op route and a minimal reference server, with the CPU each answer cost the server
// and (on a PostgreSQL of this host) PostgreSQL, the staff queries and the verify path
// at scale (customers bulk-loaded by SQL, ~1 % locked), the linkage's first steps at 200 concurrent flows; then
// the desktop app's first screen (bytes, first paint against a bare Mantine page) and its vault unlock.
// `--quick` runs the same set smaller (40,000 customers, 3-second runs) in under two minutes on an idle machine.
// Ratios are the figures to compare across machines; absolute numbers describe this one at this moment.
import os from 'node:os'
import { databaseSuite, type SuiteOptions } from './database.ts'
import { desktopFigures } from './desktop.ts'

const quick = process.argv.includes('--quick')
const pgUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined

// 32 connections: each figure is the server's capacity, measured saturated. A verification is answered after the
// disk flush of its group commit; at 10 connections every request in flight waited for the same flush while the CPU
// stood idle, and accept measured the disk's latency (0.25 × no-op where 32 connections give about 0.5). The no-op
// route and the reference are saturated at either count.
const options: SuiteOptions = quick
  ? { customers: 40_000, armed: 40_000, seconds: 3, rounds: 3, connections: 32, staffSamples: 40, linkageFlows: 200 }
  : { customers: 1_000_000, armed: 200_000, seconds: 10, rounds: 5, connections: 32, staffSamples: 200, linkageFlows: 200 }

const started = Date.now()
const machine = { cpus: os.cpus().length, loadAverage1m: round(os.loadavg()[0]!), node: process.version }
const sqlite = await databaseSuite('sqlite', options)
const postgres = pgUrl ? await databaseSuite('postgres', options, pgUrl) : null
const desktop = await desktopFigures({ paintSamples: quick ? 7 : 15 })
const report = { quick, machine, sqlite, postgres, desktop, seconds: Math.round((Date.now() - started) / 1000) }

console.log(JSON.stringify(report, null, 2))
console.error(table(report))

function round(n: number) {
  return Number(n.toFixed(2))
}

function table(r: typeof report): string {
  const rows: [string, string, string][] = []
  for (const [name, suite] of [
    ['sqlite', r.sqlite],
    ['postgres', r.postgres],
  ] as const) {
    if (!suite) continue
    const v = suite.verify
    rows.push([name, 'verify accept / mismatch / replayed rps', `${v.accept.rps} / ${v.mismatch.rps} / ${v.replayed.rps}`])
    rows.push([name, 'noop / reference rps', `${suite.noop.rps} / ${suite.reference.rps}`])
    rows.push([name, 'accept ÷ noop, ÷ reference', `${suite.ratios.acceptToNoop}, ${suite.ratios.acceptToReference}`])
    const cpu = (figure: { cpuMs?: { user: number; system: number } }) => (figure.cpuMs ? `${figure.cpuMs.user} + ${figure.cpuMs.system}` : '–')
    rows.push([name, 'server CPU ms per answer (user + kernel): accept / reference / noop', `${cpu(v.accept)} / ${cpu(suite.reference)} / ${cpu(suite.noop)}`])
    if ('postgresCpuMs' in v.accept && 'postgresCpuMs' in suite.reference)
      rows.push([name, 'PostgreSQL CPU ms per accept, service / reference', `${v.accept.postgresCpuMs} / ${suite.reference.postgresCpuMs}`])
    rows.push([name, `staff search account / user p95 ms (${suite.customers})`, `${suite.scale.staffSearchAccount.p95Ms} / ${suite.scale.staffSearchUser.p95Ms}`])
    rows.push([name, 'locks first page p95 ms, bytes', `${suite.scale.locksFirstPage.p95Ms}, ${suite.scale.locksFirstPage.bytes}`])
    rows.push([name, 'linkage ① / ② p95 ms (200 flows)', `${suite.linkage.authorize.p95Ms} / ${suite.linkage.account.p95Ms}`])
  }
  for (const [name, screen] of Object.entries(r.desktop.firstScreens)) {
    rows.push(['desktop', `first screen (${name}) JS / CSS gzip bytes, staff files`, `${screen.jsGzipBytes} / ${screen.cssGzipBytes}, ${screen.staffFiles}`])
  }
  rows.push(['desktop', 'bare Mantine page JS / CSS gzip bytes', `${r.desktop.bareMantine.jsGzipBytes} / ${r.desktop.bareMantine.cssGzipBytes}`])
  if (r.desktop.firstContentfulPaint)
    rows.push(['desktop', 'first paint app / bare Mantine ms', `${r.desktop.firstContentfulPaint.appMs} / ${r.desktop.firstContentfulPaint.bareMantineMs}`])
  rows.push(['desktop', 'vault unlock ms', String(r.desktop.vaultUnlockMs)])
  const width = Math.max(...rows.map((row) => row[1].length))
  return rows.map(([a, b, c]) => `${a.padEnd(9)} ${b.padEnd(width)}  ${c}`).join('\n')
}
