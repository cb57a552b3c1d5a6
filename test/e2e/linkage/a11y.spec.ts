// A11Y-01 and LNK-13: axe-core finds no critical or serious violation on any linkage page, in Japanese and in
// English (the browser's language: Chromium sends Accept-Language from the locale). The English pages are
// photographed (test-results/linkage/*-en-*.png).
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { test, expect, WEEKDAY_AFTERNOON, type LinkageService } from '../fixtures.ts'
import { TARO, authorizeUrl, fillAccount, pkce, screenId } from './helpers.ts'

/** Critical and serious violations of WCAG 2.1 A/AA on the page as it is now, named for the failure message. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return result.violations.filter((v) => v.impact === 'critical' || v.impact === 'serious').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

// Each test starts its own flow at WEEKDAY_AFTERNOON (the linkage fixture): on CI's two workers they run side by side.
test.describe.configure({ mode: 'parallel' })

const WORDS = {
  ja: { next: '次へ', decide: '電話番号の決定', confirm: '確定する', abort: '中止する', pin: 'キャッシュカードの暗証番号', ok: 'OK', restart: '最初に戻る' },
  en: { next: 'Next', decide: 'Use this phone number', confirm: 'Confirm', abort: 'Cancel', pin: 'Cash card PIN', ok: 'OK', restart: 'Start again' },
} as const

for (const lang of ['ja', 'en'] as const) {
  test.describe(`${lang === 'ja' ? 'Japanese (the default)' : 'English (Accept-Language: en)'}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, locale: lang === 'ja' ? 'ja-JP' : 'en-US' })
    const w = WORDS[lang]

    // Several screens with an axe scan (and, in English, a screenshot) on each: minutes on a loaded 2-core machine.
    test.describe.configure({ timeout: 300_000 })

    /** Checks the page with axe and, for English, photographs it. */
    async function check(page: Page, snap: (name: string) => Promise<void>, name: string) {
      await expect(page.locator('html')).toHaveAttribute('lang', lang)
      await expect(page.locator('a.language')).toHaveText(lang === 'ja' ? 'English' : '日本語')
      expect(await seriousViolations(page), name).toEqual([])
      if (lang === 'en') await snap(`en-${name}`)
    }

    test(`A11Y-01 LNK-13 ① and ② with their dialogs (${lang})`, async ({ page, linkage, snap }) => {
      await page.goto(authorizeUrl(linkage, pkce().challenge))
      await check(page, snap, '01-SOA201')
      await page.getByRole('button', { name: w.next }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await check(page, snap, '02-SOA201-missing')
      await page.getByRole('dialog').getByRole('button', { name: w.ok }).click()
      await page.locator('#branch').fill(TARO.branch)
      await page.locator('#accountNumber').fill('9999999')
      await page.getByRole('button', { name: w.next }).click()
      await expect(screenId(page)).toContainText('SOA202')
      await check(page, snap, '03-SOA202')
      await fillCustomerById(page)
      await page.getByRole('button', { name: w.next }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await check(page, snap, '04-SOA202-account-not-handled')
      await page.getByRole('dialog').getByRole('button', { name: w.ok }).click()
      await page.getByRole('button', { name: w.restart }).click()
      await expect(screenId(page)).toContainText('SOA201')
    })

    test(`A11Y-01 LNK-13 ③ ④ ⑤ ⑥ and the 中止 page (${lang})`, async ({ page, linkage, snap }) => {
      await toPhoneScreen(page, linkage, w)
      await check(page, snap, '05-SOA208')
      await page.getByRole('button', { name: w.decide }).click()
      await expect(screenId(page)).toContainText('SOA209')
      await check(page, snap, '06-SOA209')
      await page.getByRole('button', { name: w.confirm }).click()
      await expect(page.getByRole('alert')).toBeVisible()
      await check(page, snap, '07-SOA209-waiting')
      await linkage.call(TARO.phone, (await page.getByTestId('call-to').textContent())!.trim())
      await page.getByRole('button', { name: w.confirm }).click()
      await expect(screenId(page)).toContainText('SOA211')
      await check(page, snap, '08-SOA211')
      await page.getByLabel(w.pin).fill('9999')
      await page.getByRole('button', { name: w.next }).click()
      await expect(page.getByRole('dialog')).toBeVisible()
      await check(page, snap, '09-SOA211-wrong-pin')
      await page.getByRole('dialog').getByRole('button', { name: w.ok }).click()
      await page.getByLabel(w.pin).fill(TARO.pin)
      await page.getByRole('button', { name: w.next }).click()
      await expect(screenId(page)).toContainText('SOA206')
      await check(page, snap, '10-SOA206')
      await page.getByRole('button', { name: lang === 'ja' ? '拒否する' : 'Deny' }).click()
      await expect(screenId(page)).toContainText('SOA299')
      await check(page, snap, '11-aborted')
    })

    test(`A11Y-01 LNK-13 message pages, the FAQ and the terms (${lang})`, async ({ page, linkage, snap }) => {
      await toPhoneScreen(page, linkage, w)
      await page.getByRole('button', { name: w.decide }).click()
      await linkage.setClock('2026-11-18T14:02:01+09:00')
      await page.getByRole('button', { name: w.confirm }).click()
      await expect(page.getByRole('button', { name: w.restart })).toBeVisible()
      await check(page, snap, '12-SOA209-expired')
      // Back to ①: a flow left waiting on ④ would share TARO's calls with the next test's flow.
      await page.getByRole('button', { name: w.restart }).click()
      await expect(screenId(page)).toContainText('SOA201')
      await linkage.setClock('2026-11-18T04:02:00+09:00')
      await page.goto(authorizeUrl(linkage, pkce().challenge))
      await check(page, snap, '13-out-of-hours')
      await linkage.setClock(WEEKDAY_AFTERNOON)
      await page.goto(authorizeUrl(linkage, pkce().challenge).replace('client_id=demo-kakeibo', 'client_id=nobody'))
      await check(page, snap, '14-service-unavailable')
      await page.goto(`${linkage.url}/linkage/faq`)
      await check(page, snap, '15-faq')
      await page.goto(`${linkage.url}/linkage/terms`)
      await check(page, snap, '16-terms')
    })
  })
}

