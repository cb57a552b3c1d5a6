// 有効期限更新 / 有効期限切れ (OTP-20…23, seed 3.8) end to end: the real renderer and core in the browser host, the
// real service with a short token lifetime (TOKEN_LIFETIME_DAYS=100, inside the 180-day window), refusals staged in
// the service's own database, and the browser host's test-only clock offset for tokens that have expired.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { expect, stop, test, type Stack } from './fixtures.ts'
import { BIZ, callBridge, NETBANK, newDataDir, setUp, uniqueUser } from './device-helpers.ts'

const DAY = 86_400_000
const jstDate = (ms: number) => new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms)

// TOKEN_LIFETIME_DAYS=100: a new token is inside the 180-day renewal window at once.
test.use({ serviceEnv: { TOKEN_LIFETIME_DAYS: '100' } })
// Each test has its own user and apps: on CI's two workers the file's ten tests run side by side.
test.describe.configure({ mode: 'parallel' })

/** A token provisioned on the spec's service, then a fresh start of the app on the same vault. */
async function tokenNearExpiry(page: Page, { service, startApp }: Stack, serviceId: string, prefix: string): Promise<{ userId: string; dataDir: string }> {
  const userId = uniqueUser(prefix)
  const first = await startApp(service.url)
  await setUp(page, first.url, serviceId, userId, service.issue(serviceId, userId))
  await expect(page.getByTestId('otp-code')).toBeVisible()
  await stop(first.child)
  return { userId, dataDir: first.dataDir }
}

async function renewOnRestart(page: Page, { service, startApp }: Stack, dataDir: string, serviceUrl = service.url): Promise<void> {
  const restarted = await startApp(serviceUrl, dataDir)
  await page.goto(restarted.url)
  await expect(page.getByTestId('screen-title')).toHaveText('有効期限更新')
  await page.getByTestId('expiry-renew-now').click()
}

async function expectError(page: Page, code: string, message: string, remedy: string): Promise<void> {
  await expect(page.getByTestId('error-code')).toHaveText(code)
  await expect(page.getByTestId('error-message')).toHaveText(message)
  await expect(page.getByTestId('error-remedy')).toHaveText(remedy)
}

const RETRY = '通信が正常に完了しませんでした。再試行するか、しばらくたってからご利用ください。'
const COMM = '通信できません。\nインターネットに接続できることをご確認の上、もう一度実施してください。'

test('OTP-20 OTP-05 within 180 days the chosen token asks first: 今すぐ更新 → 有効期限更新完了 → [次へ] → ワンタイムパスワード with the new expiry', async ({
  page,
  startApp,
  startService,
  snap,
}) => {
  const dataDir = newDataDir()
  const shortLived = await startService({ TOKEN_LIFETIME_DAYS: '100' })
  const userId = uniqueUser('renew')
  const first = await startApp(shortLived.url, dataDir)
  await setUp(page, first.url, BIZ, userId, shortLived.issue(BIZ, userId))
  await expect(page.getByTestId('otp-expiry')).toHaveText(`有効期限：${jstDate(Date.now() + 100 * DAY)}`)
  await stop(first.child)
  // The same service database, now giving renewed tokens the usual two years.
  await shortLived.close()
  const usual = await startService({ TOKEN_LIFETIME_DAYS: '730' }, shortLived.dataDir)
  const restarted = await startApp(usual.url, dataDir)
  await page.goto(restarted.url)
  await expect(page.getByTestId('screen-title')).toHaveText('有効期限更新')
  await expect(page.getByTestId('expiry-date')).toHaveText(`有効期限：${jstDate(Date.now() + 100 * DAY)}`)
  await expect(page.getByTestId('expiry-renew-now')).toHaveText('今すぐ更新')
  await expect(page.getByTestId('expiry-later')).toHaveText('後で通知')
  await expect(page.locator('.app-tabs')).toHaveCount(0)
  await snap('expiry-01-有効期限更新')
  await page.getByTestId('expiry-renew-now').click()

  await expect(page.getByTestId('screen-title')).toHaveText('有効期限更新完了')
  await expect(page.getByTestId('expiry-renewed-message')).toHaveText('有効期限更新が完了しました。')
  await expect(page.getByTestId('expiry-renewed-date')).toHaveText(`有効期限：${jstDate(Date.now() + 730 * DAY)}`)
  await snap('expiry-02-有効期限更新完了')
  await page.getByTestId('expiry-renewed-next').click()
  await expect(page.getByTestId('screen-title')).toHaveText('ワンタイムパスワード')
  await expect(page.getByTestId('otp-expiry')).toHaveText(`有効期限：${jstDate(Date.now() + 730 * DAY)}`)
})

