// LNK-06: a bounded number of flows in progress (past 画面①: SEC-02), then the seed's busy message with 503 and
// Retry-After; a system fault shows the seed's system-error message, never a stack trace.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { ROOT, test, expect } from '../fixtures.ts'
import { authorizeUrl, fillAccount, pkce, screenId, TARO } from './helpers.ts'

test.use({ viewport: { width: 1280, height: 800 }, serviceEnv: { LINKAGE_MAX_FLOWS: '2' } })

test('LNK-06 overload → 「ただ今受付が混雑しておりますので、しばらくしてからご利用下さい。」 with 503 and Retry-After', async ({ browser, linkage }) => {
  for (let i = 0; i < 2; i++) {
    const page = await (await browser.newContext()).newPage()
    await page.goto(authorizeUrl(linkage, pkce().challenge))
    await fillAccount(page, TARO)
    await page.getByRole('button', { name: '次へ' }).click()
    await expect(screenId(page)).toHaveText('画面ID : SOA202')
  }
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage()
  const response = await page.goto(authorizeUrl(linkage, pkce().challenge))
  expect(response?.status()).toBe(503)
  expect(response?.headers()['retry-after']).toBe('60')
  await expect(page.getByRole('alert')).toHaveText('ただ今受付が混雑しておりますので、しばらくしてからご利用下さい。')
  await expect(page.getByRole('link', { name: '連携元画面へ' })).toHaveAttribute('href', /error=temporarily_unavailable/)
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'linkage', 'pc-30-LNK06-busy.png'), fullPage: true })
})

test('LNK-13 A11Y-01 the busy page in English, without serious accessibility violations', async ({ browser, linkage }) => {
  // The two flows of the test above still fill the service.
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US' })).newPage()
  const response = await page.goto(authorizeUrl(linkage, pkce().challenge))
  expect(response?.status()).toBe(503)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('alert')).toHaveText('We are receiving many requests at the moment. Please try again later.')
  await expect(page.getByRole('link', { name: 'Back to the app' })).toHaveAttribute('href', /error=temporarily_unavailable/)
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  expect(axe.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => v.id)).toEqual([])
  await page.screenshot({ path: path.join(ROOT, 'test-results', 'linkage', 'phone-en-30-busy.png'), fullPage: true })
})

test("LNK-06 a system fault → the seed's system-error message and a reference, no stack trace", async ({ page, browser, linkage, snap }) => {
  // Break the database under the running service: the flows table disappears.
  const script = `const D=require('better-sqlite3');const d=new D(process.argv[1]);d.exec('ALTER TABLE linkage_flows RENAME TO linkage_flows_broken');d.close()`
  execFileSync(process.execPath, ['-e', script, path.join(linkage.dataDir, 'shinkumi.sqlite')], { cwd: path.join(ROOT, 'server') })
  const response = await page.goto(authorizeUrl(linkage, pkce().challenge))
  expect(response?.status()).toBe(500)
  await expect(page.getByRole('alert')).toHaveText('調整のため連絡ができなくなりました。なお、お急ぎの場合は本サービスのお問合せ窓口へご照会下さい。')
  await expect(page.getByText('お問い合わせ番号')).toBeVisible()
  expect(await page.content()).not.toMatch(/at .*\.ts:\d+|SqliteError|stack/i)
  await snap('31-LNK06-system-error')
  // LNK-13: the same page in English.
  const english = await (await browser.newContext({ locale: 'en-US' })).newPage()
  await english.goto(authorizeUrl(linkage, pkce().challenge))
  await expect(english.getByRole('alert')).toHaveText('We cannot continue because of adjustments to the system. If it is urgent, please contact the help desk of this service.')
  await expect(english.getByText('Reference number:')).toBeVisible()
  await english.screenshot({ path: path.join(ROOT, 'test-results', 'linkage', 'phone-en-31-system-error.png'), fullPage: true })
})
