// LNK-02…LNK-11: every message of the seed, as the customer sees it in Chromium (phone size), with screenshots.
import type { Page } from '@playwright/test'
import { test, expect } from '../fixtures.ts'
import { TARO, HANAKO, authorizeUrl, catchRedirect, fillAccount, fillCustomer, pkce, screenId, toCallScreen } from './helpers.ts'

test.use({ viewport: { width: 390, height: 844 } })

/** The seed's エラー dialog with a check's message, closed with OK (LNK-04, LNK-09). */
async function expectErrorDialog(page: Page, message: string) {
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByText('エラー', { exact: true })).toBeVisible()
  await expect(dialog).toContainText(message)
  await dialog.getByRole('button', { name: 'OK' }).click()
  await expect(dialog).toBeHidden()
}

test('LNK-02 SOA201: missing items → 「入力されていない項目があります。」 and 「必ず入力して下さい。」 on the field', async ({ page, linkage, snap }) => {
  await page.goto(authorizeUrl(linkage, pkce().challenge))
  await page.getByLabel('店舗').fill('115')
  await page.getByRole('button', { name: '次へ' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('入力されていない項目があります。')
  await expect(page.locator('[data-field="accountNumber"] .missing-note')).toHaveText('必ず入力して下さい。')
  await expect(page.locator('[data-field="accountNumber"] .missing-note')).toBeVisible()
  await expect(page.locator('[data-field="branch"] .missing-note')).toBeHidden()
  await snap('10-SOA201-missing-dialog')
  await dialog.getByRole('button', { name: 'OK' }).click()
  await expect(dialog).toBeHidden()
  await expect(screenId(page)).toHaveText('画面ID : SOA201')
})

test('LNK-03 SOA202: missing items → the dialog and every empty field marked', async ({ page, linkage, snap }) => {
  await page.goto(authorizeUrl(linkage, pkce().challenge))
  await fillAccount(page, TARO)
  await page.getByRole('button', { name: '次へ' }).click()
  await page.getByLabel('お名前').fill('データ タロウ')
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(page.getByRole('dialog')).toContainText('入力されていない項目があります。')
  for (const name of ['birthYear', 'phone', 'email', 'emailConfirm']) {
    await expect(page.locator(`[data-field="${name}"] .missing-note`)).toBeVisible()
  }
  await expect(page.locator('[data-field="name"] .missing-note')).toBeHidden()
  await snap('11-SOA202-missing-dialog')
})

test('LNK-04 message 1 is raised on ② with the エラー dialog (unknown account, moved to another branch); [最初に戻る] leads to ①', async ({ page, linkage, snap }) => {
  for (const account of [
    { branch: '115', accountNumber: '9999999' },
    { branch: '011', accountNumber: '1111111' },
  ]) {
    await page.goto(authorizeUrl(linkage, pkce().challenge))
    await fillAccount(page, { ...HANAKO, ...account })
    await page.getByRole('button', { name: '次へ' }).click()
    await fillCustomer(page, HANAKO)
    await page.getByRole('button', { name: '次へ' }).click()
    await expectErrorDialog(page, 'ご指定の口座は、本サービスではお取り扱いできません。')
    await expect(screenId(page)).toHaveText('画面ID : SOA202')
    await expect(page.getByRole('alert')).toHaveText('ご指定の口座は、本サービスではお取り扱いできません。')
    await snap('12-LNK04-message1-account')
    await page.getByRole('button', { name: '最初に戻る' }).click()
    await expect(screenId(page)).toHaveText('画面ID : SOA201')
  }
})

test('LNK-04 message 2: the account is right, the person is not', async ({ page, linkage, snap }) => {
  await page.goto(authorizeUrl(linkage, pkce().challenge))
  await fillAccount(page, TARO)
  await page.getByRole('button', { name: '次へ' }).click()
  await fillCustomer(page, TARO, { year: '1981' })
  await page.getByRole('button', { name: '次へ' }).click()
  await expectErrorDialog(page, '本人認証情報が誤っています。本人認証項目をご確認のうえ、再度入力して下さい。')
  await expect(page.getByRole('alert')).toHaveText('本人認証情報が誤っています。本人認証項目をご確認のうえ、再度入力して下さい。')
  await expect(screenId(page)).toHaveText('画面ID : SOA202')
  await snap('13-LNK04-message2-identity')
})

test('LNK-05 outside service hours → 「ただ今の時間はサービスを行っていません。ご了承下さい。」', async ({ page, linkage, snap }) => {
  await linkage.setClock('2026-11-18T04:02:00+09:00')
  const response = await page.goto(authorizeUrl(linkage, pkce().challenge))
  expect(response?.status()).toBe(503)
  await expect(page.getByRole('alert')).toHaveText('ただ今の時間はサービスを行っていません。ご了承下さい。')
  await snap('14-LNK05-out-of-hours')
  // A flow already open is refused too when the hours end under it.
  await linkage.setClock('2026-11-18T23:58:00+09:00')
  await page.goto(authorizeUrl(linkage, pkce().challenge))
  await linkage.setClock('2026-11-19T00:00:30+09:00')
  await fillAccount(page, TARO)
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(page.getByRole('alert')).toHaveText('ただ今の時間はサービスを行っていません。ご了承下さい。')
})

test('LNK-07 LNK-08 SOA209: 確定する before the call → 「認証中（認証着信待ち）」; a withheld caller ID does not count', async ({ page, linkage, snap }) => {
  const to = await toCallScreen(page, linkage)
  await page.getByRole('button', { name: '確定する' }).click()
  await expect(page.getByRole('alert')).toHaveText('認証中（認証着信待ち）')
  await snap('15-SOA209-waiting')
  expect((await linkage.call('anonymous', to)).body.status).toBe('withheld')
  expect((await linkage.call('', to)).body.status).toBe('withheld')
  await page.getByRole('button', { name: '確定する' }).click()
  await expect(page.getByRole('alert')).toHaveText('認証中（認証着信待ち）')
  expect((await linkage.call(TARO.phone, to)).body.status).toBe('verified')
  await page.getByRole('button', { name: '確定する' }).click()
  await expect(screenId(page)).toHaveText('画面ID : SOA211')
})

test('LNK-08 after 120 s (service clock) the flow must restart from the beginning', async ({ page, linkage, snap }) => {
  const to = await toCallScreen(page, linkage)
  await linkage.setClock('2026-11-18T14:02:01+09:00')
  expect((await linkage.call(TARO.phone, to)).body.status).toBe('unmatched')
  await page.getByRole('button', { name: '確定する' }).click()
  await expect(page.getByRole('alert')).toContainText('120秒経過後の「確定する」ボタン選択は無効となります。')
  await expect(page.getByRole('alert')).toContainText('API連携認証の最初に戻って操作してください。')
  await snap('16-SOA209-expired')
  await page.getByRole('button', { name: '最初に戻る' }).click()
  await expect(screenId(page)).toHaveText('画面ID : SOA201')
})

test('LNK-09 SOA211: a wrong PIN → message 2 in the same エラー dialog as on ②', async ({ page, linkage, snap }) => {
  const to = await toCallScreen(page, linkage)
  await linkage.call(TARO.phone, to)
  await page.getByRole('button', { name: '確定する' }).click()
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(page.getByRole('dialog')).toContainText('入力されていない項目があります。')
  await page.getByRole('dialog').getByRole('button', { name: 'OK' }).click()
  await page.getByLabel('キャッシュカードの暗証番号').fill('9999')
  await page.getByRole('button', { name: '次へ' }).click()
  await snap('17-SOA211-wrong-pin')
  await expectErrorDialog(page, '本人認証情報が誤っています。本人認証項目をご確認のうえ、再度入力して下さい。')
  await expect(page.getByRole('alert')).toHaveText('本人認証情報が誤っています。本人認証項目をご確認のうえ、再度入力して下さい。')
  await expect(screenId(page)).toHaveText('画面ID : SOA211')
})

test('LNK-11 中止する on any screen → 「API連携認証を中止しました。」 → 連携元画面へ with error=access_denied&state', async ({ page, linkage, snap }) => {
  const redirected = await catchRedirect(page)
  await page.goto(authorizeUrl(linkage, pkce().challenge, 'abort-state'))
  await fillAccount(page, TARO)
  await page.getByRole('button', { name: '次へ' }).click()
  await page.getByRole('button', { name: '中止する' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('API連携認証の中止')
  await expect(page.getByText('API連携認証を中止しました。')).toBeVisible()
  await expect(screenId(page)).toHaveText('画面ID : SOA299')
  await snap('18-aborted')
  await page.getByRole('link', { name: '連携元画面へ' }).click()
  await expect.poll(() => redirected()?.searchParams.get('error') ?? null).toBe('access_denied')
  expect(redirected()!.searchParams.get('state')).toBe('abort-state')
})

test('LNK-10 LNK-11 拒否する on SOA206 → 中止 → access_denied', async ({ page, linkage }) => {
  const redirected = await catchRedirect(page)
  const to = await toCallScreen(page, linkage)
  await linkage.call(TARO.phone, to)
  await page.getByRole('button', { name: '確定する' }).click()
  await page.getByLabel('キャッシュカードの暗証番号').fill(TARO.pin)
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(page.getByRole('button', { name: '許可する' })).toBeDisabled()
  await page.getByRole('button', { name: '拒否する' }).click()
  await expect(page.getByText('API連携認証を中止しました。')).toBeVisible()
  await page.getByRole('link', { name: '連携元画面へ' }).click()
  await expect.poll(() => redirected()?.searchParams.get('error') ?? null).toBe('access_denied')
})

test('LNK-02 footer pages: API利用規定 and よくあるご質問', async ({ page, linkage, snap }) => {
  await page.goto(`${linkage.url}/linkage/faq`)
  await expect(page.getByText('毎月第2および第4日曜日の前日23:50~翌7:00')).toBeVisible()
  await snap('19-faq')
  await page.goto(`${linkage.url}/linkage/terms`)
  await expect(page.getByRole('heading', { name: 'API利用規定', level: 2 })).toBeVisible()
})
