// The app lock end to end (OTP-17, OTP-18; seed 3.1.2, 3.5–3.7): アプリロック設定 with the seed's warning dialogs, a
// locked start-up after a restart of the app (the core holds no key), A914, the growing wait that survives a
// restart, changing and removing the code, and the auto-lock after the configured idle time.
import type { Page } from '@playwright/test'
import { setUp, uniqueUser } from './device-helpers.ts'
import { expect, stop, test, type OwnApp, type Service, type StartApp } from './fixtures.ts'

const SERVICE = 'SHINKUMIBIZ'
// Two of these tests wait on the clock for a minute or more (the growing wait, the 1-minute auto-lock); each has its
// own user and apps, so on CI's two workers they run side by side.
test.describe.configure({ mode: 'parallel' })
const WARN_ON = 'アプリロックコードを忘れてしまうと本アプリを起動できなくなります。設定したアプリロックコードは忘れないようにしてください。'
/** An app with one token, on its ワンタイムパスワード screen. */
async function appWithToken(page: Page, service: Service, startApp: StartApp): Promise<OwnApp> {
  const app = await startApp(service.url)
  const userId = uniqueUser('lock')
  const password = (JSON.parse(service.admin('issue', '--service', SERVICE, '--user', userId, '--json')) as { activationPassword: string }).activationPassword
  await setUp(page, app.url, SERVICE, userId, password)
  await expect(page.getByTestId('otp-code')).toBeVisible()
  return app
}

/** Stops the app and starts it again on the same vault: a real start-up, with nothing unlocked in memory. */
async function restart(page: Page, service: Service, startApp: StartApp, app: OwnApp): Promise<OwnApp> {
  await stop(app.child)
  const restarted = await startApp(service.url, app.dataDir)
  await page.goto(restarted.url)
  return restarted
}

async function openLockSettings(page: Page): Promise<void> {
  await page.getByTestId('tab-settings').click()
  await page.getByTestId('settings-app-lock').click()
  await expect(page.getByTestId('screen-title')).toHaveText('アプリロック設定')
}

async function switchLock(page: Page, snapName?: string, snap?: (name: string) => Promise<void>): Promise<void> {
  // A dialog still closing (after [キャンセル]) would swallow the click.
  await expect(page.getByTestId('lock-dialog-text')).toBeHidden()
  await page.getByTestId('lock-switch').click({ force: true })
  await expect(page.getByTestId('lock-dialog-text')).toBeVisible()
  if (snap && snapName) await snap(snapName)
  await page.getByTestId('lock-dialog-ok').click()
}

async function unlock(page: Page, code: string): Promise<void> {
  await page.getByTestId('unlock-code').fill(code)
  await page.getByTestId('unlock-submit').click()
}

test('OTP-17 OTP-18 ON with the warning → codes → [確定] → 設定メニュー; a restart asks アプリロックコード入力 (masked); wrong → A914; right → ワンタイムパスワード', async ({
  page,
  service,
  startApp,
  snap,
}) => {
  const app = await appWithToken(page, service, startApp)
  await openLockSettings(page)
  await expect(page.getByTestId('lock-code')).toBeDisabled()
  await snap('lock-01-アプリロック設定OFF')

  // Cancel keeps it OFF; [OK] makes the fields enterable (seed 3.5 steps 3–4).
  await page.getByTestId('lock-switch').click({ force: true })
  await expect(page.getByTestId('lock-dialog-text')).toContainText(WARN_ON)
  await page.getByTestId('lock-dialog-cancel').click()
  await expect(page.getByTestId('lock-code')).toBeDisabled()
  await switchLock(page, 'lock-02-ON注意ダイアログ', snap)
  await expect(page.getByTestId('lock-code')).toBeEnabled()

  await page.getByTestId('lock-code').fill('12a')
  await expect(page.getByText('アプリロックコードは1～32文字の半角数字[0～9]で入力してください。')).toBeVisible()
  await page.getByTestId('lock-code').fill('2468')
  await page.getByTestId('lock-confirmation').fill('2469')
  await expect(page.getByText('アプリロックコードとアプリロックコード(確認用)が一致しません。')).toBeVisible()
  await snap('lock-03-確認用が一致しない')
  await page.getByTestId('lock-confirmation').fill('2468')
  await page.getByTestId('lock-submit').click()
  await expect(page.getByTestId('screen-title')).toHaveText('設定メニュー')

  await restart(page, service, startApp, app)
  await expect(page.getByTestId('screen-title')).toHaveText('アプリロックコード入力')
  await expect(page.getByTestId('unlock-code')).toHaveAttribute('type', 'password')
  await page.getByTestId('unlock-code').fill('1357')
  await snap('lock-04-アプリロックコード入力')
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('error-code')).toHaveText('A914')
  await expect(page.getByTestId('error-message')).toHaveText('入力内容に誤りがあります。\nもう一度入力してください。')
  await expect(page.getByTestId('error-remedy')).toHaveText('入力内容に誤りがあります。「アプリロックコード」に入力誤りがないかご確認のうえ、再試行してください。')
  await snap('lock-05-A914')
  await page.getByTestId('error-back').click()
  await expect(page.getByTestId('screen-title')).toHaveText('アプリロックコード入力')
  await unlock(page, '2468')
  await expect(page.getByTestId('screen-title')).toHaveText('ワンタイムパスワード')
  await expect(page.getByTestId('otp-code')).toHaveText(/^\d{4}\s\d{4}$/)
})

