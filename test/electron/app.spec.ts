// The Electron shell itself: runs only where the Electron runtime is installed (`npx install-electron`); on the
// project's offline machines it cannot be downloaded, and these tests report themselves skipped with that reason.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { _electron as electron, expect, test } from '@playwright/test'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

function electronBinary(): string | null {
  try {
    const relative = fs.readFileSync(path.join(ROOT, 'node_modules/electron/path.txt'), 'utf8').trim()
    const binary = path.join(ROOT, 'node_modules/electron/dist', relative)
    return fs.existsSync(binary) && fs.existsSync(path.join(ROOT, 'out/main/electron.js')) ? binary : null
  } catch {
    return null
  }
}

const binary = electronBinary()
test.skip(!binary, 'the Electron runtime is not installed here (offline machine); run `npx install-electron` and `npm run build`')

test('SPEC §5 the window is sandboxed, isolated, on app:// and cannot navigate or open windows', async () => {
  const app = await electron.launch({ executablePath: binary!, args: [ROOT, '--service-url=http://127.0.0.1:9'] })
  const window = await app.firstWindow()
  expect(window.url()).toMatch(/^app:\/\/shinkumi\//)
  expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined')
  expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined')
  expect(await window.evaluate(() => Object.keys((globalThis as unknown as { api: object }).api))).toContain('otp.current')
  const opened = await window.evaluate(() => globalThis.open('https://example.com') === null)
  expect(opened).toBe(true)
  await window.evaluate(() => (globalThis.location.href = 'https://example.com'))
  await window.waitForTimeout(500)
  expect(window.url()).toMatch(/^app:\/\/shinkumi\//)
  await expect(window.getByText('初期設定').first()).toBeVisible()
  await app.close()
})
