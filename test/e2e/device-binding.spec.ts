// Device binding (OTP-13, OTP-26) end to end: every request after provisioning is signed by the token's device key;
// a device revoked on the service (`npm run admin -- revoke-device`, the desk's answer to a lost PC) gets A998 and
// the re-issue guidance on renewal, correction and 取引確認; a request the service calls stale is A999 with an id.
import type { Page } from '@playwright/test'
import { expect, stop, test } from './fixtures.ts'
import { NETBANK, setUp, uniqueUser } from './device-helpers.ts'

// Inside the renewal window, so that start-up offers renewal.
test.use({ serviceEnv: { TOKEN_LIFETIME_DAYS: '100' } })

const A998_MESSAGE = '再度ワンタイムパスワード利用開始のお手続きが必要になります。お手続きの詳細については、ご利用のサービスの問い合わせ先にご連絡ください。'
const A998_REMEDY = 'ワンタイムパスワード再発行のお手続きが必要です。お手続きの詳細については、当組合マニュアルをご参照いただくか、お客様センターへお問い合わせください。'

async function expectA998(page: Page): Promise<void> {
  await expect(page.getByTestId('error-code')).toHaveText('A998')
  await expect(page.getByTestId('error-message')).toHaveText(A998_MESSAGE)
  await expect(page.getByTestId('error-remedy')).toHaveText(A998_REMEDY)
}

test('OTP-26 OTP-13 a device revoked on the service: A998 on 取引確認, パスワード補正 and 有効期限更新', async ({ page, service, startApp, snap }) => {
  const userId = uniqueUser('revoked')
  const first = await startApp(service.url)
  await setUp(page, first.url, NETBANK, userId, service.issue(NETBANK, userId))
  await page.getByTestId('tab-transactions').click()
  await expect(page.getByTestId('tx-none')).toBeVisible()

  const revoked = JSON.parse(service.admin('revoke-device', '--service', NETBANK, '--user', userId, '--reason', 'PC紛失の届出', '--json')) as { revokedTokenIds: string[] }
  expect(revoked.revokedTokenIds).toHaveLength(1)

  await page.getByTestId('tx-refresh').click()
  await expectA998(page)
  await snap('device-A998')

  await page.getByTestId('error-back').click()
  await page.getByTestId('tab-settings').click()
  await page.getByTestId('settings-correction').click()
  await page.getByTestId('correction-run').click()
  await expectA998(page)

  await stop(first.child)
  const next = await startApp(service.url, first.dataDir)
  await page.goto(next.url)
  await expect(page.getByTestId('screen-title')).toHaveText('有効期限更新')
  await page.getByTestId('expiry-renew-now').click()
  await expectA998(page)
})

test('OTP-13 OTP-26 a signed request the service finds stale (device clock a day off) is A999 with a correlation id', async ({ page, service, startApp, snap }) => {
  const userId = uniqueUser('stale')
  const first = await startApp(service.url)
  await setUp(page, first.url, NETBANK, userId, service.issue(NETBANK, userId))
  await expect(page.getByTestId('otp-code')).toBeVisible()
  await stop(first.child)

  const shifted = await startApp(service.url, first.dataDir, { clockOffsetDays: 1 })
  await page.goto(shifted.url)
  await expect(page.getByTestId('screen-title')).toHaveText('有効期限更新')
  await page.getByTestId('expiry-later').click()
  await page.getByTestId('tab-transactions').click()
  await expect(page.getByTestId('error-code')).toHaveText('A999')
  await expect(page.getByTestId('error-message')).toHaveText('予期しないエラーが発生しました。')
  await expect(page.getByTestId('error-correlation-id')).toHaveText(/^[0-9a-f-]{36}$/)
  await snap('device-A999-stale')
})
