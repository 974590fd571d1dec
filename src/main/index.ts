import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { BrowserWindow, app, dialog, nativeTheme, session, type WebContents } from 'electron'
import { electronNativeFile, REBUILD_HINT, wrongAbi } from '../../scripts/electron-native-path.mjs'
import { NetmortemError, toApiError } from './core/errors'
import { defaultDataDir, resolveDbPath } from './core/paths'
import { openNetmortem, type NetmortemService } from './core/service'
import { registerIpc } from './ipc'
import { trustedSenderFor } from './ipcHandler'

// electron-vite sets this only in `electron-vite dev`: the renderer then comes from its dev server.
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined
const rendererFile = join(__dirname, '../renderer/index.html')
const isTrustedSender = trustedSenderFor(devServerUrl ?? rendererFile)

// Mantine's body colors, so the window does not flash white before a dark page paints.
const BACKGROUND = { dark: '#242424', light: '#ffffff' }

/** The dev server's pages get a CSP header; built pages carry theirs in index.html. */
function devCsp(devUrl: string): string {
  return [
    "default-src 'self'",
    // The React refresh preamble of the dev server is an inline script; built pages have none.
    "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ws://${new URL(devUrl).host}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'"
  ].join('; ')
}

let service: NetmortemService | null = null
let mainWindow: BrowserWindow | null = null

// The CLI opens the same folder, so both use one database.
app.setPath('userData', defaultDataDir())
app.enableSandbox()

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('web-contents-created', (_event, contents) => lockDown(contents))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (service && BrowserWindow.getAllWindows().length === 0) createWindow()
  })
  app.on('will-quit', () => {
    void service?.close()
    service = null
  })
  void app.whenReady().then(start)
}

function start(): void {
  try {
    service = openService()
  } catch (err) {
    dialog.showErrorBox('Netmortem cannot start', toApiError(err).message)
    app.quit()
    return
  }
  restrictSession()
  registerIpc(service, isTrustedSender)
  createWindow()
  void service.warmSearch()
}

function openService(): NetmortemService {
  const nativeFile = electronNativeFile(app.getAppPath(), process.versions.electron)
  const nativeBinding = existsSync(nativeFile) ? nativeFile : undefined
  const wrong = nativeBinding && wrongAbi(nativeBinding, Number(process.versions.modules))
  if (wrong) {
    throw new NetmortemError(
      'IO_ERROR',
      `The Electron build of better-sqlite3 cannot be loaded: ${wrong}; ${REBUILD_HINT}.`
    )
  }
  try {
    return openNetmortem({
      dbPath: resolveDbPath(),
      nativeBinding,
      version: app.getVersion(),
      embedInWorker: true
    })
  } catch (err) {
    const message = toApiError(err).message
    // Without the Electron build, better-sqlite3 finds only the addon built for plain Node.
    if (nativeBinding || !/NODE_MODULE_VERSION|compiled against/i.test(message)) throw err
    throw new NetmortemError('IO_ERROR', `${message.replace(/\.?$/, '')}; ${REBUILD_HINT}.`)
  }
}

/** No permissions, and no request leaves the machine: only files and the dev server load. */
function restrictSession(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: isRemote(details.url) })
  })
  if (devServerUrl) {
    const csp = devCsp(devServerUrl)
    ses.webRequest.onHeadersReceived((details, callback) => {
      const headers = details.responseHeaders ?? {}
      if (/^https?:/i.test(details.url)) headers['Content-Security-Policy'] = [csp]
      callback({ responseHeaders: headers })
    })
  }
}

function isRemote(url: string): boolean {
  if (!/^(https?|wss?):/i.test(url)) return false
  if (!devServerUrl) return true
  const dev = new URL(devServerUrl)
  const target = new URL(url)
  return target.host !== dev.host
}

/** Every page stays where it is: no navigation, no new windows, no webviews. */
function lockDown(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (event.url !== contents.getURL()) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

function createWindow(): void {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Netmortem',
    autoHideMenuBar: true,
    backgroundColor: nativeTheme.shouldUseDarkColors ? BACKGROUND.dark : BACKGROUND.light,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  mainWindow = window
  window.once('ready-to-show', () => window.show())
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null
  })
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(rendererFile)
}
