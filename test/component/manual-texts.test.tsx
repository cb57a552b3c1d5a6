// The customer screens' texts that issue 11 found differing from the manual (seed 000), now in its words, and the
// desktop-word decision (パソコン where the manual names the phone the app runs on).
import { render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { App } from '../../renderer/App.tsx'
import type { NavigationState } from '../../renderer/navigation/state.ts'
import { installFakeApi, token } from './fake-api.ts'

const at = (screen: NavigationState['screen'], tokenId: string | null = null): NavigationState => ({ screen, tokenId, visit: 0 })
const first = token()
const second = token({ id: '1c8e6d2f-3a4b-4c7d-8e9f-2b3c4d5e6f70', baseName: 'ミレしんくみネットバンキング_2' })
const expired = vi.fn(async () => ({ ok: true as const, value: { state: 'expired' as const } }))

describe('manual texts (seed 000) on the customer screens', () => {
  it('OTP-20 有効期限更新 says 「残り180日になると」 as seed 3.8', async () => {
    installFakeApi([first], { 'expiry.check': vi.fn(async () => ({ ok: true as const, value: { state: 'renew' as const } })) })
    render(<App env="test" />)
    expect((await screen.findByTestId('expiry-lead')).textContent).toBe(
      '有効期限まで残り180日になると、「有効期限更新」画面が表示されます。継続してご利用頂く場合は、有効期限の更新をしてください。',
    )
  })

  it('OTP-21 有効期限切れ (the only token) carries the note of seed 3.8.2', async () => {
    installFakeApi([first], { 'expiry.check': expired })
    render(<App env="test" />)
    expect((await screen.findByTestId('expired-note')).textContent).toBe('引き続き、ワンタイムパスワードをお使いになる場合は、「1.3初期設定をする」をご参照ください。')
  })

  it('OTP-22 有効期限切れ (one of several) says 削除ボタン and carries the note of seed 3.8.3', async () => {
    installFakeApi([first, second], { 'expiry.check': expired })
    render(<App env="test" initial={at({ name: 'expired', tokenId: first.id })} />)
    expect((await screen.findByTestId('expired-note')).textContent).toBe(
      '全トークンの有効期限が切れており、引き続き、ワンタイムパスワードをお使いになる場合は、「3.8.2 有効期限が切れた場合(1トークン格納時)」をご参照ください。',
    )
    expect(screen.getByText(/^ご確認のうえ、削除ボタンを選択してください。/)).toBeTruthy()
  })

  it('OTP-15 OTP-04 トークン表示名設定 shows the manual’s note on an empty 追加文言 word for word', async () => {
    installFakeApi([first])
    render(<App env="test" initial={at({ name: 'displayName', tokenId: first.id, flow: 'settings' }, first.id)} />)
    expect((await screen.findByTestId('suffix-note')).textContent).toBe('「変更後の追加文言」を空欄にして登録した場合は、トークン表示名の後ろに、追加文言が表示されません。')
  })

  it('OTP-16 このアプリについて writes the version as the manual does (Version4.1.0, no space)', async () => {
    installFakeApi([first])
    render(<App env="test" initial={at({ name: 'about' }, first.id)} />)
    expect((await screen.findByTestId('about-version')).textContent).toBe('Version0.1.0')
  })

  it('OTP-24 OTP-28 パスワード補正 names the パソコン where the manual names the phone', async () => {
    installFakeApi([first])
    render(<App env="test" initial={at({ name: 'correction', tokenId: first.id }, first.id)} />)
    const page = await screen.findByTestId('correction')
    expect(page.textContent).toContain('パソコンの時計とサーバーの時計が大きくずれた場合に、正しく認証されない場合があります。')
    expect(page.textContent).toContain('本機能を使う前に、まずパソコンの日時が正しく設定されているか確認して下さい。')
    expect(page.textContent).not.toContain('スマートフォン')
  })

  it('OTP-25 the English tab label of 取引確認 is a noun, not an action', async () => {
    localStorage.setItem('shinkumi-otp.locale', 'en')
    installFakeApi([token({ offersTransactions: true })])
    render(<App env="test" initial={at({ name: 'settings' }, first.id)} />)
    expect((await screen.findByTestId('tab-transactions')).textContent).toBe('Transactions')
  })
})