test('OTP-17 the code is changed on the same screen, and OFF with its warning removes the lock', async ({ page, service, startApp, snap }) => {
  let app = await appWithToken(page, service, startApp)
  await openLockSettings(page)
  await switchLock(page)
  await page.getByTestId('lock-code').fill('1111')
  await page.getByTestId('lock-confirmation').fill('1111')
  await page.getByTestId('lock-submit').click()

  // Seed 3.6: the lock is ON; typing a new code twice and [確定] changes it.
  await page.getByTestId('settings-app-lock').click()
  await expect(page.getByTestId('lock-code')).toBeEnabled()
  await page.getByTestId('lock-code').fill('22223333')
  await page.getByTestId('lock-confirmation').fill('22223333')
  await snap('lock-06-アプリロックコード変更')
  await page.getByTestId('lock-submit').click()
  await expect(page.getByTestId('screen-title')).toHaveText('設定メニュー')
  app = await restart(page, service, startApp, app)
  await unlock(page, '1111')
  await expect(page.getByTestId('error-code')).toHaveText('A914')
  await page.getByTestId('error-back').click()
  await unlock(page, '22223333')
  await expect(page.getByTestId('otp-code')).toBeVisible()

  // Seed 3.7: OFF → warning → [OK] → the fields cannot be entered → [確定] → 設定メニュー.
  await openLockSettings(page)
  await switchLock(page, 'lock-07-OFF注意ダイアログ', snap)
  await expect(page.getByTestId('lock-code')).toBeDisabled()
  await expect(page.getByTestId('lock-confirmation')).toBeDisabled()
  await page.getByTestId('lock-submit').click()
  await expect(page.getByTestId('screen-title')).toHaveText('設定メニュー')
  await restart(page, service, startApp, app)
  await expect(page.getByTestId('otp-code')).toBeVisible()
})

test('OTP-18 wrong codes make the next try wait (0, 0, 0, 2, 4, 8 s …), and the wait survives a restart of the app', async ({ page, service, startApp, snap }) => {
  test.setTimeout(240_000)
  let app = await appWithToken(page, service, startApp)
  await openLockSettings(page)
  await switchLock(page)
  await page.getByTestId('lock-code').fill('8080')
  await page.getByTestId('lock-confirmation').fill('8080')
  await page.getByTestId('lock-submit').click()
  await expect(page.getByTestId('screen-title')).toHaveText('設定メニュー')

  app = await restart(page, service, startApp, app)
  // Eight wrong codes: the last wait (32 s) is far longer than a restart of the app, even on a loaded machine.
  for (let i = 0; i < 8; i++) {
    await page.getByTestId('unlock-code').fill('0000')
    // From the fifth try on, [確定] waits out the delay the core asks for (2, 4, 8, 16 s).
    await expect(page.getByTestId('unlock-submit')).toBeEnabled({ timeout: 30_000 })
    await page.getByTestId('unlock-submit').click()
    await expect(page.getByTestId('error-code')).toHaveText('A914')
    await page.getByTestId('error-back').click()
  }
  await page.getByTestId('unlock-code').fill('8080')
  await expect(page.getByTestId('unlock-wait')).toContainText(/アプリロックコードの入力誤りが続いたため、\d+秒後に再度入力できます。/)
  await expect(page.getByTestId('unlock-submit')).toBeDisabled()
  await snap('lock-08-入力誤りが続いたとき')

  // 32 s from the last wrong code, counted in the vault, not in the process.
  await restart(page, service, startApp, app)
  await expect(page.getByTestId('unlock-wait')).toBeVisible()
  await page.getByTestId('unlock-code').fill('8080')
  await expect(page.getByTestId('unlock-submit')).toBeEnabled({ timeout: 45_000 })
  await page.getByTestId('unlock-submit').click()
  await expect(page.getByTestId('otp-code')).toBeVisible()
})

test('OTP-18 the app locks itself after the configured idle time and asks for the code again', async ({ page, service, startApp, snap }) => {
  test.setTimeout(180_000)
  await appWithToken(page, service, startApp)
  await openLockSettings(page)
  await switchLock(page)
  await page.getByTestId('lock-code').fill('4321')
  await page.getByTestId('lock-confirmation').fill('4321')
  await page.getByTestId('lock-auto').selectOption('1')
  await page.getByTestId('lock-submit').click()
  await page.getByTestId('tab-otp').click()
  await expect(page.getByTestId('otp-code')).toBeVisible()

  // No input for a minute: the core drops the key, the screen follows within a heartbeat.
  await expect(page.getByTestId('screen-title')).toHaveText('アプリロックコード入力', { timeout: 90_000 })
  await expect(page.getByTestId('otp-code')).toHaveCount(0)
  await snap('lock-09-自動ロック')
  await unlock(page, '4321')
  await expect(page.getByTestId('otp-code')).toBeVisible()
})
