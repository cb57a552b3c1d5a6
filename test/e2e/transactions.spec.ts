// 取引確認 (OTP-25, SVC-06) end to end: the test plays internet banking with the demo relying-party key; the customer
// starts 取引確認 (取引認証開始) on first use of the tab, approves one transfer and rejects another in the real app,
// and internet banking reads each outcome. A transaction still pending blocks renewal (S3D4).
import type { Page } from '@playwright/test'
import { expect, stop, test } from './fixtures.ts'
import { BIZ, NETBANK, BIZ_RP_KEY, setUp, submitTransaction, transactionStatus, uniqueUser } from './device-helpers.ts'

// Inside the renewal window, so that renewal can be tried (S3D4) and can succeed afterwards.
test.use({ serviceEnv: { TOKEN_LIFETIME_DAYS: '100' } })

const transfer = (payeeName: string, amount: number) => ({
  payeeBank: 'ミレ信用組合',
  payeeBranch: '駅前支店',
  payeeAccount: '普通 7654321',
  payeeName,
  amount,
})

async function openTransactions(page: Page): Promise<void> {
  await page.getByTestId('tab-transactions').click()
  await expect(page.getByTestId('screen-title')).toHaveText('取引確認')
  await expect(page.getByTestId('transactions')).toBeVisible()
}

test('OTP-25 SVC-06 取引認証開始 on first use; internet banking reads approved and rejected; a pending one blocks renewal with S3D4', async ({ page, service, startApp, snap }) => {
  const userId = uniqueUser('tx')
  const first = await startApp(service.url)
  await setUp(page, first.url, NETBANK, userId, service.issue(NETBANK, userId))
  await expect(page.getByTestId('tab-transactions')).toHaveText('取引認証開始')
  await snap('tx-01-取引認証開始タブ')
  // Before 取引認証開始 internet banking cannot ask this customer yet.
  await expect(submitTransaction(service.url, userId, transfer('ヤマダ タロウ', 1000))).rejects.toThrow(/TX_NOT_ENROLLED/)

  await openTransactions(page)
  await expect(page.getByTestId('tx-enrolled')).toHaveText('取引認証開始が完了しました。インターネットバンキングのお取引を、この画面で確認できます。')
  await expect(page.getByTestId('tx-none')).toHaveText('確認待ちのお取引はありません。')
  await expect(page.getByTestId('tab-transactions')).toHaveText('取引確認')
  await snap('tx-02-取引認証開始完了')

  const approvedId = await submitTransaction(service.url, userId, transfer('ヤマダ タロウ', 1_234_567))
  const rejectedId = await submitTransaction(service.url, userId, transfer('カ）アヤシイショウカイ', 980_000))
  await page.getByTestId('tx-refresh').click()
  await expect(page.getByTestId('tx-card')).toHaveCount(2)
  const card = page.getByTestId('tx-card').filter({ hasText: 'ヤマダ タロウ' })
  await expect(card.getByTestId('tx-payee-bank')).toHaveText('ミレ信用組合')
  await expect(card.getByTestId('tx-payee-branch')).toHaveText('駅前支店')
  await expect(card.getByTestId('tx-payee-account')).toHaveText('普通 7654321')
  await expect(card.getByTestId('tx-amount')).toHaveText('1,234,567円')
  await snap('tx-03-取引確認')

  await card.getByTestId('tx-approve').click()
  await expect(page.getByTestId('tx-outcome')).toHaveText('お取引を承認しました。インターネットバンキングの画面にお戻りください。')
  await expect(page.getByTestId('tx-card')).toHaveCount(1)
  await snap('tx-04-承認')
  expect(await transactionStatus(service.url, approvedId)).toBe('approved')
  expect(await transactionStatus(service.url, rejectedId)).toBe('pending')

  // One transaction is still waiting: renewal is refused with S3D4 until it is answered.
  await page.reload()
  await expect(page.getByTestId('screen-title')).toHaveText('有効期限更新')
  await page.getByTestId('expiry-renew-now').click()
  await expect(page.getByTestId('error-code')).toHaveText('S3D4')
  await expect(page.getByTestId('error-message')).toHaveText('取引確認が完了していないお取引が存在します。\n取引確認を完了してから有効期限更新を行ってください。')
  await expect(page.getByTestId('error-remedy')).toHaveText('取引確認が完了していない取引が残っています。\n取引確認を完了してから、有効期限更新を行ってください。')
  await snap('tx-05-S3D4')
  await page.getByTestId('error-back').click()
  await page.getByTestId('expiry-later').click()

  await openTransactions(page)
  await page.getByTestId('tx-card').getByTestId('tx-reject').click()
  await expect(page.getByTestId('tx-outcome')).toHaveText('お取引を否認しました。身に覚えのないお取引の場合は、お客様センターへご連絡ください。')
  await expect(page.getByTestId('tx-none')).toBeVisible()
  expect(await transactionStatus(service.url, rejectedId)).toBe('rejected')

  // Nothing is pending any more: at the next start the renewal goes through.
  await stop(first.child)
  const next = await startApp(service.url, first.dataDir)
  await page.goto(next.url)
  await page.getByTestId('expiry-renew-now').click()
  await expect(page.getByTestId('screen-title')).toHaveText('有効期限更新完了')
})

test('OTP-25 OTP-05 no 取引確認 tab for a token whose service does not offer it', async ({ page, service, startApp }) => {
  const userId = uniqueUser('notx')
  const started = await startApp(service.url)
  await setUp(page, started.url, BIZ, userId, service.issue(BIZ, userId))
  await expect(page.getByTestId('tab-settings')).toBeVisible()
  await expect(page.getByTestId('tab-transactions')).toHaveCount(0)
  const refused = await fetch(`${service.url}/v1/transactions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${BIZ_RP_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: BIZ, userId, details: transfer('ヤマダ タロウ', 1000) }),
  })
  expect(await refused.json()).toEqual({ code: 'TX_NOT_OFFERED', message: expect.any(String) })
})
