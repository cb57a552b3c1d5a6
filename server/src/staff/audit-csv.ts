// STF-05 CSV export for 監査: UTF-8 with a BOM (so spreadsheet software reads the Japanese right), RFC 4180 quoting,
// times in JST. A cell that a spreadsheet would run as a formula (= + - @ at the start) gets a leading apostrophe:
// the export is for reading; the chain itself is checked in the database (audit-verify).
import type { StaffAuditTable } from '../db/schema-staff.ts'
import { JST_OFFSET_MS } from '@shinkumi/common/time.ts'

const HEADER = ['seq', 'at_jst', 'staff_id', 'role', 'action', 'subject', 'reason', 'identity_check', 'ip', 'outcome', 'detail', 'prev_hash', 'hash']

export const CSV_BOM = '\uFEFF'

function cell(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** 2026-11-18 14:05:09 (JST), the way staff read times. */
export function jstTimestamp(ms: number): string {
  return new Date(ms + JST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ')
}

export function csvHeader(): string {
  return `${CSV_BOM}${HEADER.join(',')}\r\n`
}

export function csvRow(e: StaffAuditTable): string {
  const values = [e.seq, jstTimestamp(e.at), e.staff_id, e.staff_role, e.action, e.subject, e.reason, e.identity_check, e.ip, e.outcome, e.detail, e.prev_hash, e.hash]
  return `${values.map(cell).join(',')}\r\n`
}
