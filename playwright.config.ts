// End-to-end tests in Debian's Chromium (Playwright cannot download its own browser here; TOOLCHAIN.md).
import fs from 'node:fs'
import { defineConfig } from '@playwright/test'

const executablePath = process.env.CHROMIUM_PATH ?? (fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined)

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  globalSetup: './test/e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // CI shares 2 cores with the service and the browser: one retry absorbs a stall, and the run still names the
  // test "flaky" (scripts/test.ts prints the count) so it is seen and fixed, not hidden.
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  projects: [
    // The desktop app's window is phone-like: the manual's screens, at the size of the Electron window.
    { name: 'desktop', testIgnore: ['linkage/**'], use: { viewport: { width: 420, height: 760 } } },
    { name: 'linkage', testMatch: ['linkage/**/*.spec.ts'] },
    // The Electron shell (Playwright's _electron): skipped with its reason where the runtime is missing.
    { name: 'electron', testDir: 'test/electron' },
  ],
})
