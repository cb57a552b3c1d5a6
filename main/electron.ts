// The Electron entry: the only file that touches app, BrowserWindow, protocol and ipcMain. Everything it wires
// is host-agnostic and tested elsewhere (main/core, main/security); this file only applies it.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { app, BrowserWindow, ipcMain, net, powerMonitor, protocol, session, type WebContents } from 'electron'
import { channels } from '@shinkumi/common/bridge.ts'
import { createAppApi } from './core/app-api.ts'
import { chooseServiceUrl } from './core/service-url.ts'
import { systemClock } from '@shinkumi/common/time.ts'
import { electronOpener } from './platform/electron-opener.ts'
import { electronFileSaver } from './platform/electron-file-saver.ts'
import { createElectronStore } from './platform/electron-store.ts'
import { createJsonLogger } from './platform/logger.ts'
import { checkForTesterUpdates } from './platform/updater.ts'
import { updatePlan } from './core/update-plan.ts'
import { safeStorageProtector } from './platform/safe-storage-protector.ts'
import { APP_ORIGIN, guardedHandler, isAppUrl } from './security/ipc-guard.ts'
import { CONTENT_SECURITY_POLICY, navigationAllowed, permissionAllowed, rendererFile, WEB_PREFERENCES } from './security/policy.ts'

declare const __SHINKUMI_SERVICE_URL__: string
declare const __SHINKUMI_CHANNEL__: string
declare const __SHINKUMI_UPDATE_URL__: string

const HERE = path.dirname(fileURLToPath(import.meta.url))
const RENDERER_DIR = path.join(HERE, '../renderer')

/** OTP-19: the build's service URL, overridable by testers with --service-url=… or SHINKUMI_SERVICE_URL (not in production). */
function serviceUrl(): string {
  return chooseServiceUrl({ serviceUrl: __SHINKUMI_SERVICE_URL__, channel: __SHINKUMI_CHANNEL__ }, process.argv, process.env)
}

// app:// instead of file://: a real origin for the CSP and the sender check, and no access to the file system.
protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }])

let mainWindow: BrowserWindow | undefined

function serveRenderer(): void {
  protocol.handle('app', async (request) => {
    const file = rendererFile(RENDERER_DIR, new URL(request.url).pathname)
    if (!isAppUrl(request.url) || !file) return new Response('not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY)
    return new Response(response.body, { status: response.status, headers })
  })
}

function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!navigationAllowed(url)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!navigationAllowed(url)) event.preventDefault()
  })
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

async function start(): Promise<void> {
  const logStream = fs.createWriteStream(path.join(app.getPath('logs'), 'main.log'), { flags: 'a', mode: 0o600 })
  const logger = createJsonLogger(logStream)
  const api = createAppApi({
    store: createElectronStore(),
    protector: safeStorageProtector,
    clock: systemClock,
    opener: electronOpener,
    logger,
    serviceUrl: serviceUrl(),
    version: app.getVersion(),
    channel: __SHINKUMI_CHANNEL__,
    fileSaver: electronFileSaver(() => mainWindow),
  })

  session.defaultSession.setPermissionRequestHandler((contents, permission, callback) => callback(permissionAllowed(permission, contents.getURL())))
  session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin))
  app.on('web-contents-created', (_event, contents) => harden(contents))
  serveRenderer()
  // OTP-18: the app lock engages when the OS locks the screen or goes to sleep, not only after idle time.
  powerMonitor.on('lock-screen', () => void api['lock.engage']())
  powerMonitor.on('suspend', () => void api['lock.engage']())

  for (const channel of channels) {
    const handler = guardedHandler(api, channel, () => mainWindow?.webContents.id)
    ipcMain.handle(channel, (event, input) =>
      handler(
        {
          webContentsId: event.sender.id,
          frameUrl: event.senderFrame?.url ?? '',
          isMainFrame: event.senderFrame !== null && event.senderFrame === event.sender.mainFrame,
        },
        input,
      ),
    )
  }

  mainWindow = new BrowserWindow({
    width: 440,
    height: 780,
    minWidth: 380,
    minHeight: 640,
    title: 'ワンタイムパスワード',
    show: false,
    webPreferences: { ...WEB_PREFERENCES, preload: path.join(HERE, '../preload/index.cjs') },
  })
  mainWindow.removeMenu()
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  // OTP-26: a renderer that dies (crash or out of memory) is reloaded; the renderer then shows A9EX, or A999 with
  // the id of this log line (renderer/lib/recovery.ts reads the fragment).
  mainWindow.webContents.on('render-process-gone', (_event, details) => {
    const correlationId = crypto.randomUUID()
    logger.error('renderer process gone', correlationId, { reason: details.reason, exitCode: details.exitCode })
    if (details.reason === 'clean-exit') return
    const recovered = details.reason === 'oom' ? 'recovered=A9EX' : `recovered=A999&correlation=${correlationId}`
    void mainWindow?.loadURL(`${APP_ORIGIN}/index.html#${recovered}`)
  })
  await mainWindow.loadURL(`${APP_ORIGIN}/index.html`)
  // Testers' builds look for a newer build (SHINKUMI_UPDATE_URL at run time overrides the build's feed).
  const feedUrl = process.env.SHINKUMI_UPDATE_URL || __SHINKUMI_UPDATE_URL__ || undefined
  void checkForTesterUpdates(updatePlan({ packaged: app.isPackaged, buildChannel: __SHINKUMI_CHANNEL__, feedUrl }), logger)
}

app.enableSandbox()
if (!app.requestSingleInstanceLock()) app.quit()
app.on('second-instance', () => mainWindow?.focus())
app.on('window-all-closed', () => app.quit())
app.whenReady().then(start, (error: unknown) => {
  console.error('Shinkumi OTP could not start', error)
  app.exit(1)
})
