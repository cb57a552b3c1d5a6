import { act, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { App } from '../../renderer/App.tsx'
import { installFakeApi, token } from './fake-api.ts'

const shown = token({ suffix: '本店用', serialNumber: '12345678', expiresAt: '2030-12-31T14:59:59.000Z' })
const onOtpScreen = { screen: { name: 'otp' as const, tokenId: shown.id }, tokenId: shown.id, visit: 0 }

afterEach(() => {
  vi.useRealTimers()
})

describe('ワンタイムパスワード screen', () => {
  it('OTP-02 shows the 8-digit code grouped 4-4, the countdown, the display name, シリアル№ and 有効期限', async () => {
    installFakeApi([shown])
    render(<App env="test" initial={onOtpScreen} />)
    const code = await screen.findByTestId('otp-code')
    expect(code.textContent).toBe('1234 5678')
    expect(code.dataset.code).toBe('12345678')
    expect(screen.getByTestId('otp-seconds-left').textContent).toBe('42')
    expect(screen.getByRole('timer').getAttribute('aria-label')).toBe('次のパスワードに変わるまで42秒')
    expect(screen.getByTestId('otp-token-name').textContent).toBe('ミレしんくみネットバンキング本店用')
    expect(screen.getByTestId('otp-serial').textContent).toBe('シリアル№: 12345678')
    expect(screen.getByTestId('otp-expiry').textContent).toBe('有効期限：2030/12/31')
  })

  it('OTP-02 有効期限 is the bank’s calendar date (JST), not the computer’s UTC date', async () => {
    installFakeApi([token({ expiresAt: '2031-03-31T15:30:00.000Z' })])
    render(<App env="test" initial={onOtpScreen} />)
    expect((await screen.findByTestId('otp-expiry')).textContent).toBe('有効期限：2031/04/01')
  })

  it('OTP-02 refreshes just after each whole second, so the countdown follows the main process', async () => {
    vi.useFakeTimers({ now: new Date('2030-01-01T00:00:00.500Z'), shouldAdvanceTime: true })
    let secondsLeft = 42
    const api = installFakeApi([shown], {
      'otp.current': vi.fn(async () => ({ ok: true as const, value: { code: secondsLeft > 40 ? '12345678' : '87654321', secondsLeft: secondsLeft--, period: 60 } })),
    })
    render(<App env="test" initial={onOtpScreen} />)
    expect((await screen.findByTestId('otp-seconds-left')).textContent).toBe('42')
    await act(() => vi.advanceTimersByTimeAsync(520))
    expect(screen.getByTestId('otp-seconds-left').textContent).toBe('41')
    await act(() => vi.advanceTimersByTimeAsync(1000))
    expect(screen.getByTestId('otp-seconds-left').textContent).toBe('40')
    expect(screen.getByTestId('otp-code').textContent).toBe('8765 4321')
    expect(api['otp.current']).toHaveBeenCalledTimes(3)
  })

  it('OTP-02 コピー copies the code and clears the clipboard after 30 s if it still holds it', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    let clipboard = ''
    const writeText = vi.fn(async (text: string) => void (clipboard = text))
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText, readText: async () => clipboard } })
    installFakeApi([shown])
    render(<App env="test" initial={onOtpScreen} />)
    fireEvent.click(await screen.findByRole('button', { name: 'ワンタイムパスワードをコピー' }))
    await act(() => vi.advanceTimersByTimeAsync(0))
    expect(clipboard).toBe('12345678')
    expect(screen.getByTestId('otp-copy-note').textContent).toBe('コピーしました（30秒後に消去されます）')
    await act(() => vi.advanceTimersByTimeAsync(29_000))
    expect(clipboard).toBe('12345678')
    await act(() => vi.advanceTimersByTimeAsync(1_100))
    expect(clipboard).toBe('')
    expect(screen.getByTestId('otp-copy-note').textContent).toBe('')
  })

  it('OTP-02 after 30 s the clipboard is left alone when it holds something else, and cleared when it cannot be read', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    let clipboard = ''
    let readable = true
    const clipboardApi = {
      writeText: vi.fn(async (text: string) => void (clipboard = text)),
      readText: vi.fn(async () => {
        if (!readable) throw new DOMException('denied', 'NotAllowedError')
        return clipboard
      }),
    }
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboardApi })
    installFakeApi([shown])
    render(<App env="test" initial={onOtpScreen} />)
    const copy = await screen.findByTestId('otp-copy')

    fireEvent.click(copy)
    await act(() => vi.advanceTimersByTimeAsync(0))
    clipboard = 'something the customer copied later'
    await act(() => vi.advanceTimersByTimeAsync(30_100))
    expect(clipboard).toBe('something the customer copied later')

    readable = false
    fireEvent.click(copy)
    await act(() => vi.advanceTimersByTimeAsync(30_100))
    expect(clipboard).toBe('')
  })

  it('OTP-02 a logo with a link opens it through the main process; a logo without one is only a picture', async () => {
    const linked = token({ logoUrl: 'https://example.jp/logo.png', linkUrl: 'https://example.jp/' })
    const api = installFakeApi([linked])
    const { unmount } = render(<App env="test" initial={onOtpScreen} />)
    fireEvent.click(await screen.findByRole('button', { name: 'ミレしんくみネットバンキングのWebサイトへ移動' }))
    expect(api['links.open']).toHaveBeenCalledWith(linked.id)
    unmount()

    installFakeApi([token({ logoUrl: 'https://example.jp/logo.png', linkUrl: null })])
    render(<App env="test" initial={onOtpScreen} />)
    expect((await screen.findByTestId('otp-logo')).getAttribute('alt')).toBe('ミレしんくみネットバンキング')
    expect(screen.queryByTestId('otp-logo-link')).toBeNull()
  })

  it('OTP-05 the bottom tabs lead to 設定メニュー, where every entry of the seed opens its screen', async () => {
    installFakeApi([shown])
    render(<App env="test" initial={onOtpScreen} />)
    fireEvent.click(await screen.findByRole('button', { name: /設定/ }))
    expect((await screen.findByTestId('screen-title')).textContent).toBe('設定メニュー')
    // Screens load on demand (issue 12): the menu follows its title by a moment.
    for (const entry of ['トークン追加', 'トークン削除', 'トークン表示名設定', 'アプリロック設定', 'パスワード補正', 'バージョン情報']) {
      expect(await screen.findByRole('button', { name: entry })).toHaveProperty('disabled', false)
    }
    fireEvent.click(screen.getByRole('button', { name: 'トークン表示名設定' }))
    expect((await screen.findByTestId('screen-title')).textContent).toBe('トークン表示名設定')
    fireEvent.click(screen.getByTestId('tab-otp'))
    expect(await screen.findByTestId('otp-code')).toBeTruthy()
  })

  it('OTP-05 start-up with a token shows its ワンタイムパスワード', async () => {
    installFakeApi([shown])
    render(<App env="test" />)
    expect(await screen.findByTestId('otp-code')).toBeTruthy()
    expect(screen.getByTestId('screen-title').textContent).toBe('ワンタイムパスワード')
  })
})
