// スタッフモード end to end (STF-01…STF-05), both sides on real processes: a customer locks themselves out of the API
// linkage (5 wrong identities on SOA202 in a browser) and of their OTP (10 wrong codes on /v1/otp/verify); staff
// sign in to the desktop app (browser host) with their own TOTP computed here, find the customer, release with a
// reason and 本人確認方法 — and the customer gets through at once. Then four eyes, maintenance, the audit log and its
// CSV, and the idle sign-out. The service runs on a manual clock at 14:00 JST today (inside service hours).
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { Secret, TOTP } from 'otpauth'
import type { Page } from '@playwright/test'
import { expect, test, type Clock, type Demo, type DemoStaff } from './fixtures.ts'
import { CLIENT, TARO, fillAccount, fillCustomer, screenId } from './linkage/helpers.ts'
import { newDevice, provision, setUpToken } from '../server/client.ts'

// The service on a manual clock (14:00 JST today, the `clock` fixture) and mail to the development outbox.
test.use({ serviceEnv: { CLOCK: 'manual', SMTP_URL: '' } })

const staffOf = (demo: Demo, staffId: string) => demo.staff.find((s) => s.staffId === staffId)!
const totp = (secret: string, at: Date) => new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: at.getTime() })

async function openStaffMode(page: Page, appUrl: string) {
  await page.goto(appUrl)
  await expect(page.getByTestId('screen-title')).toHaveText('初期設定')
  await page.getByTestId('staff-mode-entry').click()
  await expect(page.getByTestId('screen-title')).toHaveText('スタッフサインイン')
}

async function signIn(page: Page, clock: Clock, staff: DemoStaff) {
  const at = await clock.advance(30)
  await page.getByTestId('staff-id').fill(staff.staffId)
  await page.getByTestId('staff-password').fill(staff.password)
  await page.getByTestId('staff-otp').fill(totp(staff.totpSecret, at))
  await page.getByTestId('staff-signin-submit').click()
  await expect(page.getByTestId('screen-title')).toHaveText('スタッフメニュー')
}

async function leaveStaffMode(page: Page) {
  await page.getByTestId('header-back').click()
  await expect(page.getByTestId('screen-title')).toHaveText('初期設定')
}

/** The customer's browser: 画面① → 画面② with the given name (a wrong one counts toward the lock). */
async function linkageAttempt(page: Page, serviceUrl: string, name: string) {
  const challenge = createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url')
  const q = new URLSearchParams({
    response_type: 'code',
    client_id: CLIENT.clientId,
    redirect_uri: CLIENT.redirectUri,
    scope: 'accounts',
    state: 's',
    code_challenge: challenge,
    code_challenge_method: 'S256',
  })
  await page.goto(`${serviceUrl}/oauth/authorize?${q}`)
  await fillAccount(page, TARO)
  await page.getByRole('button', { name: '次へ' }).click()
  await fillCustomer(page, TARO, { name })
  await page.getByRole('button', { name: '次へ' }).click()
}

