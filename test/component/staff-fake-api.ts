// The staff entries of the fake window.api: signed out, nothing found. Staff component tests override them.
import { vi } from 'vitest'
import type { FakeApi } from './fake-api.ts'

type StaffFakes = Pick<FakeApi, Extract<keyof FakeApi, `staff.${string}`>>

const signedOut = { ok: false as const, error: { code: 'STAFF_SIGNED_OUT' as const } }

export function staffFakes(): StaffFakes {
  const status = { staff: null, endedBy: null, idleSeconds: 600 }
  return {
    'staff.status': vi.fn(async () => status),
    'staff.signIn': vi.fn(async () => ({ ok: false as const, error: { code: 'STAFF_SIGNIN_FAILED' as const } })),
    'staff.signOut': vi.fn(async () => {}),
    'staff.activity': vi.fn(async () => status),
    'staff.search': vi.fn(async () => signedOut),
    'staff.customer': vi.fn(async () => signedOut),
    'staff.locks': vi.fn(async () => signedOut),
    'staff.act': vi.fn(async () => signedOut),
    'staff.approvals': vi.fn(async () => signedOut),
    'staff.decide': vi.fn(async () => signedOut),
    'staff.maintenance': vi.fn(async () => signedOut),
    'staff.audit': vi.fn(async () => signedOut),
    'staff.exportAudit': vi.fn(async () => signedOut),
  }
}
