// 有効期限更新 / 有効期限切れ screens (OTP-20…23) against a fake main process.
import { fireEvent, render, screen } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { App } from '../../renderer/App.tsx'
import { installFakeApi, token } from './fake-api.ts'

const soon = token({ expiresAt: '2027-03-02T03:00:00.000Z' })
const title = async (text: string) => expect((await screen.findByTestId('screen-title')).textContent).toBe(text)

describe('有効期限更新', () => {
  it('OTP-20 OTP-05 start-up with a token near expiry shows 有効期限更新 before the code, without tabs', async () => {
    installFakeApi([soon], { 'expiry.check': vi.fn(async () => ({ ok: true as const, value: { state: 'renew' as const } })) })
    render(<App env="test" />)
    await title('有効期限更新')
    expect((await screen.findByTestId('expiry-date')).textContent).toBe('有効期限：2027/03/02')
    expect(screen.getByTestId('expiry-renew-now').textContent).toBe('今すぐ更新')
    expect(screen.getByTestId('expiry-later').textContent).toBe('後で通知')
    expect(screen.queryByTestId('tab-otp')).toBeNull()
  })

  it('OTP-20 後で通知 records the choice and shows ワンタイムパスワード', async () => {
    const api = installFakeApi([soon], { 'expiry.check': vi.fn(async () => ({ ok: true as const, value: { state: 'renew' as const } })) })
    render(<App env="test" />)
    fireEvent.click(await screen.findByTestId('expiry-later'))
    await title('ワンタイムパスワード')
    expect(api['expiry.postpone']).toHaveBeenCalledWith(soon.id)
  })

  it('OTP-20 今すぐ更新 → 有効期限更新完了 with the new expiry → [次へ] → ワンタイムパスワード', async () => {
    const renewed = { ...soon, expiresAt: '2028-11-21T03:00:00.000Z' }
    installFakeApi([soon], {
      'expiry.check': vi.fn(async () => ({ ok: true as const, value: { state: 'renew' as const } })),
      'expiry.renew': vi.fn(async () => ({ ok: true as const, value: renewed })),
    })
    render(<App env="test" />)
    fireEvent.click(await screen.findByTestId('expiry-renew-now'))
    await title('有効期限更新完了')
    expect((await screen.findByTestId('expiry-renewed-date')).textContent).toBe('有効期限：2028/11/21')
    fireEvent.click(screen.getByTestId('expiry-renewed-next'))
    await title('ワンタイムパスワード')
  })

  it('OTP-23 A300T reads as A300 with the seed’s 取引確認 sentence; [戻る] returns to 有効期限更新', async () => {
    installFakeApi([soon], {
      'expiry.check': vi.fn(async () => ({ ok: true as const, value: { state: 'renew' as const } })),
      'expiry.renew': vi.fn(async () => ({ ok: false as const, error: { code: 'A300T' as const } })),
    })
    render(<App env="test" />)
    fireEvent.click(await screen.findByTestId('expiry-renew-now'))
    expect((await screen.findByTestId('error-code')).textContent).toBe('A300')
    expect(screen.getByTestId('error-message').textContent).toContain('有効期限更新が終わるまで、取引確認を利用しないでください。')
    fireEvent.click(screen.getByTestId('error-back'))
    await title('有効期限更新')
  })

  it('OTP-23 A301 reads 「CTF更新に失敗しました。」', async () => {
    installFakeApi([soon], {
      'expiry.check': vi.fn(async () => ({ ok: true as const, value: { state: 'renew' as const } })),
      'expiry.renew': vi.fn(async () => ({ ok: false as const, error: { code: 'A301' as const } })),
    })
    render(<App env="test" />)
    fireEvent.click(await screen.findByTestId('expiry-renew-now'))
    expect((await screen.findByTestId('error-message')).textContent).toBe('CTF更新に失敗しました。')
  })
})

describe('有効期限切れ', () => {
  it('OTP-21 the only token: [確認] removes it and shows 初期設定', async () => {
    const api = installFakeApi([soon], { 'expiry.check': vi.fn(async () => ({ ok: true as const, value: { state: 'expired' as const } })) })
    render(<App env="test" />)
    await title('有効期限切れ')
    const button = await screen.findByTestId('expired-remove')
    expect(button.textContent).toBe('確認')
    fireEvent.click(button)
    await title('初期設定')
    expect(api['expiry.removeExpired']).toHaveBeenCalledWith(soon.id)
  })
})
