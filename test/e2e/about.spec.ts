// このアプリについて (OTP-16, seed 3.10): 設定メニュー → バージョン情報 shows the version from package.json and, for
// testers, the service URL and the build channel.
import fs from 'node:fs'
import path from 'node:path'
import { setUp, uniqueUser } from './device-helpers.ts'
import { expect, issue, ROOT, test } from './fixtures.ts'

const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }

test('OTP-16 設定メニュー → バージョン情報 → このアプリについて: Version from package.json, service URL, build channel', async ({ page, app, service, snap }) => {
  const userId = uniqueUser('about')
  await setUp(page, app.url, 'SHINKUMIBIZ', userId, issue(service, 'SHINKUMIBIZ', userId))
  await page.getByTestId('tab-settings').click()
  await expect(page.getByTestId('settings-version')).toHaveText(/バージョン情報/)
  await page.getByTestId('settings-version').click()
  await expect(page.getByTestId('screen-title')).toHaveText('このアプリについて')
  await expect(page.getByTestId('about-version')).toHaveText(`Version${version}`)
  await expect(page.getByTestId('about-service-url')).toHaveText(new URL(service.url).href)
  await expect(page.getByTestId('about-channel')).toHaveText('development')
  await snap('about-このアプリについて')
  await page.getByTestId('header-back').click()
  await expect(page.getByTestId('screen-title')).toHaveText('設定メニュー')
})
