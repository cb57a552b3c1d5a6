// The renderer's side of several tokens, トークン削除, the app lock and recovery (OTP-05, OTP-14, OTP-17, OTP-18,
// OTP-26) against a fake window.api: which screen follows which answer of the main process.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../renderer/App.tsx'
import { takeRecoveredError } from '../../renderer/lib/recovery.ts'
import type { NavigationState } from '../../renderer/navigation/state.ts'
import { installFakeApi, lockStatus, token } from './fake-api.ts'

const first = token({ id: '11111111-1111-4111-8111-111111111111' })
const second = token({ id: '22222222-2222-4222-8222-222222222222', baseName: 'ミレしんくみネットバンキング_2', serialNumber: '87654321' })
const at = (screen: NavigationState['screen'], tokenId: string | null = null): NavigationState => ({ screen, tokenId, visit: 0 })
const title = async () => (await screen.findByTestId('screen-title')).textContent

afterEach(() => {
  vi.useRealTimers()
})

describe('OTP-05 start-up order', () => {
  it('OTP-05 OTP-18 with the lock set, アプリロックコード入力 comes first; the right code continues to トークン選択 when several tokens exist', async () => {
    let locked = true
    const api = installFakeApi([first, second], {
      'app.status': vi.fn(async () => ({ ok: true as const, value: locked ? { phase: 'locked' as const, tokenCount: 0 } : { phase: 'ready' as const, tokenCount: 2 } })),
      'lock.unlock': vi.fn(async () => {
        locked = false
        return { ok: true as const, value: { status: 'unlocked' as const } }
      }),
    })
    render(<App env="test" />)
    expect(await title()).toBe('アプリロックコード入力')
    // Screens load on demand (issue 12): the input follows its title by a moment.
    expect(await screen.findByTestId('unlock-code')).toHaveProperty('type', 'password')
    fireEvent.change(screen.getByTestId('unlock-code'), { target: { value: '2468' } })
    fireEvent.click(screen.getByTestId('unlock-submit'))
    await waitFor(async () => expect(await title()).toBe('トークン選択'))
    expect(api['lock.unlock']).toHaveBeenCalledWith({ code: '2468' })
    expect((await screen.findAllByTestId('token-select-name')).map((n) => n.textContent)).toEqual(['ミレしんくみネットバンキング', 'ミレしんくみネットバンキング_2'])
    fireEvent.click(screen.getAllByTestId('token-select-item')[1]!)
    await waitFor(() => expect(api['expiry.check']).toHaveBeenCalledWith(second.id))
    expect(await screen.findByTestId('otp-code')).toBeTruthy()
  })

  it('OTP-18 a wrong code is A914, and its [戻る] returns to the input, which counts down the wait the core asks for', async () => {
    const api = installFakeApi([first], {
      'app.status': vi.fn(async () => ({ ok: true as const, value: { phase: 'locked' as const, tokenCount: 0 } })),
      'lock.unlock': vi.fn(async () => ({ ok: false as const, error: { code: 'A914' as const } })),
    })
    render(<App env="test" />)
    fireEvent.change(await screen.findByTestId('unlock-code'), { target: { value: '0000' } })
    fireEvent.click(screen.getByTestId('unlock-submit'))
    expect((await screen.findByTestId('error-code')).textContent).toBe('A914')
    api['lock.status'].mockResolvedValue({ ok: true, value: lockStatus({ enabled: true, locked: true, retryAfterSeconds: 4 }) })
    fireEvent.click(screen.getByTestId('error-back'))
    expect((await screen.findByTestId('unlock-wait')).textContent).toBe('アプリロックコードの入力誤りが続いたため、4秒後に再度入力できます。')
    expect(screen.getByTestId('unlock-submit')).toHaveProperty('disabled', true)
  })

  it('OTP-18 any screen whose call answers LOCKED (idle, OS lock) gives way to アプリロックコード入力', async () => {
    installFakeApi([first], { 'otp.current': vi.fn(async () => ({ ok: false as const, error: { code: 'LOCKED' as const } })) })
    render(<App env="test" initial={at({ name: 'otp', tokenId: first.id }, first.id)} />)
    await waitFor(async () => expect(await title()).toBe('アプリロックコード入力'))
  })

  it('OTP-18 the heartbeat reports input and shows the lock screen when the core says it locked', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    const api = installFakeApi([first])
    render(<App env="test" initial={at({ name: 'settings' }, first.id)} />)
    expect(await title()).toBe('設定メニュー')
    fireEvent.keyDown(window, { key: 'a' })
    expect(api['lock.activity']).toHaveBeenCalledWith({ userActive: true })
    api['lock.activity'].mockResolvedValue({ locked: true })
    await act(async () => {
      vi.advanceTimersByTime(5_000)
    })
    expect(api['lock.activity']).toHaveBeenLastCalledWith({ userActive: false })
    await waitFor(async () => expect(await title()).toBe('アプリロックコード入力'))
  })
})

