// A fake `window.api`: the renderer's outside boundary, answering as the main process would.
import { vi, type Mock } from 'vitest'
import type { BridgeApi, LockStatus, TokenView } from '@shinkumi/common/bridge.ts'
import { staffFakes } from './staff-fake-api.ts'

export type FakeApi = { [K in keyof BridgeApi]: Mock<BridgeApi[K]> }

export function token(overrides: Partial<TokenView> = {}): TokenView {
  const base: TokenView = {
    id: '0b7d5c1e-2f3a-4b6c-9d8e-1a2b3c4d5e6f',
    serviceId: 'MIRE01',
    serviceName: 'ミレしんくみネットバンキング',
    userId: 'taro.yamada',
    baseName: 'ミレしんくみネットバンキング',
    suffix: '',
    displayName: 'ミレしんくみネットバンキング',
    serialNumber: '12345678',
    expiresAt: '2030-12-31T14:59:59.000Z',
    logoUrl: null,
    linkUrl: null,
    offersTransactions: false,
  }
  const merged = { ...base, ...overrides }
  return { ...merged, displayName: overrides.displayName ?? merged.baseName + merged.suffix }
}

export function lockStatus(overrides: Partial<LockStatus> = {}): LockStatus {
  return { enabled: false, locked: false, retryAfterSeconds: 0, autoLockMinutes: 5, ...overrides }
}

/** An app with the given tokens (none: 初期設定 comes first); each entry can be replaced per test. */
export function installFakeApi(tokens: TokenView[] = [], overrides: Partial<FakeApi> = {}): FakeApi {
  const api: FakeApi = {
    'app.status': vi.fn(async () => ({ ok: true as const, value: { phase: tokens.length ? ('ready' as const) : ('setup' as const), tokenCount: tokens.length } })),
    'app.about': vi.fn(async () => ({ version: '0.1.0', serviceUrl: 'http://127.0.0.1:8787', channel: 'test' })),
    'tokens.list': vi.fn(async () => ({ ok: true as const, value: tokens })),
    'tokens.provision': vi.fn(async () => ({ ok: true as const, value: token() })),
    'tokens.setSuffix': vi.fn(async ({ tokenId, suffix }) => {
      const found = tokens.find((candidate) => candidate.id === tokenId) ?? token({ id: tokenId })
      return { ok: true as const, value: token({ ...found, suffix, displayName: undefined }) }
    }),
    'otp.current': vi.fn(async () => ({ ok: true as const, value: { code: '12345678', secondsLeft: 42, period: 60 } })),
    'links.open': vi.fn(async () => {}),
    'diagnostics.report': vi.fn(async () => ({ code: 'A999' as const, correlationId: 'c0rre1at10n' })),
    'tokens.delete': vi.fn(async () => ({ ok: true as const, value: { remaining: Math.max(0, tokens.length - 1) } })),
    'lock.status': vi.fn(async () => ({ ok: true as const, value: lockStatus() })),
    'lock.unlock': vi.fn(async () => ({ ok: true as const, value: { status: 'unlocked' as const } })),
    'lock.set': vi.fn(async () => ({ ok: true as const, value: lockStatus({ enabled: true }) })),
    'lock.disable': vi.fn(async () => ({ ok: true as const, value: lockStatus() })),
    'lock.setAutoLock': vi.fn(async () => ({ ok: true as const, value: lockStatus({ enabled: true }) })),
    'lock.engage': vi.fn(async () => {}),
    'lock.activity': vi.fn(async () => ({ locked: false })),
    'vault.reset': vi.fn(async () => ({ ok: true as const, value: { movedAside: 'vault.unreadable.json' } })),
    'expiry.check': vi.fn(async () => ({ ok: true as const, value: { state: 'valid' as const } })),
    'expiry.postpone': vi.fn(async () => ({ ok: true as const, value: null })),
    'expiry.renew': vi.fn(async (tokenId) => ({ ok: true as const, value: tokens.find((t) => t.id === tokenId) ?? token({ id: tokenId }) })),
    'expiry.removeExpired': vi.fn(async () => ({ ok: true as const, value: { remaining: Math.max(0, tokens.length - 1) } })),
    'correction.run': vi.fn(async () => ({ ok: true as const, value: null })),
    'transactions.overview': vi.fn(async () => ({
      ok: true as const,
      value: { offered: tokens.some((t) => t.offersTransactions), enrolmentPending: false },
    })),
    'transactions.list': vi.fn(async () => ({ ok: true as const, value: { enrolled: [], transactions: [] } })),
    'transactions.decide': vi.fn(async ({ decision }) => ({
      ok: true as const,
      value: { status: decision === 'approve' ? ('approved' as const) : ('rejected' as const) },
    })),
    ...staffFakes(),
    ...overrides,
  }
  window.api = api
  return api
}
