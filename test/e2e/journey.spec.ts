// The spine's journey through every layer: a fresh activation password from the admin CLI, 初期設定 in the real
// renderer and main-process core (browser host), provisioning on the real service, the OTP screen, and internet
// banking verifying that very code over HTTP.
import { expect, issue, test } from './fixtures.ts'

const RP_KEY = 'rp-demo-key-shinkumi-netbank'

async function verify(serviceUrl: string, userId: string, otp: string) {
  const response = await fetch(`${serviceUrl}/v1/otp/verify`, {
    method: 'POST',
    headers: { authorization: `Bearer ${RP_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: 'SHINKUMI', userId, otp }),
  })
  return response.json()
}

test('OTP-10 OTP-02 SVC-04 初期設定 → 初期設定完了 → トークン表示名設定 → ワンタイムパスワード, and internet banking accepts the code once', async ({ page, app, service, snap }) => {
  const userId = `journey${Date.now()}`
  const password = issue(service, 'SHINKUMI', userId)

  await page.goto(app.url)
  await expect(page.getByTestId('screen-title')).toHaveText('初期設定')
  await page.getByTestId('setup-service-id').fill('SHINKUMI')
  await page.getByTestId('setup-user-id').fill(userId)
  await page.getByTestId('setup-password').fill(password)
  await page.getByTestId('setup-agree').check()
  await snap('01-初期設定')
  await page.getByTestId('setup-submit').click()

  await expect(page.getByTestId('screen-title')).toHaveText('初期設定完了')
  await snap('02-初期設定完了')
  await page.getByTestId('provisioned-next').click()

  await expect(page.getByTestId('screen-title')).toHaveText('トークン表示名設定')
  await page.getByTestId('suffix-input').fill('本店用')
  await snap('03-トークン表示名設定')
  await page.getByTestId('suffix-submit').click()

  await expect(page.getByTestId('screen-title')).toHaveText('ワンタイムパスワード')
  const shown = page.getByTestId('otp-code')
  await expect(shown).toHaveText(/^\d{4}\s\d{4}$/)
  await expect(page.getByTestId('otp-token-name')).toHaveText('しんくみネットバンキング本店用')
  await expect(page.getByTestId('otp-serial')).toHaveText(/^シリアル№: \d{8}$/)
  await expect(page.getByTestId('otp-expiry')).toHaveText(/^有効期限：\d{4}\/\d{2}\/\d{2}$/)
  await expect(page.getByTestId('otp-seconds-left')).toHaveText(/\d+/)
  await expect(page.getByTestId('otp-logo')).toBeVisible()
  await snap('04-ワンタイムパスワード')

  const code = (await shown.textContent())!.replace(/\s/g, '')
  expect(await verify(service.url, userId, code)).toEqual({ valid: true })
  expect(await verify(service.url, userId, code)).toEqual({ valid: false, reason: 'replayed' })
})

test('OTP-02 the countdown runs and the code is copied, then cleared from the clipboard after 30 s', async ({ page, app, service, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.clock.install()
  const userId = `copy${Date.now()}`
  const password = issue(service, 'SHINKUMI', userId)
  await page.goto(app.url)
  await page.getByTestId('setup-service-id').fill('SHINKUMI')
  await page.getByTestId('setup-user-id').fill(userId)
  await page.getByTestId('setup-password').fill(password)
  await page.getByTestId('setup-agree').check()
  await page.getByTestId('setup-submit').click()
  await page.getByTestId('provisioned-next').click()
  await page.getByTestId('suffix-submit').click()

  const code = ((await page.getByTestId('otp-code').textContent()) ?? '').replace(/\s/g, '')
  await page.getByTestId('otp-copy').click()
  await expect(page.getByTestId('otp-copy-note')).toHaveText(/コピーしました/)
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code)
  await page.clock.fastForward(31_000)
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('')
})

test('OTP-11 OTP-27 missing input is refused before any network call with A911 and the seed wording', async ({ page, app, snap }) => {
  await page.goto(app.url)
  await page.getByTestId('setup-service-id').fill('SHINKUMI')
  await page.getByTestId('setup-agree').check()
  await page.getByTestId('setup-submit').click()
  await expect(page.getByTestId('error-code')).toContainText('A911')
  await expect(page.getByTestId('error-message')).toContainText('入力内容に誤りがあります。')
  await expect(page.getByTestId('error-remedy')).toContainText('[サービスID][ユーザID][利用開始パスワード]に入力誤りがないかご確認のうえ、再試行してください。')
  await snap('A911')
})

test('OTP-12 OTP-27 a wrong activation password shows S0C1 with the seed message and remedy', async ({ page, app, service, snap }) => {
  const userId = `wrong${Date.now()}`
  issue(service, 'SHINKUMI', userId)
  await page.goto(app.url)
  await page.getByTestId('setup-service-id').fill('SHINKUMI')
  await page.getByTestId('setup-user-id').fill(userId)
  await page.getByTestId('setup-password').fill('WRONGPASS2')
  await page.getByTestId('setup-agree').check()
  await page.getByTestId('setup-submit').click()
  await expect(page.getByTestId('error-code')).toContainText('S0C1')
  await expect(page.getByTestId('error-message')).toContainText('入力内容に誤りがあります。')
  await expect(page.getByTestId('error-remedy')).toContainText('サービスへの登録が確認できません。')
  await snap('S0C1')
})