async function verifyOtp(serviceUrl: string, rpKey: string, otp: string) {
  const response = await fetch(`${serviceUrl}/v1/otp/verify`, {
    method: 'POST',
    headers: { authorization: `Bearer ${rpKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: 'SHINKUMI', userId: 'yamada001', otp }),
  })
  return response.json()
}

/** 理由 + 本人確認方法 → [確認] → the confirmation → [実行する]. */
async function carryOut(page: Page, snap: (name: string) => Promise<void>, reason: string, shots?: { form: string; confirm: string }) {
  await page.getByTestId('staff-reason').fill(reason)
  await page.getByTestId('staff-identity-drivers_license').check()
  if (shots) await snap(shots.form)
  await page.getByTestId('staff-action-review').click()
  await expect(page.getByRole('dialog')).toBeVisible()
  if (shots) await snap(shots.confirm)
  await page.getByTestId('staff-confirm-ok').click()
}

test('STF-01 STF-03 STF-04 the customer locks themselves out twice; a teller finds them, releases both with a reason, and the customer gets through at once', async ({
  page,
  customerPage,
  app,
  service,
  demo,
  clock,
  snap,
}) => {
  // Five linkage journeys, ten verifications and a teller's whole visit: more than the default minute on 2 cores.
  test.setTimeout(150_000)
  // The customer: five wrong identities on SOA202 lock API linkage (LNK-04)…
  for (let i = 0; i < 5; i++) await linkageAttempt(customerPage, service.url, 'ﾁｶﾞｳ ﾅﾏｴ')
  await expect(customerPage.getByRole('alert')).toHaveText('お取扱いができなくなりました。詳しくは本サービスのお問合せ窓口へご照会下さい。')
  // …and ten wrong one-time passwords lock the token (SVC-04).
  const yamada = demo.customers.find((c) => c.userId === 'yamada001')!
  const token = await setUpToken(service.url, { serviceId: 'SHINKUMI', userId: 'yamada001', activationPassword: yamada.activationPassword!, deviceTime: clock.now() })
  const right = token.codeAt(clock.now())
  const wrong = right.slice(0, -1) + ((Number(right.at(-1)) + 1) % 10)
  for (let i = 0; i < 10; i++) await verifyOtp(service.url, demo.relyingPartyKey, wrong)
  expect(await verifyOtp(service.url, demo.relyingPartyKey, right)).toEqual({ valid: false, reason: 'locked' })

  // The teller.
  await openStaffMode(page, app.url)
  await snap('staff-01-signin')
  await page.getByTestId('staff-id').fill('teller01')
  await page.getByTestId('staff-password').fill('wrong-password')
  await page.getByTestId('staff-otp').fill('123456')
  await page.getByTestId('staff-signin-submit').click()
  await expect(page.getByTestId('staff-error')).toHaveText('職員ID、パスワードまたはワンタイムパスワードが正しくありません。')
  await snap('staff-02-signin-refused')
  await signIn(page, clock, staffOf(demo, 'teller01'))
  await expect(page.getByTestId('staff-signed-in')).toHaveText('窓口 一郎（窓口）')
  await expect(page.getByTestId('staff-menu-approvals')).toHaveCount(0)
  await snap('staff-03-home-teller')

  await page.getByTestId('staff-menu-search').click()
  await page.getByTestId('staff-search-branch').fill('115')
  await page.getByTestId('staff-search-accountNumber').fill('1100026')
  await page.getByTestId('staff-search-submit').click()
  await expect(page.getByTestId('staff-search-result')).toHaveCount(1)
  await snap('staff-04-search-by-account')
  await page.getByText('サービスID・ユーザID').click()
  await page.getByTestId('staff-search-serviceId').fill('SHINKUMI')
  await page.getByTestId('staff-search-userId').fill('yamada001')
  await page.getByTestId('staff-search-submit').click()
  await expect(page.getByTestId('staff-search-result')).toContainText('ﾃﾞｰﾀ ﾀﾛｳ')
  await snap('staff-05-search-by-user')
  await page.getByTestId('staff-search-result').click()

  await expect(page.getByTestId('staff-customer-name')).toHaveText('ﾃﾞｰﾀ ﾀﾛｳ')
  const ordinary = page.getByTestId('staff-account').filter({ hasText: '115 普通 1100026' })
  await expect(ordinary.getByTestId('staff-linkage-lock')).toHaveText('ロック中')
  await expect(ordinary).toContainText('失敗 5 / 5 回')
  await expect(page.getByTestId('staff-otp-lock')).toHaveText('ロック中')
  await expect(page.getByTestId('staff-otp-user')).toContainText('失敗 10 / 10 回')
  await expect(page.getByTestId('staff-action-suspend')).toHaveCount(0)
  await snap('staff-06-customer-locked')

  await ordinary.getByTestId('staff-action-release-linkage-lock').click()
  await expect(page.getByTestId('staff-action-target')).toContainText('115 普通 1100026')
  await page.getByTestId('staff-action-review').click()
  await expect(page.getByTestId('staff-action-missing')).toBeVisible()
  await snap('staff-07-action-missing-reason')
  await carryOut(page, snap, '本人来店。API連携のロック解除を希望', { form: 'staff-08-action-form', confirm: 'staff-09-action-confirm' })
  await expect(page.getByTestId('staff-action-outcome')).toHaveText('操作が完了しました。')
  await snap('staff-10-action-done')
  await page.getByTestId('staff-action-back').click()

  await page.getByTestId('staff-action-reset-otp-failures').click()
  await carryOut(page, snap, 'OTPロックの解除依頼（本人来店）')
  await expect(page.getByTestId('staff-action-outcome')).toHaveText('操作が完了しました。')
  await page.getByTestId('staff-action-back').click()
  await expect(ordinary.getByTestId('staff-linkage-lock')).toHaveText('ロックなし')
  await expect(page.getByTestId('staff-otp-lock')).toHaveText('ロックなし')
  await snap('staff-11-customer-released')

  // The customer, at once: SOA202 passes to SOA208, and internet banking verifies the code.
  await linkageAttempt(customerPage, service.url, TARO.name)
  await expect(screenId(customerPage)).toHaveText('画面ID : SOA208')
  expect(await verifyOtp(service.url, demo.relyingPartyKey, right)).toEqual({ valid: true })
})

test('STF-03 ロック中一覧 lists what is locked now, newest first, and opens the customer', async ({ page, app, service, demo, clock, snap }) => {
  // Two locks a minute apart: an activation password (S0C4) and an OTP user.
  const userId = `lock${Date.now()}`
  service.admin('issue', '--service', 'SHINKUMI', '--user', userId)
  const device = await newDevice()
  for (let i = 0; i < 5; i++) await provision(service.url, device, { serviceId: 'SHINKUMI', userId, activationPassword: 'WRONGPASS9', deviceTime: clock.now() })
  await clock.advance(60)
  for (let i = 0; i < 5; i++) await provision(service.url, device, { serviceId: 'SHINKUMIBIZ', userId: 'sato003', activationPassword: 'WRONGPASS9', deviceTime: clock.now() })

  await openStaffMode(page, app.url)
  await signIn(page, clock, staffOf(demo, 'super01'))
  await page.getByTestId('staff-menu-locks').click()
  const items = page.getByTestId('staff-lock-item')
  await expect(items.first()).toContainText('ｶｰﾄﾞ ﾅｼｵ')
  await expect(items.filter({ hasText: userId })).toHaveCount(1)
  await snap('staff-12-locks')
  await items.first().click()
  await expect(page.getByTestId('staff-activation-state')).toHaveAttribute('data-state', 'locked')
  await page.getByTestId('staff-action-unlock-activation').click()
  await carryOut(page, snap, '利用開始パスワードのロック解除（本人確認済み）')
  await expect(page.getByTestId('staff-action-outcome')).toHaveText('操作が完了しました。')
})

test('STF-02 four eyes: one 管理者 asks to reissue an activation password, a second approves and sees it once; the customer sets up again', async ({
  page,
  app,
  service,
  demo,
  clock,
  snap,
}) => {
  const suzuki = demo.customers.find((c) => c.userId === 'suzuki002')!
  const first = await setUpToken(service.url, { serviceId: 'SHINKUMI', userId: 'suzuki002', activationPassword: suzuki.activationPassword!, deviceTime: clock.now() })

  await openStaffMode(page, app.url)
  await signIn(page, clock, staffOf(demo, 'super01'))
  await snap('staff-13-home-supervisor')
  await page.getByTestId('staff-menu-search').click()
  await page.getByText('サービスID・ユーザID').click()
  await page.getByTestId('staff-search-serviceId').fill('SHINKUMI')
  await page.getByTestId('staff-search-userId').fill('suzuki002')
  await page.getByTestId('staff-search-submit').click()
  await page.getByTestId('staff-search-result').click()
  await expect(page.getByTestId('staff-device')).toContainText(first.response.serialNumber)
  await snap('staff-14-customer-supervisor')
  await page.getByTestId('staff-action-reissue-activation').click()
  await carryOut(page, snap, '新しいPCへの移行のため再発行')
  await expect(page.getByTestId('staff-action-outcome')).toHaveText('承認待ちになりました。別の管理者が承認すると実行されます。')
  await snap('staff-15-action-pending')

  // The requester cannot approve: only withdraw.
  await page.getByTestId('staff-action-back').click()
  await page.getByTestId('header-back').click()
  await page.getByTestId('header-back').click()
  await page.getByTestId('staff-menu-approvals').click()
  await expect(page.getByTestId('staff-approval')).toContainText('ご自身の依頼は承認できません')
  await expect(page.getByTestId('staff-approval-approve')).toHaveCount(0)
  await page.getByTestId('header-back').click()
  await leaveStaffMode(page)

  await page.getByTestId('staff-mode-entry').click()
  await signIn(page, clock, staffOf(demo, 'super02'))
  await page.getByTestId('staff-menu-approvals').click()
  await expect(page.getByTestId('staff-approval')).toHaveCount(1)
  await snap('staff-16-approvals')
  await page.getByTestId('staff-approval-approve').click()
  await page.getByTestId('staff-confirm-ok').click()
  const password = await page.getByTestId('staff-new-password').textContent()
  expect(password).toMatch(/^[A-Z2-9]{10}$/)
  await snap('staff-17-approved-password-once')
  await expect(page.getByTestId('staff-approval')).toHaveCount(0)

  // No S0B4: the old device was revoked with the reissue.
  const second = await setUpToken(service.url, { serviceId: 'SHINKUMI', userId: 'suzuki002', activationPassword: password!, deviceTime: clock.now() })
  expect(second.response.serialNumber).not.toBe(first.response.serialNumber)
})

test('STF-04 a 管理者 sets an ad-hoc maintenance window; the linkage pages close for it', async ({ page, customerPage, app, service, demo, clock, snap }) => {
  await openStaffMode(page, app.url)
  await signIn(page, clock, staffOf(demo, 'super01'))
  await page.getByTestId('staff-menu-maintenance').click()
  const jst = (d: Date) => new Date(d.getTime() + 9 * 3_600_000).toISOString().slice(0, 16)
  await page.getByTestId('staff-maintenance-start').fill(jst(clock.now()))
  await page.getByTestId('staff-maintenance-end').fill(jst(new Date(clock.now().getTime() + 30 * 60_000)))
  await page.getByTestId('staff-maintenance-reason').fill('勘定系システムの臨時保守')
  await page.getByTestId('staff-maintenance-submit').click()
  await snap('staff-18-maintenance-confirm')
  await page.getByTestId('staff-confirm-ok').click()
  await expect(page.getByTestId('staff-maintenance-set')).toBeVisible()
  await expect(page.getByTestId('staff-maintenance-window')).toHaveCount(1)
  await snap('staff-19-maintenance')

  await customerPage.goto(
    `${service.url}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: CLIENT.clientId, redirect_uri: CLIENT.redirectUri, scope: 'accounts', state: 's', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256' })}`,
  )
  await expect(customerPage.getByText('ただ今の時間はサービスを行っていません。ご了承下さい。')).toBeVisible()
  await clock.advance(31 * 60)
})

test('STF-05 監査 reads the audit log and exports it as CSV (a download in the browser host)', async ({ page, app, demo, clock, snap }) => {
  await openStaffMode(page, app.url)
  await signIn(page, clock, staffOf(demo, 'audit01'))
  await expect(page.getByTestId('staff-menu-search')).toHaveCount(0)
  await page.getByTestId('staff-menu-audit').click()
  await expect(page.getByTestId('staff-audit-entry').first()).toBeVisible()
  await snap('staff-20-audit')
  const download = page.waitForEvent('download')
  await page.getByTestId('staff-audit-export').click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^staff-audit_all_\d{4}-\d{2}-\d{2}\.csv$/)
  const bytes = await fs.promises.readFile(await file.path())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  expect(bytes.toString('utf8')).toContain('seq,at_jst,staff_id,role,action,subject,reason,identity_check,ip,outcome,detail,prev_hash,hash')
  await expect(page.getByTestId('staff-audit-exported')).toContainText('ダウンロードしました')
  await snap('staff-21-audit-exported')
})

test('STF-01 idle time signs the staff member out in the main process; the screen says why', async ({ page, service, startApp, demo, clock, snap }) => {
  const host = await startApp(service.url, undefined, { env: { SHINKUMI_STAFF_IDLE_SECONDS: '5' } })
  await openStaffMode(page, host.url)
  await signIn(page, clock, staffOf(demo, 'teller01'))
  await expect(page.getByTestId('screen-title')).toHaveText('スタッフサインイン', { timeout: 15_000 })
  await expect(page.getByTestId('staff-ended')).toHaveText('一定時間操作がなかったため、サインアウトしました。')
  await snap('staff-22-idle-signed-out')
})

test('STF-01 スタッフモード is offered on the start screen (初期設定)', async ({ page, app, snap }) => {
  await page.goto(app.url)
  await expect(page.getByTestId('staff-mode-entry')).toBeVisible()
  await snap('staff-00-entry-on-setup')
})
