// Packaged builds for testers (issue 11): the workflow cannot run on these machines, so its shape is checked here —
// the three OSes, install → runtime → npm test → the _electron suite → electron-builder → upload — together with
// the builder's icons, signing placeholders and the testers' update feed, and the update plan the app follows.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { updatePlan } from '../../main/core/update-plan.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8')

interface Step {
  name?: string
  uses?: string
  run?: string
  with?: Record<string, string>
  env?: Record<string, string>
}
interface Job {
  'runs-on': string
  strategy: { matrix: { os: string[] } }
  env: Record<string, string>
  steps: Step[]
}

describe('.github/workflows/desktop.yml', () => {
  const workflow = parse(read('.github/workflows/desktop.yml')) as { on: Record<string, unknown>; jobs: Record<string, Job> }
  const job = workflow.jobs.package!
  const runs = job.steps.map((s) => s.run ?? '')
  const indexOf = (pattern: RegExp) => runs.findIndex((r) => pattern.test(r))

  it('builds on windows-latest, macos-latest and ubuntu-latest, on pushes, pull requests and by hand', () => {
    expect(job['runs-on']).toBe('${{ matrix.os }}')
    expect(job.strategy.matrix.os).toEqual(['windows-latest', 'macos-latest', 'ubuntu-latest'])
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request', 'workflow_dispatch']))
  })

  it('installs from the lockfile with the declared Node, downloads the Electron runtime, then runs npm test and the _electron suite before packaging', () => {
    expect(job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version-file']).toBe('.nvmrc')
    const install = indexOf(/^npm ci\b/)
    const runtime = indexOf(/install-electron/)
    const build = indexOf(/^npm run build$/)
    const test = indexOf(/npm test/)
    const electronSuite = indexOf(/playwright test --project electron/)
    const packageStep = indexOf(/electron-builder .*--publish never/)
    for (const i of [install, runtime, build, test, electronSuite, packageStep]) expect(i).toBeGreaterThanOrEqual(0)
    expect(install).toBeLessThan(runtime)
    expect(runtime).toBeLessThan(test)
    expect(build).toBeLessThan(test)
    expect(test).toBeLessThan(packageStep)
    expect(electronSuite).toBeLessThan(packageStep)
    // Linux runners have no display: the Electron window runs under Xvfb.
    expect(runs[test]).toMatch(/xvfb-run/)
    expect(runs[electronSuite]).toMatch(/xvfb-run/)
  })

  it('uploads the installers and the update files, named signed or unsigned', () => {
    const upload = job.steps.find((s) => s.uses?.startsWith('actions/upload-artifact@') && s.with?.path?.includes('dist/'))
    expect(upload?.with?.name).toContain('${{ steps.signing.outputs.state }}')
    for (const file of ['dist/*.exe', 'dist/*.dmg', 'dist/*.AppImage', 'dist/testers*.yml']) expect(upload?.with?.path).toContain(file)
  })

  it('wires signing and notarisation to secrets (empty by default) and says when the build is unsigned', () => {
    for (const name of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) {
      expect(job.env[name]).toBe(`\${{ secrets.${name} }}`)
    }
    const signing = runs[indexOf(/state=unsigned/)]!
    expect(signing).toMatch(/::warning title=Unsigned build::/)
    expect(signing).toMatch(/CSC_IDENTITY_AUTO_DISCOVERY=false/)
  })

  it("builds the testers' channel with a configurable update feed", () => {
    expect(job.env.SHINKUMI_BUILD_CHANNEL).toBe('testers')
    expect(job.env.SHINKUMI_UPDATE_URL).toMatch(/^\$\{\{ vars\.SHINKUMI_UPDATE_URL \|\| 'https:\/\//)
  })
})

describe('electron-builder.yml', () => {
  const builder = parse(read('electron-builder.yml')) as Record<string, Record<string, unknown>>

  it('has an icon for every target: build/icon.png 1024², icon.ico, icon.icns', () => {
    const png = fs.readFileSync(path.join(ROOT, 'build/icon.png'))
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG')
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024])
    const ico = fs.readFileSync(path.join(ROOT, 'build/icon.ico'))
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1])
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5)
    const icns = fs.readFileSync(path.join(ROOT, 'build/icon.icns'))
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns')
    expect(icns.readUInt32BE(4)).toBe(icns.length)
    expect(icns.includes(Buffer.from('ic10'))).toBe(true) // the 1024² element
    expect(builder.win!.icon).toBe('build/icon.ico')
    expect(builder.mac!.icon).toBe('build/icon.icns')
    expect(builder.linux!.icon).toBe('build/icon.png')
  })

  it("publishes the testers' channel to a generic feed whose URL comes from the environment", () => {
    expect(builder.publish).toEqual({ provider: 'generic', url: '${env.SHINKUMI_UPDATE_URL}', channel: 'testers' })
    expect(builder.mac!.target).toContain('zip') // electron-updater installs the zip on macOS
  })
})

describe("update check (electron-updater, testers' channel)", () => {
  const feedUrl = 'https://updates.shinkumi.example/otp/testers'

  it("checks only in packaged builds that are not production, on the testers' channel of the configured feed", () => {
    expect(updatePlan({ packaged: true, buildChannel: 'testers', feedUrl })).toEqual({
      check: true,
      feed: { provider: 'generic', url: feedUrl, channel: 'testers' },
    })
    expect(updatePlan({ packaged: false, buildChannel: 'testers', feedUrl })).toMatchObject({ check: false })
    expect(updatePlan({ packaged: true, buildChannel: 'production', feedUrl })).toMatchObject({ check: false, reason: 'production build' })
    expect(updatePlan({ packaged: true, buildChannel: 'testers', feedUrl: undefined })).toMatchObject({ check: false })
  })

  it('refuses a feed that is not https (updates are code)', () => {
    expect(updatePlan({ packaged: true, buildChannel: 'testers', feedUrl: 'http://updates.shinkumi.example/' })).toMatchObject({ check: false })
    expect(updatePlan({ packaged: true, buildChannel: 'testers', feedUrl: 'not a url' })).toMatchObject({ check: false })
  })
})
