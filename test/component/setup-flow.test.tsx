import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import type { AppError, Result, TokenView } from '@shinkumi/common/bridge.ts'
import { App } from '../../renderer/App.tsx'
import { installFakeApi, token } from './fake-api.ts'

function fillSetupForm({ serviceId = 'MIRE01', userId = 'taro.yamada', password = 'Abcd1234efgh', agree = true } = {}) {
  fireEvent.change(screen.getByTestId('setup-service-id'), { target: { value: serviceId } })
  fireEvent.change(screen.getByTestId('setup-user-id'), { target: { value: userId } })
  fireEvent.change(screen.getByTestId('setup-password'), { target: { value: password } })
  if (agree) fireEvent.click(screen.getByTestId('setup-agree'))
}

const refusal = (error: AppError) => async (): Promise<Result<TokenView>> => ({ ok: false, error })

describe('初期設定 (setup form)', () => {
  it('OTP-05 start-up without a token shows 初期設定 with the seed’s fields', async () => {
    installFakeApi()
    render(<App env="test" />)
    expect(await screen.findByTestId('screen-title')).toHaveProperty('textContent', '初期設定')
    // Screens load on demand (issue 12): the form follows its title by a moment.
    expect(await screen.findByLabelText(/サービスID/)).toBeTruthy()
    expect(screen.getByLabelText(/ユーザID/)).toBeTruthy()
    expect(screen.getByLabelText(/利用開始パスワード/)).toHaveProperty('type', 'password')
    expect(screen.getByLabelText('上記の内容に同意する')).toHaveProperty('type', 'checkbox')
    expect(screen.getByTestId('setup-submit').textContent).toBe('送信')
  })

  it('OTP-11 A911 from the main process shows the error screen with the seed’s wording, and [戻る] keeps the IDs', async () => {
    const api = installFakeApi([], { 'tokens.provision': vi.fn(refusal({ code: 'A911' })) })
    render(<App env="test" />)
    await screen.findByTestId('setup-form')
    fillSetupForm({ serviceId: 'MIRE01', userId: 'taro.yamada', password: 'short', agree: false })
    fireEvent.click(screen.getByTestId('setup-submit'))

    expect((await screen.findByTestId('error-code')).textContent).toBe('A911')
    expect(screen.getByTestId('error-message').textContent).toBe('入力内容に誤りがあります。\nもう一度入力してください。')
    expect(screen.getByTestId('error-remedy').textContent).toBe(
      '入力内容に誤りがあります。[サービスID][ユーザID][利用開始パスワード]に入力誤りがないかご確認のうえ、再試行してください。',
    )
    expect(api['tokens.provision']).toHaveBeenCalledWith({
      mode: 'setup',
      serviceId: 'MIRE01',
      userId: 'taro.yamada',
      activationPassword: 'short',
      agreed: false,
    })

    fireEvent.click(screen.getByTestId('error-back'))
    expect(await screen.findByTestId('setup-form')).toBeTruthy()
    expect(screen.getByTestId('setup-service-id')).toHaveProperty('value', 'MIRE01')
    expect(screen.getByTestId('setup-user-id')).toHaveProperty('value', 'taro.yamada')
    expect(screen.getByTestId('setup-password')).toHaveProperty('value', '')
  })

  it('OTP-12 S0A1 during 初期設定 reads 「初期設定に失敗しました。」', async () => {
    installFakeApi([], { 'tokens.provision': vi.fn(refusal({ code: 'S0A1' })) })
    render(<App env="test" />)
    await screen.findByTestId('setup-form')
    fillSetupForm()
    fireEvent.click(screen.getByTestId('setup-submit'))
    expect((await screen.findByTestId('error-message')).textContent).toBe('初期設定に失敗しました。')
    expect(screen.getByTestId('error-remedy').textContent).toBe('[サービスID]に入力誤りがないかご確認のうえ、再試行してください。')
  })

  it('OTP-12 S0B1 during トークン追加 reads 「トークン追加に失敗しました。」 on the same form', async () => {
    installFakeApi([token()], { 'tokens.provision': vi.fn(refusal({ code: 'S0B1' })) })
    render(<App env="test" initial={{ screen: { name: 'provision', mode: 'add' }, tokenId: null, visit: 0 }} />)
    expect((await screen.findByTestId('screen-title')).textContent).toBe('トークン追加')
    fillSetupForm()
    fireEvent.click(screen.getByTestId('setup-submit'))
    expect((await screen.findByTestId('error-message')).textContent).toBe('トークン追加に失敗しました。')
  })

  it('OTP-10 while 送信 runs the form shows 通信中… and a second press sends nothing', async () => {
    let answer: (result: Result<TokenView>) => void = () => {}
    const api = installFakeApi([], {
      'tokens.provision': vi.fn(() => new Promise<Result<TokenView>>((resolve) => (answer = resolve))),
    })
    render(<App env="test" />)
    await screen.findByTestId('setup-form')
    fillSetupForm()
    fireEvent.click(screen.getByTestId('setup-submit'))
    fireEvent.submit(screen.getByTestId('setup-form'))
    expect((await screen.findByTestId('busy-overlay')).textContent).toContain('通信中…')
    expect(api['tokens.provision']).toHaveBeenCalledTimes(1)
    answer({ ok: true, value: token() })
    expect((await screen.findByTestId('screen-title')).textContent).toBe('初期設定完了')
  })

  it('OTP-10 success: 初期設定完了 → [次へ] → トークン表示名設定 → [登録] → ワンタイムパスワード', async () => {
    const created = token()
    const api = installFakeApi([created], {
      'app.status': vi.fn(async () => ({ ok: true as const, value: { phase: 'setup' as const, tokenCount: 0 } })),
      'tokens.provision': vi.fn(async () => ({ ok: true as const, value: created })),
    })
    render(<App env="test" />)
    await screen.findByTestId('setup-form')
    fillSetupForm()
    fireEvent.click(screen.getByTestId('setup-submit'))

    expect((await screen.findByTestId('screen-title')).textContent).toBe('初期設定完了')
    expect(screen.getByTestId('provisioned-message').textContent).toBe('初期設定が完了しました。')
    fireEvent.click(screen.getByTestId('provisioned-next'))

    expect((await screen.findByTestId('suffix-current-name')).textContent).toBe('ミレしんくみネットバンキング')
    expect(screen.getByTestId('screen-title').textContent).toBe('トークン表示名設定')
    fireEvent.change(screen.getByLabelText(/変更後の追加文言/), { target: { value: '本店用' } })
    fireEvent.click(screen.getByTestId('suffix-submit'))

    expect(await screen.findByTestId('otp-code')).toBeTruthy()
    expect(screen.getByTestId('screen-title').textContent).toBe('ワンタイムパスワード')
    expect(api['tokens.setSuffix']).toHaveBeenCalledWith({ tokenId: created.id, suffix: '本店用' })
  })

  it('OTP-04 追加文言 longer than 8 characters is refused on the spot, without a call', async () => {
    const api = installFakeApi([token()])
    render(<App env="test" initial={{ screen: { name: 'displayName', tokenId: null, flow: 'settings' }, tokenId: token().id, visit: 0 }} />)
    const input = await screen.findByTestId('suffix-input')
    fireEvent.change(input, { target: { value: '１２３４５６７８９' } })
    expect(screen.getByText('8文字以内で入力してください。')).toBeTruthy()
    expect(screen.getByTestId('suffix-submit')).toHaveProperty('disabled', true)
    fireEvent.change(input, { target: { value: '１２３４５６７８' } })
    fireEvent.click(screen.getByTestId('suffix-submit'))
    await waitFor(() => expect(api['tokens.setSuffix']).toHaveBeenCalledWith({ tokenId: token().id, suffix: '１２３４５６７８' }))
    expect(await screen.findByTestId('suffix-saved')).toBeTruthy()
  })
})
