// Several tokens end to end (OTP-03…05, OTP-11, OTP-14, OTP-15; seed 3.1.1–3.4, 3.11): トークン追加 from 設定メニュー on
// the real service, names _2, トークン選択 at start-up and from its tab, トークン表示名設定 for any token, the 10-token
// limit, and トークン削除 — local only, so the service still refuses the same user (S0B4).
import type { Page } from '@playwright/test'
import type { BridgeApi } from '@shinkumi/common/bridge.ts'
import { setUp, uniqueUser } from './device-helpers.ts'
import { expect, stop, test, type Service } from './fixtures.ts'

const SERVICE = 'SHINKUMIBIZ'
const issue = (service: Service, userId: string) =>
  (JSON.parse(service.admin('issue', '--service', SERVICE, '--user', userId, '--json')) as { activationPassword: string }).activationPassword

/** 設定メニュー → トークン追加, filled and sent. */
async function addToken(page: Page, userId: string, password: string): Promise<void> {
  await page.getByTestId('tab-settings').click()
  await page.getByTestId('settings-add-token').click()
  await expect(page.getByTestId('screen-title')).toHaveText('トークン追加')
  await page.getByTestId('setup-service-id').fill(SERVICE)
  await page.getByTestId('setup-user-id').fill(userId)
  await page.getByTestId('setup-password').fill(password)
  await page.getByTestId('setup-agree').check()
  await page.getByTestId('setup-submit').click()
}

/** The app's own bridge, as the renderer calls it: provisioning many tokens quickly on the real service. */
async function provisionThroughBridge(page: Page, userId: string, activationPassword: string): Promise<void> {
  const result = await page.evaluate((input) => (window as unknown as { api: BridgeApi }).api['tokens.provision'](input), {
    mode: 'add' as const,
    serviceId: SERVICE,
    userId,
    activationPassword,
    agreed: true,
  })
  expect(result.ok).toBe(true)
}

test('OTP-04 OTP-05 OTP-15 トークン追加 → トークン追加完了 → トークン表示名設定 → トークン選択; names _2; start-up and the tab show トークン選択', async ({
  page,
  service,
  startApp,
  snap,
}) => {
  const app = await startApp(service.url)
  const first = uniqueUser('multi')
  await setUp(page, app.url, SERVICE, first, issue(service, first))
  await expect(page.getByTestId('otp-token-name')).toHaveText('しんくみビジネス')

  const second = uniqueUser('multi')
  await addToken(page, second, issue(service, second))
  await expect(page.getByTestId('screen-title')).toHaveText('トークン追加完了')
  await expect(page.getByTestId('provisioned-token-name')).toHaveText('しんくみビジネス_2')
  await snap('tokens-01-トークン追加完了')
  await page.getByTestId('provisioned-next').click()
  await expect(page.getByTestId('screen-title')).toHaveText('トークン表示名設定')
  await page.getByTestId('suffix-input').fill('本店用')
  await page.getByTestId('suffix-submit').click()

  // Seed 3.3 step 5–6: トークン選択, with the added token among them.
  await expect(page.getByTestId('screen-title')).toHaveText('トークン選択')
  await expect(page.getByTestId('token-select-name')).toHaveText(['しんくみビジネス', 'しんくみビジネス_2本店用'])
  await snap('tokens-02-トークン選択')
  await page.getByTestId('token-select-item').nth(1).click()
  await expect(page.getByTestId('screen-title')).toHaveText('ワンタイムパスワード')
  await expect(page.getByTestId('otp-token-name')).toHaveText('しんくみビジネス_2本店用')

  // Seed 3.2: the tab; the token shown is marked.
  await page.getByTestId('tab-tokens').click()
  await expect(page.getByTestId('screen-title')).toHaveText('トークン選択')
  await expect(page.getByTestId('token-select-item').nth(1)).toHaveAttribute('aria-current', 'true')
  await page.getByTestId('token-select-item').first().click()
  await expect(page.getByTestId('otp-token-name')).toHaveText('しんくみビジネス')

  // Seed 3.11: トークン表示名設定 for any token, at most 8 characters.
  await page.getByTestId('tab-settings').click()
  await page.getByTestId('settings-display-name').click()
  await page.getByTestId('suffix-token-select').selectOption({ label: 'しんくみビジネス_2本店用' })
  await page.getByTestId('suffix-input').fill('九文字の追加文言です')
  await expect(page.getByTestId('suffix-submit')).toBeDisabled()
  await page.getByTestId('suffix-input').fill('')
  await page.getByTestId('suffix-submit').click()
  await expect(page.getByTestId('suffix-current-name')).toHaveText('しんくみビジネス_2')

  // Seed 3.1.1: a fresh start with several tokens shows トークン選択 first.
  await stop(app.child)
  const restarted = await startApp(service.url, app.dataDir)
  await page.goto(restarted.url)
  await expect(page.getByTestId('screen-title')).toHaveText('トークン選択')
  await expect(page.getByTestId('token-select-name')).toHaveText(['しんくみビジネス', 'しんくみビジネス_2'])
  await snap('tokens-03-起動時のトークン選択')
  await page.getByTestId('token-select-item').nth(1).click()
  await expect(page.getByTestId('otp-code')).toHaveText(/^\d{4}\s\d{4}$/)
})

