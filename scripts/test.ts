// `npm test`: types, lint, formatting (prettier --check; `npm run format` fixes it), unit + component + service
// tests (SQLite, and PostgreSQL when TEST_DATABASE_URL is set), then the end-to-end tests in Chromium. Ends with one
// summary line: "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name)
const results = path.join(ROOT, 'test-results')
fs.mkdirSync(results, { recursive: true })

function step(title: string, command: string, args: string[]): boolean {
  console.log(`\n=== ${title}`)
  const { status } = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' })
  return status === 0
}

if (!process.env.TEST_DATABASE_URL) {
  console.log('TEST_DATABASE_URL is not set: the PostgreSQL variants of the service tests will report skipped.')
}

const typesOk = step('types', bin('tsc'), ['-b'])
const lintOk = step('lint', bin('eslint'), ['.'])
const formatOk = step('format', bin('prettier'), ['--check', '.'])
const vitestOk = step('unit, component and service tests', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${path.join(results, 'vitest.json')}`])
const e2eOk = step('end-to-end tests (Chromium)', bin('playwright'), ['test'])

const counts = { passed: 0, failed: 0, skipped: 0 }
try {
  const v = JSON.parse(fs.readFileSync(path.join(results, 'vitest.json'), 'utf8'))
  counts.passed += v.numPassedTests
  counts.failed += v.numFailedTests
  counts.skipped += v.numPendingTests + v.numTodoTests
} catch {
  counts.failed += 1
}
try {
  const p = JSON.parse(fs.readFileSync(path.join(results, 'playwright.json'), 'utf8'))
  counts.passed += p.stats.expected + p.stats.flaky
  if (p.stats.flaky > 0) console.log(`\n${p.stats.flaky} end-to-end test(s) passed only on retry (flaky): see the list above.`)
  counts.failed += p.stats.unexpected
  counts.skipped += p.stats.skipped
} catch {
  counts.failed += 1
}
if (!typesOk) counts.failed += 1
if (!lintOk) counts.failed += 1
if (!formatOk) counts.failed += 1

console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
process.exit(typesOk && lintOk && formatOk && vitestOk && e2eOk && counts.failed === 0 ? 0 : 1)
