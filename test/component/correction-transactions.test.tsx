// パスワード補正 (OTP-24) and 取引確認 (OTP-25) screens against a fake main process.
import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { App } from '../../renderer/App.tsx'
import { installFakeApi, token } from './fake-api.ts'

const plain = token()
const withTx = token({ id: '6f1e2d3c-4b5a-4978-8877-665544332211', offersTransactions: true })
const onOtp = (tokenId: string) => ({ screen: { name: 'otp' as const, tokenId }, tokenId, visit: 0 })
const title = async (text: string) => expect((await screen.findByTestId('screen-title')).textContent).toBe(text)

describe('パスワード補正', () => {
  it('OTP-24 設定メニュー → パスワード補正 → [実行] → done → [設定メニューに戻る]', async () => {
    const api = installFakeApi([plain])
    render(<App env="test" initial={onOtp(plain.id)} />)
    fireEvent.click(await screen.findByTestId('tab-settings'))
    fireEvent.click(await screen.findByTestId('settings-correction'))
    await title('パスワード補正')
    expect((await screen.findByTestId('correction-notes')).textContent).toContain('本機能を実行後は、2～3分待ってから認証を行って下さい。')
    fireEvent.click(screen.getByTestId('correction-run'))
    expect((await screen.findByTestId('correction-done-message')).textContent).toBe('パスワード補正が完了しました。')
    expect(api['correction.run']).toHaveBeenCalledWith(plain.id)
    fireEvent.click(screen.getByTestId('correction-back'))
    await title('設定メニュー')
  })

  it('OTP-24 A403 reads 「パスワード補正に失敗しました。」 and [戻る] returns to パスワード補正', async () => {
    installFakeApi([plain], { 'correction.run': vi.fn(async () => ({ ok: false as const, error: { code: 'A403' as const } })) })
    render(<App env="test" initial={{ screen: { name: 'correction', tokenId: plain.id }, tokenId: plain.id, visit: 0 }} />)
    fireEvent.click(await screen.findByTestId('correction-run'))
    expect((await screen.findByTestId('error-message')).textContent).toBe('パスワード補正に失敗しました。')
    fireEvent.click(screen.getByTestId('error-back'))
    await title('パスワード補正')
  })
})

describe('取引確認', () => {
  const details = { payeeBank: 'ミレ信用組合', payeeBranch: '駅前支店', payeeAccount: '普通 7654321', payeeName: 'ヤマダ タロウ', amount: 1_234_567 }
  const pending = {
    id: '11111111-2222-4333-8444-555555555555',
    tokenId: withTx.id,
    tokenName: withTx.displayName,
    details,
    createdAt: '2026-11-21T03:00:00.000Z',
    expiresAt: '2026-11-21T03:10:00.000Z',
  }

  it('OTP-05 OTP-25 no 取引確認 tab without a service that offers it', async () => {
    installFakeApi([plain])
    render(<App env="test" initial={onOtp(plain.id)} />)
    await screen.findByTestId('tab-settings')
    expect(screen.queryByTestId('tab-transactions')).toBeNull()
  })

  it('OTP-25 the tab reads 取引認証開始 until enrolment', async () => {
    installFakeApi([withTx], {
      'transactions.overview': vi.fn(async () => ({ ok: true as const, value: { offered: true, enrolmentPending: true } })),
    })
    render(<App env="test" initial={onOtp(withTx.id)} />)
    expect((await screen.findByTestId('tab-transactions')).textContent).toBe('取引認証開始')
  })

  it('OTP-25 shows payee and amount in yen; [承認] sends the details shown', async () => {
    const api = installFakeApi([withTx], {
      'transactions.list': vi
        .fn()
        .mockResolvedValueOnce({ ok: true, value: { enrolled: [], transactions: [pending] } })
        .mockResolvedValue({ ok: true, value: { enrolled: [], transactions: [] } }),
    })
    render(<App env="test" initial={onOtp(withTx.id)} />)
    fireEvent.click(await screen.findByTestId('tab-transactions'))
    const card = await screen.findByTestId('tx-card')
    expect(within(card).getByTestId('tx-amount').textContent).toBe('1,234,567円')
    expect(within(card).getByTestId('tx-payee-name').textContent).toBe('ヤマダ タロウ')
    expect(within(card).getByTestId('tx-approve').textContent).toBe('承認')
    expect(within(card).getByTestId('tx-reject').textContent).toBe('否認')
    fireEvent.click(within(card).getByTestId('tx-approve'))
    expect((await screen.findByTestId('tx-outcome')).textContent).toContain('お取引を承認しました。')
    expect(api['transactions.decide']).toHaveBeenCalledWith({ tokenId: withTx.id, transactionId: pending.id, decision: 'approve', details })
    expect(await screen.findByTestId('tx-none')).toBeTruthy()
  })
})
