// パスワード補正 (OTP-24, seed 3.9) end to end: 設定メニュー → パスワード補正 → [実行] → a signed request to the real
// service, which stores the token's offset; refusals staged in the service's database or by an unreachable peer.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { expect, stop, test, type Service, type Stack } from './fixtures.ts'
import { BIZ, setUp, uniqueUser } from './device-helpers.ts'

/** A set-up token; the app then runs against `serviceUrl` (the real service unless a test says otherwise). */
async function tokenOn(page: Page, { service, startApp }: Stack, prefix: string, serviceUrl?: string): Promise<string> {
  const userId = uniqueUser(prefix)
  const first = await startApp(service.url)
  await setUp(page, first.url, BIZ, userId, service.issue(BIZ, userId))
  await expect(page.getByTestId('otp-code')).toBeVisible()
  if (serviceUrl) {
    await stop(first.child)
    await page.goto((await startApp(serviceUrl, first.dataDir)).url)
    await expect(page.getByTestId('otp-code')).toBeVisible()
  }
  return userId
}

async function runCorrection(page: Page): Promise<void> {
  await page.getByTestId('tab-settings').click()
  await page.getByTestId('settings-correction').click()
  await expect(page.getByTestId('screen-title')).toHaveText('パスワード補正')
  await page.getByTestId('correction-run').click()
}

async function expectError(page: Page, code: string, message: string, remedy: string): Promise<void> {
  await expect(page.getByTestId('error-code')).toHaveText(code)
  await expect(page.getByTestId('error-message')).toHaveText(message)
  await expect(page.getByTestId('error-remedy')).toHaveText(remedy)
}

const RETRY = '通信が正常に完了しませんでした。再試行するか、しばらくたってからご利用ください。'

function correctionOf(service: Service, userId: string): number {
  return service.query<{ correction_steps: number }>('select correction_steps from tokens where service_id = ? and user_id = ?', BIZ, userId).correction_steps
}

test('OTP-24 設定メニュー → パスワード補正 (the seed notes) → [実行] → done, wait 2–3 minutes → [設定メニューに戻る]', async ({ page, service, startApp, snap }) => {
  const userId = await tokenOn(page, { service, startApp }, 'correct')
  service.sql('update tokens set correction_steps = 7 where service_id = ? and user_id = ?', BIZ, userId)
  await page.getByTestId('tab-settings').click()
  await page.getByTestId('settings-correction').click()
  await expect(page.getByTestId('screen-title')).toHaveText('パスワード補正')
  await expect(page.getByTestId('correction')).toContainText('パソコンの時計とサーバーの時計が大きくずれた場合に、正しく認証されない場合があります。')
  const notes = page.getByTestId('correction-notes')
  await expect(notes).toContainText('本機能を使う前に、まずパソコンの日時が正しく設定されているか確認して下さい。通常の場合、日時を正しく設定すれば、正しく認証を行うことができます。')
  await expect(notes).toContainText('本機能を実行後は、2～3分待ってから認証を行って下さい。')
  await expect(page.getByTestId('correction-run')).toHaveText('実行')
  await snap('correction-01-パスワード補正')
  await page.getByTestId('correction-run').click()

  await expect(page.getByTestId('correction-done-message')).toHaveText('パスワード補正が完了しました。')
  await expect(page.getByTestId('correction-done-wait')).toHaveText('本機能を実行後は、2～3分待ってから認証を行って下さい。')
  await snap('correction-02-完了')
  // The app's clock is the machine's, as the service's: the measured offset is none, replacing the stored 7.
  expect(correctionOf(service, userId)).toBe(0)
  await page.getByTestId('correction-back').click()
  await expect(page.getByTestId('screen-title')).toHaveText('設定メニュー')
})

test('OTP-24 A403 (パスワード補正に失敗しました。) when the service refuses: the token is locked', async ({ page, service, startApp, snap }) => {
  const userId = await tokenOn(page, { service, startApp }, 'a403')
  service.sql('update tokens set failures = 10 where service_id = ? and user_id = ?', BIZ, userId)
  await runCorrection(page)
  await expectError(page, 'A403', 'パスワード補正に失敗しました。', RETRY)
  await snap('correction-A403')
  await page.getByTestId('error-back').click()
  await expect(page.getByTestId('screen-title')).toHaveText('パスワード補正')
})

test('OTP-24 S4E3 when the service finds the token expired', async ({ page, service, startApp, snap }) => {
  const userId = await tokenOn(page, { service, startApp }, 's4e3')
  service.sql('update tokens set expires_at = ? where service_id = ? and user_id = ?', Date.now() - 60_000, BIZ, userId)
  await runCorrection(page)
  await expectError(
    page,
    'S4E3',
    'トークンの有効期限が切れています。\nご利用のサービスの問い合わせ先にご連絡ください。',
    'トークン有効期限が切れたため、ご利用になれません。本アプリを再起動していただき、まず有効期限の更新を実施してください。その後、再度パスワード補正を実施してください。再度実施しても、うまくいかない場合は、お客様センターへお問い合わせください。',
  )
  await snap('correction-S4E3')
})

test('OTP-24 A400 when the service cannot be reached', async ({ page, service, startApp, snap }) => {
  await tokenOn(page, { service, startApp }, 'a400', 'http://127.0.0.1:9')
  await runCorrection(page)
  await expectError(page, 'A400', '通信できません。\nインターネットに接続できることをご確認の上、もう一度実施してください。', RETRY)
  await snap('correction-A400')
})

test('OTP-24 A401 when the TLS handshake fails (the peer does not speak TLS)', async ({ page, service, startApp }) => {
  const plain = http.createServer((_request, response) => response.end())
  await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve))
  try {
    await tokenOn(page, { service, startApp }, 'a401', `https://127.0.0.1:${(plain.address() as AddressInfo).port}`)
    await runCorrection(page)
    await expectError(page, 'A401', 'パスワード補正に失敗しました。', RETRY)
  } finally {
    plain.close()
  }
})