/** 画面② filled for TARO by the fields' ids (fillCustomer finds them by their Japanese labels). */
async function fillCustomerById(page: Page) {
  await page.locator('#name').fill(TARO.name)
  await page.locator('#birthYear').fill(TARO.year)
  await page.locator('select[name="birthMonth"]').selectOption(TARO.month)
  await page.locator('select[name="birthDay"]').selectOption(TARO.day)
  await page.locator('#phone').fill(TARO.phone)
  await page.locator('#email').fill('taro@example.jp')
  await page.locator('#emailConfirm').fill('taro@example.jp')
}

/** From the authorization request to ③ SOA208, in either language. */
async function toPhoneScreen(page: Page, linkage: LinkageService, w: (typeof WORDS)[keyof typeof WORDS]) {
  await page.goto(authorizeUrl(linkage, pkce().challenge))
  await page.locator('#branch').fill(TARO.branch)
  await page.locator('#accountNumber').fill(TARO.accountNumber)
  await page.getByRole('button', { name: w.next }).click()
  await fillCustomerById(page)
  await page.getByRole('button', { name: w.next }).click()
  await expect(screenId(page)).toContainText('SOA208')
}

test.describe('the language link', () => {
  test.use({ viewport: { width: 390, height: 844 }, locale: 'ja-JP' })

  test('LNK-13 English on request: the link switches the page in place and the flow goes on in English', async ({ page, linkage, snap }) => {
    await linkage.setClock(WEEKDAY_AFTERNOON)
    await page.goto(authorizeUrl(linkage, pkce().challenge))
    await fillAccount(page, TARO)
    await page.getByRole('link', { name: 'English' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('API Linkage Authentication (Account information)')
    await page.locator('#branch').fill(TARO.branch)
    await page.locator('#accountNumber').fill(TARO.accountNumber)
    await page.getByRole('button', { name: 'Next' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('API Linkage Authentication (Customer information)')
    await snap('en-20-switched-SOA202')
    await page.getByRole('link', { name: '日本語' }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('API連携認証（お客様情報入力）')
  })
})
