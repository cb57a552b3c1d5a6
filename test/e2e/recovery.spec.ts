// Unexpected failures and their way back (OTP-26), with no test hook in the product: a render crash is caused by
// malformed data injected at the transport (page.route), out of memory by V8's own RangeError raised in the page,
// the dead renderer by the very URL main/electron.ts reloads after 'render-process-gone', and A998 by a vault copied
// next to another key file. Each time the error screen shows and the app keeps working afterwards.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from '@playwright/test'
import { newDataDir, setUp, uniqueUser } from './device-helpers.ts'
import { expect, stop, test, type Service, type StartApp } from './fixtures.ts'

const SERVICE = 'SHINKUMIBIZ'
async function withToken(page: Page, service: Service, startApp: StartApp) {
  const app = await startApp(service.url)
  const userId = uniqueUser('rec')
  const password = (JSON.parse(service.admin('issue', '--service', SERVICE, '--user', userId, '--json')) as { activationPassword: string }).activationPassword
  await setUp(page, app.url, SERVICE, userId, password)
  await expect(page.getByTestId('otp-code')).toBeVisible()
  return app
}

test('OTP-26 a crash while rendering is A999 with the correlation id of its log line; the app works afterwards', async ({ page, service, startApp, snap }) => {
  const app = await withToken(page, service, startApp)
  // A token whose expiry is not a date makes the ワンタイムパスワード screen throw while it renders.
  await page.route('**/__bridge/tokens.list', async (route) => {
    const response = await route.fetch()
    const body = (await response.json()) as { output: { value: { expiresAt: string }[] } }
    for (const token of body.output.value) token.expiresAt = 'not a date'
    await route.fulfill({ response, json: body })
  })
  await page.getByTestId('tab-otp').click()
  await page.reload()

  await expect(page.getByTestId('error-code')).toHaveText('A999')
  await expect(page.getByTestId('error-message')).toHaveText('予期しないエラーが発生しました。')
  const correlationId = (await page.getByTestId('error-correlation-id').textContent()) ?? ''
  expect(correlationId).toMatch(/^[0-9a-f-]{36}$/)
  await expect.poll(() => app.log()).toContain(`"correlationId":"${correlationId}"`)
  expect(app.log()).toMatch(new RegExp(`"message":"renderer reported crash","correlationId":"${correlationId}"`))
  await snap('recovery-01-A999')

  await page.unroute('**/__bridge/tokens.list')
  await page.getByTestId('error-reset').click()
  await expect(page.getByTestId('otp-code')).toHaveText(/^\d{4}\s\d{4}$/)
})

test('OTP-26 out of memory in the renderer (V8 RangeError) is A9EX, and the app works afterwards', async ({ page, service, startApp, snap }) => {
  const app = await withToken(page, service, startApp)
  // Longer than V8's maximum string length: the allocation V8 refuses, thrown outside any React handler.
  await page.evaluate(() => void setTimeout(() => 'x'.repeat(2 ** 30)))
  await expect(page.getByTestId('error-screen')).toBeVisible()
  await expect(page.getByTestId('error-code')).toHaveText('A9EX')
  await expect(page.getByTestId('error-message')).toHaveText('メモリが足りません。他のアプリを終了してから起動してください。')
  await expect(page.getByTestId('error-remedy')).toHaveText('他のアプリを終了させてから、再度、本アプリを起動させてください。')
  await expect.poll(() => app.log()).toContain('"message":"renderer reported oom"')
  await snap('recovery-02-A9EX')
  await page.getByTestId('error-back').click()
  await expect(page.getByTestId('otp-code')).toHaveText(/^\d{4}\s\d{4}$/)
})

test('OTP-26 after the renderer process died: #recovered=A999 (with the id) and #recovered=A9EX show their screen once, then the app starts', async ({
  page,
  service,
  startApp,
  snap,
}) => {
  const app = await withToken(page, service, startApp)
  const correlationId = crypto.randomUUID()
  // A full load, as Electron's loadURL of the dead window is (a hash change alone would keep the running page).
  await page.goto('about:blank')
  await page.goto(`${app.url}/#recovered=A999&correlation=${correlationId}`)
  await expect(page.getByTestId('error-code')).toHaveText('A999')
  await expect(page.getByTestId('error-correlation-id')).toHaveText(correlationId)
  expect(new URL(page.url()).hash).toBe('')
  await snap('recovery-03-再起動後のA999')
  await page.getByTestId('error-back').click()
  await expect(page.getByTestId('otp-code')).toBeVisible()

  await page.goto('about:blank')
  await page.goto(`${app.url}/#recovered=A9EX`)
  await expect(page.getByTestId('error-code')).toHaveText('A9EX')
  await page.reload()
  await expect(page.getByTestId('otp-code')).toBeVisible()
})

test('OTP-26 A998: a vault copied next to another key file → A998 → 初期設定をやり直す → 初期設定; the unreadable vault is kept aside', async ({ page, service, startApp, snap }) => {
  const original = await withToken(page, service, startApp)
  await stop(original.child)

  const dataDir = newDataDir()
  fs.writeFileSync(path.join(dataDir, 'vault.key'), randomBytes(32), { mode: 0o600 })
  fs.copyFileSync(path.join(original.dataDir, 'vault.json'), path.join(dataDir, 'vault.json'))
  const copied = fs.readFileSync(path.join(dataDir, 'vault.json'))
  const other = await startApp(service.url, dataDir)
  await page.goto(other.url)

  await expect(page.getByTestId('error-code')).toHaveText('A998')
  await expect(page.getByTestId('error-message')).toHaveText(
    '再度ワンタイムパスワード利用開始のお手続きが必要になります。お手続きの詳細については、ご利用のサービスの問い合わせ先にご連絡ください。',
  )
  await expect(page.getByTestId('vault-reset')).toBeVisible()
  await snap('recovery-04-A998')
  await page.getByTestId('vault-reset').click()
  await expect(page.getByRole('dialog')).toHaveCSS('opacity', '1')
  await expect(page.getByText('このパソコンで読み込めないトークンのデータを別名で保存し、初期設定をやり直します。よろしいですか？')).toBeVisible()
  await snap('recovery-05-A998やり直し確認')
  await page.getByTestId('vault-reset-ok').click()
  await expect(page.getByTestId('screen-title')).toHaveText('初期設定')

  const aside = fs.readdirSync(dataDir).filter((name) => name.startsWith('vault.unreadable-'))
  expect(aside).toHaveLength(1)
  expect(fs.readFileSync(path.join(dataDir, aside[0]!))).toEqual(copied)
  expect(other.log()).toContain('"message":"unreadable vault moved aside"')

  // After the re-issue, 初期設定 works on this computer.
  const userId = uniqueUser('reissue')
  const password = (JSON.parse(service.admin('issue', '--service', SERVICE, '--user', userId, '--json')) as { activationPassword: string }).activationPassword
  await setUp(page, other.url, SERVICE, userId, password)
  await expect(page.getByTestId('otp-code')).toBeVisible()
})
