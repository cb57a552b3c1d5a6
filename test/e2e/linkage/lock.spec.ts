// LNK-04: five failures lock API linkage for the account until the next 0:00 JST; every attempt meanwhile is B84.
import { test, expect } from '../fixtures.ts'
import { HANAKO, authorizeUrl, fillAccount, fillCustomer, pkce, screenId } from './helpers.ts'

test.use({ viewport: { width: 390, height: 844 } })

test('LNK-04 messages 2 → 3 at the fifth failure → B84 while locked → released at 0:00 JST (test clock)', async ({ page, linkage, snap }) => {
  await linkage.setClock('2026-11-18T22:00:00+09:00')
  const attempt = async (name: string) => {
    await page.goto(authorizeUrl(linkage, pkce().challenge))
    await fillAccount(page, HANAKO)
    await page.getByRole('button', { name: '次へ' }).click()
    await fillCustomer(page, HANAKO, { name })
    await page.getByRole('button', { name: '次へ' }).click()
  }
  for (let i = 1; i <= 4; i++) {
    await attempt('ﾁｶﾞｳ ﾅﾏｴ')
    await expect(page.getByRole('alert')).toHaveText('本人認証情報が誤っています。本人認証項目をご確認のうえ、再度入力して下さい。')
  }
  await attempt('ﾁｶﾞｳ ﾅﾏｴ')
  await expect(page.getByRole('alert')).toHaveText('お取扱いができなくなりました。詳しくは本サービスのお問合せ窓口へご照会下さい。')
  await snap('20-LNK04-message3-locked')
  await attempt(HANAKO.name)
  await expect(page.getByRole('alert')).toHaveText('ただ今お取扱いできません。詳しくは本サービスのお問合せ窓口へご照会下さい。理由コードはB84です。')
  await snap('21-LNK04-message4-B84')
  await linkage.setClock('2026-11-18T23:59:00+09:00')
  await attempt(HANAKO.name)
  await expect(page.getByRole('alert')).toContainText('理由コードはB84です。')
  // 0:00–0:01 is out of service hours; at 0:02 JST the lock has ended.
  await linkage.setClock('2026-11-19T00:02:00+09:00')
  await attempt(HANAKO.name)
  await expect(screenId(page)).toHaveText('画面ID : SOA208')
  await expect(page.getByTestId('masked-phone')).toHaveText('******5678')
})
