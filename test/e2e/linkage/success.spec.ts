// LNK-01…LNK-12: the whole journey in Chromium, from the fintech app's authorization request to GET /v1/accounts,
// at a phone's and a PC's size, with a screenshot of every screen.
import { test, expect } from '../fixtures.ts'
import { CLIENT, TARO, authorizeUrl, catchRedirect, fillAccount, fillCustomer, pkce, screenId } from './helpers.ts'

for (const [label, viewport] of [
  ['phone', { width: 390, height: 844 }],
  ['PC', { width: 1280, height: 800 }],
] as const) {
  test.describe(`at ${label} size`, () => {
    test.use({ viewport })

    test(`LNK-01 LNK-12 full success path from the authorization request to GET /v1/accounts (${label})`, async ({ page, linkage, snap }) => {
      // Six screens with a full-page screenshot each: over a minute at PC size on a loaded 2-core machine.
      test.setTimeout(120_000)
      const redirected = await catchRedirect(page)
      const { verifier, challenge } = pkce()
      const mailsBefore = linkage.outbox().length
      await page.goto(authorizeUrl(linkage, challenge, `state-${label}`))

      // ① SOA201
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('API連携認証（ご利用口座情報入力）')
      await expect(screenId(page)).toHaveText('画面ID : SOA201')
      await expect(page.getByText('免責事項')).toBeVisible()
      await expect(page.getByText('本機能はお客様の金融情報をしんくみ家計簿株式会社に提供するものです。', { exact: false })).toBeVisible()
      await expect(page.getByRole('link', { name: 'API利用規定' })).toBeVisible()
      await expect(page.getByRole('link', { name: 'よくあるご質問' })).toBeVisible()
      await expect(page.getByRole('link', { name: 'お問い合わせ先 06-6374-3021' })).toHaveAttribute('href', 'tel:0663743021')
      await fillAccount(page, TARO)
      await snap('01-SOA201-account')
      await page.getByRole('button', { name: '次へ' }).click()

      // ② SOA202, with the name typed in full-width katakana
      await expect(screenId(page)).toHaveText('画面ID : SOA202')
      await expect(page.getByText('店番 115')).toBeVisible()
      await expect(page.getByText('1100026')).toBeVisible()
      await fillCustomer(page, TARO)
      await snap('02-SOA202-customer')
      await page.getByRole('button', { name: '次へ' }).click()

      // ③ SOA208
      await expect(screenId(page)).toHaveText('画面ID : SOA208')
      await expect(page.getByTestId('masked-phone')).toHaveText('*******3333')
      await snap('03-SOA208-phone')
      await page.getByRole('button', { name: '電話番号の決定' }).click()

      // ④ SOA209: the call, as the provider reports it (here through `npm run admin -- call`)
      await expect(screenId(page)).toHaveText('画面ID : SOA209')
      await expect(page.getByTestId('call-from')).toHaveText('*******3333')
      const to = (await page.getByTestId('call-to').textContent())!.trim()
      expect(['0120111222', '0120333444', '0800555666']).toContain(to)
      await snap('04-SOA209-call')
      const called = JSON.parse(linkage.admin('call', '--from', TARO.phone, '--to', to, '--at', linkage.now(), '--json').replace(/^[^{]*/, '')) as { status: string }
      expect(called.status).toBe('verified')
      await page.getByRole('button', { name: '確定する' }).click()

      // ⑤ SOA211
      await expect(screenId(page)).toHaveText('画面ID : SOA211')
      await page.getByLabel('キャッシュカードの暗証番号').fill(TARO.pin)
      await snap('05-SOA211-pin')
      await page.getByRole('button', { name: '次へ' }).click()

      // ⑥ SOA206: 許可する only once the box is ticked
      await expect(screenId(page)).toHaveText('画面ID : SOA206')
      await expect(page.getByText('しんくみ家計簿株式会社が以下の許可を求めています。')).toBeVisible()
      await expect(page.getByText('口座情報・明細情報へのアクセス')).toBeVisible()
      await expect(page.getByText('30日')).toBeVisible()
      await expect(page.getByRole('button', { name: '許可する' })).toBeDisabled()
      await page.getByLabel('当信用組合のAPI利用規定を確認し、同意します。').check()
      await expect(page.getByRole('button', { name: '許可する' })).toBeEnabled()
      await snap('06-SOA206-consent')
      await page.getByRole('button', { name: '許可する' }).click()

      // Back at the fintech app with a code and its state
      await expect.poll(() => redirected()?.searchParams.get('code') ?? null).not.toBeNull()
      const back = redirected()!
      expect(back.searchParams.get('state')).toBe(`state-${label}`)

      const token = await fetch(`${linkage.url}/oauth/token`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${CLIENT.clientId}:${CLIENT.clientSecret}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams({ grant_type: 'authorization_code', code: back.searchParams.get('code')!, redirect_uri: CLIENT.redirectUri, code_verifier: verifier }),
      })
      expect(token.status).toBe(200)
      const { access_token } = (await token.json()) as { access_token: string }
      const accounts = await fetch(`${linkage.url}/v1/accounts`, { headers: { authorization: `Bearer ${access_token}` } })
      expect(await accounts.json()).toEqual({
        accounts: [expect.objectContaining({ branch: '115', type: 'ordinary', typeName: '普通預金', accountNumber: '1100026', balance: 1_234_567 })],
      })
      // LNK-11: the result mail went to the outbox (development transport).
      await expect.poll(() => linkage.outbox().length).toBe(mailsBefore + 1)
    })
  })
}