test('OTP-20 後で通知 → ワンタイムパスワード; not asked again in this run, asked again at the next start', async ({ page, service, startApp }) => {
  const { dataDir } = await tokenNearExpiry(page, { service, startApp }, BIZ, 'later')
  const running = await startApp(service.url, dataDir)
  await page.goto(running.url)
  await expect(page.getByTestId('screen-title')).toHaveText('有効期限更新')
  await page.getByTestId('expiry-later').click()
  await expect(page.getByTestId('screen-title')).toHaveText('ワンタイムパスワード')
  await page.reload()
  await expect(page.getByTestId('screen-title')).toHaveText('ワンタイムパスワード')
  await stop(running.child)
  const next = await startApp(service.url, dataDir)
  await page.goto(next.url)
  await expect(page.getByTestId('screen-title')).toHaveText('有効期限更新')
})

test('OTP-23 S3D3 a 取引確認 token before 取引認証開始, with the seed wording; [戻る] returns to 有効期限更新', async ({ page, service, startApp, snap }) => {
  const { dataDir } = await tokenNearExpiry(page, { service, startApp }, NETBANK, 's3d3')
  await renewOnRestart(page, { service, startApp }, dataDir)
  await expectError(
    page,
    'S3D3',
    '取引認証開始処理中です。\n取引認証開始タブを押すか、初期設定を完了してください。',
    '取引認証開始処理中が完了していません。\n取引認証開始タブを押すか、初期設定を完了してください。',
  )
  await snap('expiry-S3D3')
  await page.getByTestId('error-back').click()
  await expect(page.getByTestId('screen-title')).toHaveText('有効期限更新')
})

test('OTP-23 S3B3 while a re-issue is in progress (a new 利用開始パスワード was issued)', async ({ page, service, startApp, snap }) => {
  const { userId, dataDir } = await tokenNearExpiry(page, { service, startApp }, BIZ, 's3b3')
  service.issue(BIZ, userId)
  await renewOnRestart(page, { service, startApp }, dataDir)
  await expectError(
    page,
    'S3B3',
    'ご利用申請後の初期設定が完了していません。',
    '有効期限の更新ができません。再試行してください。または、当組合マニュアルをご参照いただくか、お客様センターへお問い合わせください。',
  )
  await snap('expiry-S3B3')
})

test('OTP-23 S3B5 for a suspended user', async ({ page, service, startApp, snap }) => {
  const { userId, dataDir } = await tokenNearExpiry(page, { service, startApp }, BIZ, 's3b5')
  service.sql("update otp_users set status = 'suspended' where service_id = ? and user_id = ?", BIZ, userId)
  await renewOnRestart(page, { service, startApp }, dataDir)
  await expectError(
    page,
    'S3B5',
    '設定しようとしているユーザは、利用停止しています。',
    '現在、利用を停止しています。当組合マニュアルをご参照いただくか、お客様センターへお問い合わせください。',
  )
  await snap('expiry-S3B5')
})

test('OTP-23 S3E4 when the service finds the token outside its renewal window', async ({ page, service, startApp, snap }) => {
  const { userId, dataDir } = await tokenNearExpiry(page, { service, startApp }, BIZ, 's3e4')
  service.sql('update tokens set expires_at = ? where service_id = ? and user_id = ?', Date.now() + 400 * DAY, BIZ, userId)
  await renewOnRestart(page, { service, startApp }, dataDir)
  await expectError(
    page,
    'S3E4',
    'トークン有効期限の更新期間外です。\nパソコンの日時・タイムゾーンをご確認ください。',
    '有効期限更新の受付期間外です。お使いのパソコンの日付／時刻が正しく設定されていない可能性があります。正しい日付／時刻に設定して本アプリを再起動してください。再度実施しても、うまくいかない場合はお客様センターにお問合せ下さい。',
  )
  await snap('expiry-S3E4')
})

test('OTP-23 A300 when the service cannot be reached, and the A300 variant for a token with 取引確認', async ({ page, service, startApp, snap }) => {
  const plain = await tokenNearExpiry(page, { service, startApp }, BIZ, 'a300')
  const withTx = await tokenNearExpiry(page, { service, startApp }, NETBANK, 'a300t')
  const nowhere = 'http://127.0.0.1:9'
  await renewOnRestart(page, { service, startApp }, plain.dataDir, nowhere)
  await expectError(page, 'A300', COMM, RETRY)
  await snap('expiry-A300')
  await renewOnRestart(page, { service, startApp }, withTx.dataDir, nowhere)
  await expectError(page, 'A300', `${COMM}\n有効期限更新が終わるまで、取引確認を利用しないでください。`, RETRY)
  await snap('expiry-A300-取引確認')
})

