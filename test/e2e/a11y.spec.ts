// A11Y-01 end to end: axe-core (@axe-core/playwright) on every customer and staff screen of the desktop app, reached
// the way a customer or staff member reaches them (real renderer, core and service), plus the customer journey by
// keyboard alone. Each walk is one test, so the service and app start once per walk; the walks are long on
// purpose (the timeout says so), because the screens come one after another.
import { Secret, TOTP } from 'otpauth'
import type { Page } from '@playwright/test'
import { callBridge, newDataDir, setUp, uniqueUser, NETBANK, BIZ } from './device-helpers.ts'
import { expect, expectAccessible, issue, stop, test, type DemoStaff } from './fixtures.ts'

// The walks share nothing (each its own user, app and, where it needs one, service): on CI's two workers they run
// side by side instead of one after another at the end of the run.
test.describe.configure({ mode: 'parallel' })

const title = (page: Page) => page.getByTestId('screen-title')

/** Shows a screen by its title, then lets axe-core judge it. */
async function check(page: Page, screenTitle: string, name = screenTitle) {
  await expect(title(page)).toHaveText(screenTitle)
  await expectAccessible(page, name)
}

test('A11Y-01 OTP-28 every customer screen, ヘルプ included, has no critical or serious axe-core violation', async ({ page, app, service, snap }) => {
  test.setTimeout(600_000)
  const userId = uniqueUser('a11y')
  const password = issue(service, NETBANK, userId)
  await page.goto(app.url)
  await check(page, '初期設定')

  // An error screen, and エラー表示一覧 opened from it at its code.
  await page.getByTestId('setup-submit').click()
  await expect(page.getByTestId('error-code')).toHaveText('A911')
  await check(page, 'エラー', 'エラー (A911)')
  await page.getByTestId('error-help').click()
  await check(page, 'エラー表示一覧', 'エラー表示一覧 (A911)')
  await expect(page.getByTestId('error-list-search')).toHaveValue('A911')
  await snap('help-03-エラー表示一覧-A911')
  await page.getByTestId('header-back').click()
  await page.getByTestId('error-back').click()

  await page.getByTestId('setup-service-id').fill(NETBANK)
  await page.getByTestId('setup-user-id').fill(userId)
  await page.getByTestId('setup-password').fill(password)
  await page.getByTestId('setup-agree').check()
  await page.getByTestId('setup-submit').click()
  await check(page, '初期設定完了')
  await page.getByTestId('provisioned-next').click()
  await check(page, 'トークン表示名設定')
  await page.getByTestId('suffix-submit').click()
  await check(page, 'ワンタイムパスワード')
  await page.getByTestId('tab-tokens').click()
  await check(page, 'トークン選択')
  await page.getByTestId('tab-transactions').click()
  await check(page, '取引確認')
  await page.getByTestId('tab-settings').click()
  await check(page, '設定メニュー')

  await page.getByTestId('settings-help').click()
  await check(page, 'ヘルプ')
  await snap('help-01-ヘルプ')
  await page.getByTestId('help-faq').click()
  await expect(title(page)).toHaveText('よくある質問')
  await page.getByTestId('faq-lost').getByTestId('faq-question').click()
  await expect(page.getByTestId('faq-lost').getByTestId('faq-desktop-note')).toBeVisible()
  await page.getByTestId('faq-otp-error').getByTestId('faq-question').click()
  await expect(page.getByTestId('faq-otp-error').getByTestId('faq-answer')).toContainText('パソコンの日時が正確ではない可能性があります。')
  await check(page, 'よくある質問')
  await snap('help-02-よくある質問')
  await page.getByTestId('header-back').click()
  await page.getByTestId('help-errors').click()
  await check(page, 'エラー表示一覧')
  await snap('help-04-エラー表示一覧')
  await page.getByTestId('error-list-search').fill('s3e4')
  await expect(page.getByTestId('error-list-code')).toHaveCount(1)
  await expect(page.getByTestId('error-list-message')).toHaveText('トークン有効期限の更新期間外です。\nパソコンの日時・タイムゾーンをご確認ください。')
  await snap('help-05-エラー表示一覧-S3E4')

  await page.getByTestId('tab-settings').click()
  await page.getByTestId('settings-add-token').click()
  await check(page, 'トークン追加')
  await page.getByTestId('header-back').click()
  await page.getByTestId('settings-display-name').click()
  await check(page, 'トークン表示名設定', 'トークン表示名設定 (設定メニュー)')
  await page.getByTestId('header-back').click()
  await page.getByTestId('settings-correction').click()
  await check(page, 'パスワード補正')
  await page.getByTestId('correction-run').click()
  await expect(page.getByTestId('correction-done-message')).toBeVisible()
  await check(page, 'パスワード補正', 'パスワード補正 (完了)')
  await page.getByTestId('correction-back').click()
  await page.getByTestId('settings-version').click()
  await expect(page.getByTestId('about-version')).toBeVisible()
  await check(page, 'このアプリについて')
  await page.getByTestId('header-back').click()

  await page.getByTestId('settings-app-lock').click()
  await check(page, 'アプリロック設定')
  await page.getByTestId('lock-switch').click({ force: true })
  await expect(page.getByRole('dialog')).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCSS('opacity', '1')
  await expectAccessible(page, 'アプリロック設定 (注意 dialog)')
  await page.getByTestId('lock-dialog-ok').click()
  await page.getByTestId('lock-code').fill('2468')
  await page.getByTestId('lock-confirmation').fill('2468')
  await page.getByTestId('lock-submit').click()
  await expect(title(page)).toHaveText('設定メニュー')
  // As when the computer locks (OTP-18): the core drops the key; the next screen asks for the code.
  await callBridge(page, 'lock.engage')
  await page.reload()
  await check(page, 'アプリロックコード入力')
  await page.getByTestId('unlock-code').fill('2468')
  await page.getByTestId('unlock-submit').click()
  await expect(title(page)).toHaveText('ワンタイムパスワード')

  await page.getByTestId('tab-settings').click()
  await page.getByTestId('settings-delete-token').click()
  await check(page, 'トークン削除')
  await page.getByTestId('token-delete-item').first().click()
  await check(page, 'トークン削除確認')
  await page.getByTestId('delete-submit').click()
  await check(page, 'トークン削除完了')
})

