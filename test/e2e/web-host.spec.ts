// SVC-02: `npm run web` starts the service and the desktop app's UI in a browser host, and prints both URLs.
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { expect, startProcess, stop, test } from './fixtures.ts'

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

test('SVC-02 npm run web prints both URLs and serves the app against the service', async ({ page }) => {
  const [port, webPort] = await Promise.all([freePort(), freePort()])
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkumi-web-'))
  const { child } = await startProcess(
    ['scripts/stack.ts', 'web'],
    { PORT: String(port), WEB_PORT: String(webPort), DATA_DIR: dataDir, SHINKUMI_APP_DATA: path.join(dataDir, 'app'), LOG_LEVEL: 'warn', DATABASE_URL: '' },
    new RegExp(`Desktop app \\(browser host\\): http://127\\.0\\.0\\.1:${webPort}`),
  )
  try {
    expect((await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).status).toBe('ok')
    await page.goto(`http://127.0.0.1:${webPort}`)
    await expect(page.getByTestId('screen-title')).toHaveText('初期設定')
  } finally {
    await stop(child)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