describe('OTP-17 アプリロック設定', () => {
  it('OTP-17 ON asks first with the seed’s warning; [キャンセル] keeps it OFF; [OK] opens the fields; a mismatch is said inline and nothing is sent', async () => {
    const api = installFakeApi([first])
    render(<App env="test" initial={at({ name: 'appLock' }, first.id)} />)
    const code = await screen.findByTestId('lock-code')
    expect(code).toHaveProperty('disabled', true)
    fireEvent.click(screen.getByTestId('lock-switch'))
    expect((await screen.findByTestId('lock-dialog-text')).textContent).toContain(
      'アプリロックコードを忘れてしまうと本アプリを起動できなくなります。設定したアプリロックコードは忘れないようにしてください。',
    )
    fireEvent.click(screen.getByTestId('lock-dialog-cancel'))
    expect(screen.getByTestId('lock-code')).toHaveProperty('disabled', true)

    fireEvent.click(screen.getByTestId('lock-switch'))
    fireEvent.click(await screen.findByTestId('lock-dialog-ok'))
    expect(screen.getByTestId('lock-code')).toHaveProperty('disabled', false)
    fireEvent.change(screen.getByTestId('lock-code'), { target: { value: '1234' } })
    fireEvent.change(screen.getByTestId('lock-confirmation'), { target: { value: '1235' } })
    fireEvent.click(screen.getByTestId('lock-submit'))
    expect(await screen.findByText('アプリロックコードとアプリロックコード(確認用)が一致しません。')).toBeTruthy()
    expect(api['lock.set']).not.toHaveBeenCalled()

    fireEvent.change(screen.getByTestId('lock-confirmation'), { target: { value: '1234' } })
    fireEvent.click(screen.getByTestId('lock-submit'))
    await waitFor(async () => expect(await title()).toBe('設定メニュー'))
    expect(api['lock.set']).toHaveBeenCalledWith({ code: '1234', confirmation: '1234', autoLockMinutes: 5 })
  })

  it('OTP-17 OFF with its warning disables the fields, and [確定] removes the lock', async () => {
    const api = installFakeApi([first], { 'lock.status': vi.fn(async () => ({ ok: true as const, value: lockStatus({ enabled: true }) })) })
    render(<App env="test" initial={at({ name: 'appLock' }, first.id)} />)
    expect(await screen.findByTestId('lock-code')).toHaveProperty('disabled', false)
    fireEvent.click(screen.getByTestId('lock-switch'))
    expect((await screen.findByTestId('lock-dialog-text')).textContent).toContain('アプリロックを無効にすると')
    fireEvent.click(screen.getByTestId('lock-dialog-ok'))
    expect(screen.getByTestId('lock-code')).toHaveProperty('disabled', true)
    fireEvent.click(screen.getByTestId('lock-submit'))
    await waitFor(() => expect(api['lock.disable']).toHaveBeenCalled())
    expect(await title()).toBe('設定メニュー')
  })
})

describe('OTP-14 トークン削除', () => {
  it('OTP-14 deleting the last token → トークン削除完了 → [次へ] → 初期設定', async () => {
    const api = installFakeApi([first])
    render(<App env="test" initial={at({ name: 'tokenDelete' }, first.id)} />)
    fireEvent.click(await screen.findByTestId('token-delete-item'))
    expect(await title()).toBe('トークン削除確認')
    expect((await screen.findByTestId('delete-token-name')).textContent).toBe('ミレしんくみネットバンキング')
    fireEvent.click(screen.getByTestId('delete-submit'))
    await waitFor(async () => expect(await title()).toBe('トークン削除完了'))
    expect(api['tokens.delete']).toHaveBeenCalledWith(first.id)
    fireEvent.click(await screen.findByTestId('deleted-next'))
    expect(await title()).toBe('初期設定')
  })

  it('OTP-14 with tokens left, [削除] returns to 設定メニュー and the deleted token leaves the ワンタイムパスワード tab', async () => {
    installFakeApi([first, second])
    render(<App env="test" initial={at({ name: 'tokenDeleteConfirm', token: first }, first.id)} />)
    fireEvent.click(await screen.findByTestId('delete-submit'))
    await waitFor(async () => expect(await title()).toBe('設定メニュー'))
    expect(screen.getByTestId('tab-otp')).toHaveProperty('disabled', true)
  })
})

describe('OTP-26 recovery after the renderer died', () => {
  const place = (hash: string) => {
    window.history.replaceState(null, '', `/index.html${hash}`)
    return takeRecoveredError()
  }

  it('OTP-26 reads A9EX, or A999 with its correlation id, and clears the fragment', () => {
    expect(place('#recovered=A9EX')).toEqual({ code: 'A9EX' })
    expect(window.location.hash).toBe('')
    const id = '0b7d5c1e-2f3a-4b6c-9d8e-1a2b3c4d5e6f'
    expect(place(`#recovered=A999&correlation=${id}`)).toEqual({ code: 'A999', correlationId: id })
    expect(window.location.hash).toBe('')
  })

  it('OTP-26 ignores anything else in the fragment', () => {
    expect(place('')).toBeNull()
    expect(place('#recovered=A911')).toBeNull()
    expect(place('#recovered=A999&correlation=<script>')).toBeNull()
  })
})

describe('OTP-26 the A998 way out', () => {
  it('OTP-26 offers 初期設定をやり直す only when the vault does not open, and starts again after vault.reset', async () => {
    const api = installFakeApi([], { 'app.status': vi.fn(async () => ({ ok: false as const, error: { code: 'A998' as const } })) })
    render(<App env="test" />)
    fireEvent.click(await screen.findByTestId('vault-reset'))
    api['app.status'].mockResolvedValue({ ok: true, value: { phase: 'setup', tokenCount: 0 } })
    fireEvent.click(await screen.findByTestId('vault-reset-ok'))
    await waitFor(async () => expect(await title()).toBe('初期設定'))
    expect(api['vault.reset']).toHaveBeenCalled()
  })

  it('OTP-26 an A998 from the service (the vault opens) offers no reset', async () => {
    const api = installFakeApi([first])
    render(<App env="test" initial={at({ name: 'error', error: { code: 'A998' }, context: 'other', back: { name: 'startup' } })} />)
    expect(await screen.findByTestId('error-code')).toBeTruthy()
    await waitFor(() => expect(api['app.status']).toHaveBeenCalled())
    expect(screen.queryByTestId('vault-reset')).toBeNull()
  })
})