test('OTP-23 A301/A302/A303/A306–A310 read 「CTF更新に失敗しました。」: A310 for a busy service, A308 for a fault, A307 for an unknown refusal', async ({
  page,
  service,
  startApp,
  snap,
}) => {
  const { dataDir } = await tokenNearExpiry(page, { service, startApp }, BIZ, 'a3xx')
  const statuses = [503, 500, 404]
  const peer = http.createServer((_request, response) => response.writeHead(statuses.shift() ?? 500, { 'content-type': 'application/json' }).end('{}'))
  await new Promise<void>((resolve) => peer.listen(0, '127.0.0.1', resolve))
  const peerUrl = `http://127.0.0.1:${(peer.address() as AddressInfo).port}`
  try {
    await renewOnRestart(page, { service, startApp }, dataDir, peerUrl)
    await expectError(page, 'A310', 'CTF更新に失敗しました。', RETRY)
    await snap('expiry-A310')
    for (const code of ['A308', 'A307']) {
      await page.getByTestId('error-back').click()
      await page.getByTestId('expiry-renew-now').click()
      await expectError(page, code, 'CTF更新に失敗しました。', RETRY)
    }
  } finally {
    peer.close()
  }
})

test('OTP-21 expired, the only token: 有効期限切れ → [確認] → the token is removed → 初期設定', async ({ page, service, startApp, snap }) => {
  const { dataDir } = await tokenNearExpiry(page, { service, startApp }, BIZ, 'expired')
  const later = await startApp(service.url, dataDir, { clockOffsetDays: 101 })
  await page.goto(later.url)
  await expect(page.getByTestId('screen-title')).toHaveText('有効期限切れ')
  await expect(page.getByTestId('expired-message')).toHaveText('このトークンは有効期限が切れているため、ご利用になれません。')
  await expect(page.getByTestId('expired-remove')).toHaveText('確認')
  await snap('expiry-03-有効期限切れ')
  await page.getByTestId('expired-remove').click()
  await expect(page.getByTestId('screen-title')).toHaveText('初期設定')
  await page.reload()
  await expect(page.getByTestId('screen-title')).toHaveText('初期設定')
})

test('OTP-22 OTP-05 expired, one of several tokens: トークン選択 → 有効期限切れ → [削除] → トークン選択 without it', async ({ page, service, startApp, snap }) => {
  const { dataDir } = await tokenNearExpiry(page, { service, startApp }, BIZ, 'several')
  const adding = await startApp(service.url, dataDir)
  await page.goto(adding.url)
  const secondUser = uniqueUser('second')
  const added = await callBridge(page, 'tokens.provision', {
    mode: 'add',
    serviceId: BIZ,
    userId: secondUser,
    activationPassword: service.issue(BIZ, secondUser),
    agreed: true,
  })
  expect(added.ok).toBe(true)
  await stop(adding.child)

  const later = await startApp(service.url, dataDir, { clockOffsetDays: 101 })
  await page.goto(later.url)
  await expect(page.getByTestId('screen-title')).toHaveText('トークン選択')
  await expect(page.getByTestId('token-select-item')).toHaveCount(2)
  await page.getByTestId('token-select-item').first().click()
  await expect(page.getByTestId('screen-title')).toHaveText('有効期限切れ')
  await expect(page.getByTestId('expired-remove')).toHaveText('削除')
  await snap('expiry-04-有効期限切れ-複数')
  await page.getByTestId('expired-remove').click()

  await expect(page.getByTestId('screen-title')).toHaveText('トークン選択')
  await expect(page.getByTestId('token-select-item')).toHaveCount(1)
  const left = await callBridge(page, 'tokens.list')
  expect(left.ok && left.value.map((t) => t.userId)).toEqual([secondUser])
  // The last one has expired too: now it is the only token, so [確認] and 初期設定 (OTP-21).
  await page.getByTestId('token-select-item').click()
  await expect(page.getByTestId('expired-remove')).toHaveText('確認')
  await page.getByTestId('expired-remove').click()
  await expect(page.getByTestId('screen-title')).toHaveText('初期設定')
})