test('A11Y-01 the expiry screens (有効期限更新, 有効期限更新完了, 有効期限切れ) have no critical or serious axe-core violation', async ({ page, startApp, startService }) => {
  test.setTimeout(600_000)
  const shortLived = await startService({ TOKEN_LIFETIME_DAYS: '100' })
  const dataDir = newDataDir()
  const userId = uniqueUser('a11yexp')
  const first = await startApp(shortLived.url, dataDir)
  await setUp(page, first.url, BIZ, userId, shortLived.issue(BIZ, userId))
  await expect(title(page)).toHaveText('ワンタイムパスワード')
  await stop(first.child)
  // Next start: the token expires within 180 days.
  const next = await startApp(shortLived.url, dataDir)
  await page.goto(next.url)
  await check(page, '有効期限更新')
  await page.getByTestId('expiry-renew-now').click()
  await check(page, '有効期限更新完了')
  await stop(next.child)
  // 200 days on, the token (renewed for 100 days) has expired.
  const later = await startApp(shortLived.url, dataDir, { clockOffsetDays: 200 })
  await page.goto(later.url)
  await check(page, '有効期限切れ')
})

test('A11Y-01 every staff screen has no critical or serious axe-core violation', async ({ page, startApp, startService }) => {
  test.setTimeout(600_000)
  const service = await startService({ CLOCK: 'manual', SMTP_URL: '' })
  const app = await startApp(service.url)
  const demo = JSON.parse(service.admin('demo', '--json')) as { staff: DemoStaff[] }
  // 14:00 JST today, a new 30-second TOTP step for each sign-in (a code opens one session only).
  let now = new Date(`${new Date(Date.now() + 9 * 3_600_000).toISOString().slice(0, 10)}T14:00:00+09:00`)
  const signIn = async (staffId: string) => {
    now = new Date(now.getTime() + 30_000)
    await fetch(`${service.url}/__test__/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ now: now.toISOString() }) })
    const staff = demo.staff.find((candidate) => candidate.staffId === staffId)!
    const otp = new TOTP({ secret: Secret.fromBase32(staff.totpSecret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: now.getTime() })
    await page.getByTestId('staff-id').fill(staff.staffId)
    await page.getByTestId('staff-password').fill(staff.password)
    await page.getByTestId('staff-otp').fill(otp)
    await page.getByTestId('staff-signin-submit').click()
  }

  await page.goto(app.url)
  await expect(title(page)).toHaveText('初期設定')
  await page.getByTestId('staff-mode-entry').click()
  await check(page, 'スタッフサインイン')
  await signIn('super01')
  await check(page, 'スタッフメニュー')
  await page.getByTestId('staff-menu-search').click()
  await page.getByText('サービスID・ユーザID').click()
  await page.getByTestId('staff-search-serviceId').fill('SHINKUMI')
  await page.getByTestId('staff-search-userId').fill('yamada001')
  await page.getByTestId('staff-search-submit').click()
  await expect(page.getByTestId('staff-search-result')).toHaveCount(1)
  await expectAccessible(page, '顧客検索')
  await page.getByTestId('staff-search-result').click()
  await expect(page.getByTestId('staff-customer-name')).toBeVisible()
  await expectAccessible(page, '顧客詳細')
  await page.getByTestId('staff-action-suspend').click()
  await expect(page.getByTestId('staff-reason')).toBeVisible()
  await expectAccessible(page, '操作 (理由)')
  await page.getByTestId('staff-reason').fill('アクセシビリティの確認')
  await page.getByTestId('staff-identity-drivers_license').check()
  await page.getByTestId('staff-action-review').click()
  await expect(page.getByRole('dialog')).toHaveCSS('opacity', '1')
  await expectAccessible(page, '操作 (確認 dialog)')
  await page.getByTestId('staff-confirm-cancel').click()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await page.getByTestId('header-back').click()
  await expect(page.getByTestId('staff-customer-name')).toBeVisible()
  await page.getByTestId('header-back').click()
  await page.getByTestId('header-back').click()
  await expect(title(page)).toHaveText('スタッフメニュー')
  await page.getByTestId('staff-menu-locks').click()
  await expect(page.getByTestId('staff-locks')).toBeVisible()
  await expectAccessible(page, 'ロック中一覧')
  await page.getByTestId('header-back').click()
  await page.getByTestId('staff-menu-approvals').click()
  await expect(page.getByTestId('staff-approvals')).toBeVisible()
  await expectAccessible(page, '承認待ち')
  await page.getByTestId('header-back').click()
  await page.getByTestId('staff-menu-maintenance').click()
  await expect(page.getByTestId('staff-maintenance')).toBeVisible()
  await expectAccessible(page, 'メンテナンス')
  await page.getByTestId('header-back').click()
  await page.getByTestId('header-back').click()
  await expect(title(page)).toHaveText('初期設定')

  await page.getByTestId('staff-mode-entry').click()
  await signIn('audit01')
  await page.getByTestId('staff-menu-audit').click()
  await expect(page.getByTestId('staff-audit-entry').first()).toBeVisible()
  await expectAccessible(page, '監査ログ')
})

/** Tab until the element with this test id has the focus (keyboard only: no click, no focus() from the test). */
async function tabTo(page: Page, testId: string) {
  for (let presses = 0; presses < 25; presses++) {
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${testId}`)
}

test('A11Y-01 OTP-10 OTP-02 初期設定 → ワンタイムパスワード → コピー by keyboard alone; every new screen’s title takes the focus', async ({ page, app, service, context }) => {
  test.setTimeout(300_000)
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  const userId = uniqueUser('keys')
  const password = issue(service, NETBANK, userId)
  await page.goto(app.url)
  await expect(title(page)).toHaveText('初期設定')
  await expect(title(page)).toBeFocused()

  await tabTo(page, 'setup-service-id')
  // A focused field shows a ring (an outline), not only Mantine's border colour.
  await expect(page.getByTestId('setup-service-id')).toHaveCSS('outline-style', 'solid')
  await page.keyboard.type(NETBANK)
  await tabTo(page, 'setup-user-id')
  await page.keyboard.type(userId)
  await tabTo(page, 'setup-password')
  await page.keyboard.type(password)
  await tabTo(page, 'setup-agree')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('setup-agree')).toBeChecked()
  await tabTo(page, 'setup-submit')
  await page.keyboard.press('Enter')

  await expect(title(page)).toHaveText('初期設定完了')
  await expect(title(page)).toBeFocused()
  await tabTo(page, 'provisioned-next')
  await page.keyboard.press('Enter')
  await expect(title(page)).toHaveText('トークン表示名設定')
  await tabTo(page, 'suffix-input')
  await page.keyboard.type('本店用')
  await page.keyboard.press('Enter')

  await expect(title(page)).toHaveText('ワンタイムパスワード')
  await expect(title(page)).toBeFocused()
  const code = ((await page.getByTestId('otp-code').textContent()) ?? '').replace(/\s/g, '')
  await tabTo(page, 'otp-copy')
  await page.keyboard.press('Space')
  await expect(page.getByTestId('otp-copy-note')).toHaveText(/コピーしました/)
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code)
})