test('OTP-11 トークン追加 of the same service ID and user ID is A916, before any network call', async ({ page, service, startApp, snap }) => {
  const app = await startApp(service.url)
  const userId = uniqueUser('dup')
  const password = issue(service, userId)
  await setUp(page, app.url, SERVICE, userId, password)
  await addToken(page, userId, password)
  await expect(page.getByTestId('error-code')).toHaveText('A916')
  await expect(page.getByTestId('error-message')).toHaveText('このトークンは既に登録済みです。\n同じユーザのトークンは、登録できません。')
  await snap('tokens-04-A916')
})

test('OTP-03 the 11th token is refused with the seed guidance and no code', async ({ page, service, startApp, snap }) => {
  test.setTimeout(120_000)
  const app = await startApp(service.url)
  const first = uniqueUser('ten')
  await setUp(page, app.url, SERVICE, first, issue(service, first))
  for (let i = 2; i <= 10; i++) {
    const userId = uniqueUser('ten')
    await provisionThroughBridge(page, userId, issue(service, userId))
  }
  const eleventh = uniqueUser('ten')
  await addToken(page, eleventh, issue(service, eleventh))
  await expect(page.getByTestId('error-screen')).toBeVisible()
  await expect(page.getByTestId('error-code')).toHaveCount(0)
  await expect(page.getByTestId('error-message')).toHaveText('トークンの登録は10件までです。')
  await expect(page.getByTestId('error-remedy')).toHaveText('トークンがいっぱいになったときは、不要なトークンを削除してからトークンの追加を行ってください。')
  await snap('tokens-05-10件まで')
  await page.getByTestId('error-back').click()
  await page.getByTestId('header-back').click()
  await page.getByTestId('tab-tokens').click()
  await expect(page.getByTestId('token-select-item')).toHaveCount(10)
  await expect(page.getByTestId('token-select-name').last()).toHaveText('しんくみビジネス_10')
})

test('OTP-14 トークン削除 → トークン削除確認 → [削除] → 設定メニュー; the last one → トークン削除完了 → [次へ] → 初期設定; local only', async ({ page, service, startApp, snap }) => {
  const app = await startApp(service.url)
  const [first, second] = [uniqueUser('del'), uniqueUser('del')]
  const firstPassword = issue(service, first)
  await setUp(page, app.url, SERVICE, first, firstPassword)
  await addToken(page, second, issue(service, second))
  await page.getByTestId('provisioned-next').click()
  await page.getByTestId('suffix-submit').click()
  await page.getByTestId('token-select-item').first().click()

  await page.getByTestId('tab-settings').click()
  await page.getByTestId('settings-delete-token').click()
  await expect(page.getByTestId('screen-title')).toHaveText('トークン削除')
  await expect(page.getByTestId('token-delete-item')).toHaveCount(2)
  await snap('tokens-06-トークン削除')
  await page.getByTestId('token-delete-item').first().click()
  await expect(page.getByTestId('screen-title')).toHaveText('トークン削除確認')
  await expect(page.getByTestId('delete-token-name')).toHaveText('しんくみビジネス')
  await snap('tokens-07-トークン削除確認')
  await page.getByTestId('delete-submit').click()
  await expect(page.getByTestId('screen-title')).toHaveText('設定メニュー')
  // The deleted token was the one shown: the ワンタイムパスワード tab has none until one is chosen.
  await expect(page.getByTestId('tab-otp')).toBeDisabled()

  await page.getByTestId('settings-delete-token').click()
  await expect(page.getByTestId('token-delete-name')).toHaveText(['しんくみビジネス_2'])
  await page.getByTestId('token-delete-item').click()
  await page.getByTestId('delete-submit').click()
  await expect(page.getByTestId('screen-title')).toHaveText('トークン削除完了')
  await snap('tokens-08-トークン削除完了')
  await page.getByTestId('deleted-next').click()
  await expect(page.getByTestId('screen-title')).toHaveText('初期設定')

  // Deletion is local (seed FAQ): the service still has the user activated, so setting it up again is S0B4.
  await page.getByTestId('setup-service-id').fill(SERVICE)
  await page.getByTestId('setup-user-id').fill(first)
  await page.getByTestId('setup-password').fill(firstPassword)
  await page.getByTestId('setup-agree').check()
  await page.getByTestId('setup-submit').click()
  await expect(page.getByTestId('error-code')).toHaveText('S0B4')
})
