// A fake `window.api`: the renderer's outside boundary, answering as the main process would. Built from the bridge
// table: every entry is a mock, so a new entry needs nothing here until a component test calls it. An entry with no
// answer below rejects (the host failed) and the screen shows A999: give it one here, or in the test's overrides.
import { vi, type Mock } from 'vitest'
import { channels, type BridgeApi, type Channel, type LockStatus, type TokenView } from '@shinkumi/common/bridge.ts'

export type FakeApi = { [K in Channel]: Mock<BridgeApi[K]> }
type Answers = { [K in Channel]?: BridgeApi[K] }

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

/** An app with these tokens, no lock, nothing pending, and no staff member signed in. */
function answers(tokens: TokenView[]): Answers {
  const staffStatus = { staff: null, endedBy: null, idleSeconds: 600 }
  const signedOut = { ok: false as const, error: { code: 'STAFF_SIGNED_OUT' as const } }
  const given: Answers = {
    'app.status': async () => ({ ok: true, value: { phase: tokens.length ? 'ready' : 'setup', tokenCount: tokens.length } }),
    'app.about': async () => ({ version: '0.1.0', serviceUrl: 'http://127.0.0.1:8787', channel: 'test' }),
    'tokens.list': async () => ({ ok: true, value: tokens }),
    'tokens.provision': async () => ({ ok: true, value: token() }),
    'tokens.setSuffix': async ({ tokenId, suffix }) => {
      const found = tokens.find((candidate) => candidate.id === tokenId) ?? token({ id: tokenId })
      return { ok: true, value: token({ ...found, suffix, displayName: undefined }) }
    },
    'otp.current': async () => ({ ok: true, value: { code: '12345678', secondsLeft: 42, period: 60 } }),
    'links.open': async () => {},
    'diagnostics.report': async () => ({ code: 'A999', correlationId: 'c0rre1at10n' }),
    'tokens.delete': async () => ({ ok: true, value: { remaining: Math.max(0, tokens.length - 1) } }),
    'lock.status': async () => ({ ok: true, value: lockStatus() }),
    'lock.unlock': async () => ({ ok: true, value: { status: 'unlocked' } }),
    'lock.set': async () => ({ ok: true, value: lockStatus({ enabled: true }) }),
    'lock.disable': async () => ({ ok: true, value: lockStatus() }),
    'lock.setAutoLock': async () => ({ ok: true, value: lockStatus({ enabled: true }) }),
    'lock.engage': async () => {},
    'lock.activity': async () => ({ locked: false }),
    'vault.reset': async () => ({ ok: true, value: { movedAside: 'vault.unreadable.json' } }),
    'expiry.check': async () => ({ ok: true, value: { state: 'valid' } }),
    'expiry.postpone': async () => ({ ok: true, value: null }),
    'expiry.renew': async (tokenId) => ({ ok: true, value: tokens.find((t) => t.id === tokenId) ?? token({ id: tokenId }) }),
    'expiry.removeExpired': async () => ({ ok: true, value: { remaining: Math.max(0, tokens.length - 1) } }),
    'correction.run': async () => ({ ok: true, value: null }),
    'transactions.overview': async () => ({ ok: true, value: { offered: tokens.some((t) => t.offersTransactions), enrolmentPending: false } }),
    'transactions.list': async () => ({ ok: true, value: { enrolled: [], transactions: [] } }),
    'transactions.decide': async ({ decision }) => ({ ok: true, value: { status: decision === 'approve' ? 'approved' : 'rejected' } }),
    'staff.status': async () => staffStatus,
    'staff.activity': async () => staffStatus,
    'staff.signOut': async () => {},
    'staff.signIn': async () => ({ ok: false, error: { code: 'STAFF_SIGNIN_FAILED' } }),
  }
  // Every other staff entry finds no session: the screen goes to スタッフサインイン.
  for (const channel of channels) if (channel.startsWith('staff.') && !given[channel]) Object.assign(given, { [channel]: async () => signedOut })
  return given
}

type Answer = (input: never) => Promise<unknown>

const unanswered =
  (channel: Channel): Answer =>
  async () => {
    throw new Error(`fake window.api has no answer for ${channel}`)
  }

/** An app with the given tokens (none: 初期設定 comes first); each entry can be replaced per test. */
export function installFakeApi(tokens: TokenView[] = [], overrides: Partial<FakeApi> = {}): FakeApi {
  const given = answers(tokens)
  const answer = (channel: Channel): Answer => (given[channel] as Answer | undefined) ?? unanswered(channel)
  const api = Object.fromEntries(channels.map((channel) => [channel, overrides[channel] ?? vi.fn(answer(channel))])) as FakeApi
  window.api = api
  return api
}
