import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { App, AppProviders } from '../../renderer/App.tsx'
import { ErrorScreen } from '../../renderer/components/ErrorScreen.tsx'
import { installFakeApi, token } from './fake-api.ts'

describe('error screen', () => {
  it('OTP-27 S0C1 shows the code, the seed’s message and 対処方法, and the help desk', () => {
    render(
      <AppProviders env="test">
        <ErrorScreen error={{ code: 'S0C1' }} context="setup" onBack={() => {}} onHelp={() => {}} />
      </AppProviders>,
    )
    expect(screen.getByTestId('error-code').textContent).toBe('S0C1')
    expect(screen.getByTestId('error-message').textContent).toBe('入力内容に誤りがあります。\nもう一度入力してください。')
    expect(screen.getByText('対処方法')).toBeTruthy()
    expect(screen.getByTestId('error-remedy').textContent).toBe('サービスへの登録が確認できません。[ユーザID]と[利用開始パスワード]に入力誤りがないかご確認のうえ、再試行してください。')
    expect(screen.getByTestId('error-helpdesk').textContent).toContain('フリーダイヤル 0120-351-951')
  })

  it('OTP-27 A911 shows the seed’s message and remedy, with its line break kept for display', () => {
    render(
      <AppProviders env="test">
        <ErrorScreen error={{ code: 'A911' }} context="add" onBack={() => {}} onHelp={() => {}} />
      </AppProviders>,
    )
    const message = screen.getByTestId('error-message')
    expect(message.textContent).toBe('入力内容に誤りがあります。\nもう一度入力してください。')
    expect(message.className).toContain('pre-line')
    expect(screen.getByTestId('error-remedy').textContent).toBe(
      '入力内容に誤りがあります。[サービスID][ユーザID][利用開始パスワード]に入力誤りがないかご確認のうえ、再試行してください。',
    )
  })

  it('OTP-26 A999 shows the お問い合わせ番号 and the button returns', () => {
    const onBack = vi.fn()
    render(
      <AppProviders env="test">
        <ErrorScreen error={{ code: 'A999', correlationId: '7d3f9a2c' }} context="other" onBack={onBack} onHelp={() => {}} />
      </AppProviders>,
    )
    expect(screen.getByTestId('error-message').textContent).toBe('予期しないエラーが発生しました。')
    expect(screen.getByTestId('error-correlation-id').textContent).toBe('7d3f9a2c')
    fireEvent.click(screen.getByRole('button', { name: '戻る' }))
    expect(onBack).toHaveBeenCalled()
  })

  it('OTP-26 a render crash is reported, shown as the answered error, and the app starts afresh from its button', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    // An expiry the renderer cannot format makes the OTP screen throw while rendering.
    const broken = token({ expiresAt: 'not a date' })
    const api = installFakeApi([broken])
    render(<App env="test" />)

    expect((await screen.findByTestId('error-code')).textContent).toBe('A999')
    expect(screen.getByTestId('error-correlation-id').textContent).toBe('c0rre1at10n')
    expect(api['diagnostics.report']).toHaveBeenCalledWith(expect.objectContaining({ kind: 'crash', detail: expect.stringContaining('RangeError') }))

    api['tokens.list'].mockResolvedValue({ ok: true, value: [token()] })
    fireEvent.click(screen.getByTestId('error-reset'))
    expect(await screen.findByTestId('otp-code')).toBeTruthy()
  })

  it('OTP-26 running out of memory is reported as oom and shows A9EX', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const api = installFakeApi([token()], {
      'diagnostics.report': vi.fn(async () => ({ code: 'A9EX' as const })),
      'tokens.list': vi.fn(async () => {
        throw new RangeError('Array buffer allocation failed')
      }),
    })
    render(<App env="test" />)
    expect((await screen.findByTestId('error-code')).textContent).toBe('A9EX')
    expect(api['diagnostics.report']).toHaveBeenCalledWith(expect.objectContaining({ kind: 'oom' }))
    expect(screen.getByTestId('error-message').textContent).toBe('メモリが足りません。他のアプリを終了してから起動してください。')
  })

  it('OTP-05 a failed start-up shows its error, and [戻る] tries again', async () => {
    const api = installFakeApi([], { 'app.status': vi.fn(async () => ({ ok: false as const, error: { code: 'A998' as const } })) })
    render(<App env="test" />)
    expect((await screen.findByTestId('error-code')).textContent).toBe('A998')
    api['app.status'].mockResolvedValue({ ok: true, value: { phase: 'setup', tokenCount: 0 } })
    fireEvent.click(screen.getByTestId('error-back'))
    await waitFor(() => expect(screen.getByTestId('screen-title').textContent).toBe('初期設定'))
  })

  it('OTP-27 in English the error screen uses the catalog’s English text', async () => {
    installFakeApi([], { 'tokens.provision': vi.fn(async () => ({ ok: false as const, error: { code: 'S0A1' as const } })) })
    render(<App env="test" />)
    fireEvent.click(await screen.findByTestId('lang-switch'))
    // English loads when chosen and screens on demand (issue 12): each follows by a moment.
    await waitFor(() => expect(screen.getByTestId('screen-title').textContent).toBe('Initial setup'))
    expect(localStorage.getItem('shinkumi-otp.locale')).toBe('en')
    fireEvent.click(await screen.findByTestId('setup-submit'))
    expect((await screen.findByTestId('error-message')).textContent).toBe('Initial setup failed.')
  })

  it('OTP-26 an uncaught error in the window is reported and shown; [戻る] returns to the screen the customer was on', async () => {
    const api = installFakeApi()
    render(<App env="test" />)
    await screen.findByTestId('setup-form')
    act(() => {
      window.dispatchEvent(new ErrorEvent('error', { message: 'ResizeObserver loop completed with undelivered notifications.' }))
      window.dispatchEvent(new ErrorEvent('error', { error: new TypeError('boom'), message: 'boom' }))
    })
    expect((await screen.findByTestId('error-code')).textContent).toBe('A999')
    expect(api['diagnostics.report']).toHaveBeenCalledTimes(1)
    expect(api['diagnostics.report']).toHaveBeenCalledWith(expect.objectContaining({ kind: 'error', detail: expect.stringContaining('TypeError: boom') }))
    fireEvent.click(screen.getByTestId('error-back'))
    expect(await screen.findByTestId('setup-form')).toBeTruthy()
  })
})
