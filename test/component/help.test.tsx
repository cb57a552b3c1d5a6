// ヘルプ (OTP-28): 設定メニュー → ヘルプ → よくある質問 / エラー表示一覧, searchable by code, and reachable from every error
// screen (the navigated one and the crash screen), opened at that error's code.
import { fireEvent, render, screen, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { errorList } from '@shinkumi/common/help/error-list.ts'
import { faq } from '@shinkumi/common/help/faq.ts'
import { App } from '../../renderer/App.tsx'
import type { NavigationState } from '../../renderer/navigation/state.ts'
import { installFakeApi, token } from './fake-api.ts'

const first = token()
const at = (screen: NavigationState['screen'], tokenId: string | null = null): NavigationState => ({ screen, tokenId, visit: 0 })
// The help screens are long (20 Q&As, 26 error rows): on a loaded machine they take a while to render.
const SLOW = { timeout: 5_000 }
const title = async () => (await screen.findByTestId('screen-title', {}, SLOW)).textContent

describe('ヘルプ', { timeout: 30_000 }, () => {
  it('OTP-28 設定メニュー → ヘルプ → よくある質問: the メモリ不足 table and every question, answers in the manual’s words', async () => {
    installFakeApi([first])
    render(<App env="test" initial={at({ name: 'settings' }, first.id)} />)
    fireEvent.click(await screen.findByTestId('settings-help', {}, SLOW))
    expect(await title()).toBe('ヘルプ')
    fireEvent.click(await screen.findByTestId('help-faq', {}, SLOW))
    expect(await title()).toBe('よくある質問')
    expect((await screen.findByTestId('faq-memory', {}, SLOW)).textContent).toContain('他のアプリを起動していませんか。')
    expect(screen.getAllByTestId('faq-question')).toHaveLength(faq.length)
    const lost = screen.getByTestId('faq-lost')
    fireEvent.click(within(lost).getByTestId('faq-question'))
    expect(within(lost).getByTestId('faq-answer').textContent).toContain('至急、お客様センターへご連絡ください。')
    expect(within(lost).getByTestId('faq-desktop-note').textContent).toContain('パソコン版のため、')
    fireEvent.click(screen.getByTestId('header-back'))
    expect(await title()).toBe('ヘルプ')
  })

  it('OTP-28 エラー表示一覧 lists every code and finds one by its code, also inside a grouped row (A007)', async () => {
    installFakeApi([first])
    render(<App env="test" initial={at({ name: 'helpErrors' }, first.id)} />)
    expect(await title()).toBe('エラー表示一覧')
    expect(await screen.findAllByTestId('error-list-code', {}, SLOW)).toHaveLength(errorList.flatMap((group) => group.rows).length)
    fireEvent.change(screen.getByTestId('error-list-search'), { target: { value: 'a007' } })
    const codes = screen.getAllByTestId('error-list-code').map((cell) => cell.textContent)
    expect(codes).toEqual([expect.stringMatching(/^A001\/A002 A006～A010/)])
    expect(screen.getByTestId('error-list-message').textContent).toBe('[初期設定/トークン追加]に失敗しました。')
    fireEvent.change(screen.getByTestId('error-list-search'), { target: { value: 'Z999' } })
    expect(screen.getByTestId('error-list-status').textContent).toBe('該当するエラーコードはありません。')
  })

  it('OTP-28 OTP-27 an error screen opens エラー表示一覧 at its code; [戻る] returns to the error', async () => {
    installFakeApi([], { 'tokens.provision': vi.fn(async () => ({ ok: false as const, error: { code: 'S0F1' as const } })) })
    render(<App env="test" />)
    fireEvent.change(await screen.findByTestId('setup-service-id', {}, SLOW), { target: { value: 'SHINKUMI' } })
    fireEvent.change(screen.getByTestId('setup-user-id'), { target: { value: 'yamada001' } })
    fireEvent.change(screen.getByTestId('setup-password'), { target: { value: 'ABCD1234EF' } })
    fireEvent.click(screen.getByTestId('setup-agree'))
    fireEvent.click(screen.getByTestId('setup-submit'))
    expect((await screen.findByTestId('error-message', {}, SLOW)).textContent).toBe('初期設定に失敗しました。\nパソコンの日時・タイムゾーンが正しく設定されているか確認してください。')
    fireEvent.click(screen.getByTestId('error-help'))
    expect(await title()).toBe('エラー表示一覧')
    expect(((await screen.findByTestId('error-list-search', {}, SLOW)) as HTMLInputElement).value).toBe('S0F1')
    expect(screen.getAllByTestId('error-list-code').map((cell) => cell.textContent)).toEqual([expect.stringMatching(/^S0F1/)])
    expect(screen.getByTestId('error-list-remedy').textContent).toContain('お使いのパソコンの日付／時刻が正しく設定されていない可能性があります。')
    fireEvent.click(screen.getByTestId('error-list-all'))
    expect(screen.getAllByTestId('error-list-code').length).toBeGreaterThan(1)
    fireEvent.click(screen.getByTestId('header-back'))
    expect((await screen.findByTestId('error-code', {}, SLOW)).textContent).toBe('S0F1')
  })

  it('OTP-28 OTP-26 the crash screen opens エラー表示一覧 at A999 in place and comes back', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    installFakeApi([token({ expiresAt: 'not a date' })])
    render(<App env="test" />)
    expect((await screen.findByTestId('error-code', {}, SLOW)).textContent).toBe('A999')
    fireEvent.click(screen.getByTestId('error-help'))
    expect(await title()).toBe('エラー表示一覧')
    expect(screen.getByTestId('error-list-remedy').textContent).toBe('本アプリを再起動して再試行してください。再度実施しても、うまくいかない場合は、お客様センターにお問合せ下さい。')
    fireEvent.click(screen.getByTestId('header-back'))
    expect((await screen.findByTestId('error-code', {}, SLOW)).textContent).toBe('A999')
  })
})
