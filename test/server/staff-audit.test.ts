// STF-05: every read of customer data and every action is an audit entry (who / what / whom / why / when / from
// where); the log is append-only (the database refuses UPDATE and DELETE) and hash-chained; concurrent appends never
// fork the chain; `audit-verify` finds the first broken entry (exit code 1); 監査 exports it as CSV.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { call, JUSTIFIED, staffWorld } from './staff-client.ts'
import { chainHash } from '../../server/src/staff/audit.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

function auditVerify(env: Record<string, string>): Promise<{ code: number | null; json: { ok: boolean; entries: number; brokenAt?: number; problem?: string } }> {
  return new Promise((resolve, reject) => {
    const child = spawn(`${ROOT}node_modules/.bin/node`, ['src/cli/admin.ts', 'audit-verify', '--json'], { cwd: `${ROOT}server`, env: { ...process.env, ...env } })
    let stdout = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, json: JSON.parse(stdout) }))
  })
}

describeOnEachDatabase('STF-05 the staff audit log', (target) => {
  let h: Harness
  let world: Awaited<ReturnType<typeof staffWorld>>
  const tokens: Record<string, string> = {}
  const entries = () => h.deps.db.selectFrom('staff_audit').selectAll().orderBy('seq').execute()

  beforeAll(async () => {
    h = await startHarness(target, { manualClock: true })
    world = await staffWorld(h)
    world.clock.set(new Date('2026-11-18T01:00:00Z'))
    for (const staffId of ['teller01', 'super01', 'audit01']) tokens[staffId] = await world.tokenOf(staffId)
  })
  afterAll(() => h.close())

  it('STF-05 a read and an action each record who, what, whom, why, how identity was checked, when and from where', async () => {
    await call(h.url, 'POST', '/v1/staff/customers/detail', { token: tokens.teller01, body: { customerId: 'demo-data-taro' } })
    const body = { accountId: 'acct-115-ordinary-1100026', reason: '本人来店、ロック解除の依頼', identityCheck: 'other', identityNote: '在留カード' }
    const release = await call<{ auditSeq: number }>(h.url, 'POST', '/v1/staff/actions/release-linkage-lock', { token: tokens.teller01, body })
    const [read, action] = (await entries()).slice(-2)
    expect(read).toMatchObject({ staff_id: 'teller01', staff_role: '窓口', action: 'customer.view', subject: 'customer:demo-data-taro', ip: '127.0.0.1', outcome: 'shown' })
    expect(action).toMatchObject({
      seq: release.body.auditSeq,
      at: world.clock.now().getTime(),
      staff_id: 'teller01',
      staff_role: '窓口',
      action: 'linkage-lock.release',
      subject: 'account:acct-115-ordinary-1100026',
      reason: '本人来店、ロック解除の依頼',
      identity_check: 'other:在留カード',
      ip: '127.0.0.1',
      outcome: 'unchanged',
    })
  })

  it('STF-05 each entry’s hash is SHA-256 over the previous hash and the canonical entry', async () => {
    const rows = await entries()
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64))
    rows.forEach((row, i) => {
      const { hash, prev_hash, ...entry } = row
      expect(hash).toBe(chainHash(prev_hash, entry))
      if (i > 0) expect(prev_hash).toBe(rows[i - 1]!.hash)
    })
  })

  it('STF-05 concurrent reads and actions append without forking the chain', async () => {
    const before = (await entries()).length
    const work = Array.from({ length: 40 }, (_, i) =>
      i % 2 === 0
        ? call(h.url, 'GET', '/v1/staff/locks', { token: i % 4 === 0 ? tokens.teller01 : tokens.super01 })
        : call(h.url, 'POST', '/v1/staff/actions/reset-otp-failures', { token: tokens.super01, body: { serviceId: 'SHINKUMI', userId: 'teishi004', ...JUSTIFIED } }),
    )
    const answers = await Promise.all(work)
    expect(answers.map((a) => a.status).filter((s) => s !== 200 && s !== 404)).toEqual([])
    const rows = await entries()
    expect(rows.length).toBe(before + 40)
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1))
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length)
    expect((await auditVerify(h.env)).json).toEqual({ ok: true, entries: rows.length })
  })

  it('STF-05 the database itself refuses to change or delete an entry', async () => {
    await expect(sql`update staff_audit set reason = 'rewritten' where seq = 1`.execute(h.deps.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from staff_audit where seq = 1`.execute(h.deps.db)).rejects.toThrow(/append-only/)
    await expect(sql`delete from staff_audit_head`.execute(h.deps.db)).rejects.toThrow(/append-only/)
  })

  it('STF-05 監査 reads the log newest first, page by page', async () => {
    const first = await call<{ entries: { seq: number; at: string; staffId: string }[]; nextCursor: string }>(h.url, 'GET', '/v1/staff/audit?limit=5', { token: tokens.audit01 })
    expect(first.status).toBe(200)
    const seqs = first.body.entries.map((e) => e.seq)
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a))
    const next = await call<{ entries: { seq: number }[] }>(h.url, 'GET', `/v1/staff/audit?limit=5&cursor=${first.body.nextCursor}`, { token: tokens.audit01 })
    expect(next.body.entries[0]!.seq).toBe(seqs.at(-1)! - 1)
  })

  it('STF-05 監査 exports CSV: UTF-8 with BOM, JST times, quoting, no spreadsheet formulas', async () => {
    await call(h.url, 'POST', '/v1/staff/actions/release-linkage-lock', {
      token: tokens.teller01,
      body: { accountId: 'acct-115-ordinary-1100026', reason: '=HYPERLINK("x"),"quoted"', identityCheck: 'my_number_card' },
    })
    const response = await fetch(`${h.url}/v1/staff/audit/export?from=2026-11-18&to=2026-11-18`, { headers: { authorization: `Bearer ${tokens.audit01}` } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="staff-audit_2026-11-18_2026-11-18.csv"')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n')
    expect(lines[0]).toBe('seq,at_jst,staff_id,role,action,subject,reason,identity_check,ip,outcome,detail,prev_hash,hash')
    // That JST day's entries (the demo's were written at the real time), up to the export itself, audited first.
    const day = { from: Date.parse('2026-11-18T00:00:00+09:00'), to: Date.parse('2026-11-19T00:00:00+09:00') }
    const rows = (await entries()).filter((r) => r.at >= day.from && r.at < day.to)
    expect(lines.length - 1).toBe(rows.length)
    expect(lines.find((l) => l.includes('my_number_card'))).toContain(`"'=HYPERLINK(""x""),""quoted"""`)
    expect(lines[1]).toMatch(new RegExp(`^${rows[0]!.seq},2026-11-18 10:0\\d:\\d\\d,`))
    const otherDay = await call(h.url, 'GET', '/v1/staff/audit/export?from=2026-11-19&to=2026-11-19', { token: tokens.audit01 })
    // (fetch's text() drops the BOM)
    expect(otherDay.body).toBe('seq,at_jst,staff_id,role,action,subject,reason,identity_check,ip,outcome,detail,prev_hash,hash\r\n')
  })

  it('STF-05 audit-verify reports the first broken entry and exits 1: an edited entry, a re-hashed one, a deleted one', async () => {
    expect((await auditVerify(h.env)).code).toBe(0)
    // An attacker with database rights gets past the triggers; the chain still tells.
    if (target.kind === 'postgres') await sql`alter table staff_audit disable trigger user`.execute(h.deps.db)
    else for (const t of ['staff_audit_no_update', 'staff_audit_no_delete']) await sql.raw(`drop trigger ${t}`).execute(h.deps.db)

    const victim = (await entries())[4]!
    await sql`update staff_audit set reason = 'nothing happened' where seq = ${victim.seq}`.execute(h.deps.db)
    expect(await auditVerify(h.env)).toEqual({ code: 1, json: { ok: false, entries: 4, brokenAt: 5, problem: 'wrong-hash' } })

    const forged = chainHash(victim.prev_hash, { ...victim, reason: 'nothing happened' })
    await sql`update staff_audit set hash = ${forged} where seq = ${victim.seq}`.execute(h.deps.db)
    expect(await auditVerify(h.env)).toEqual({ code: 1, json: { ok: false, entries: 5, brokenAt: 6, problem: 'wrong-link' } })

    await sql`update staff_audit set reason = ${victim.reason}, hash = ${victim.hash} where seq = ${victim.seq}`.execute(h.deps.db)
    expect((await auditVerify(h.env)).code).toBe(0)
    await sql`delete from staff_audit where seq = 3`.execute(h.deps.db)
    expect(await auditVerify(h.env)).toEqual({ code: 1, json: { ok: false, entries: 2, brokenAt: 3, problem: 'missing-entry' } })
  })
})
