// The built renderer, served as files; the page gets the run's bridge token and the script that uses it.
import type http from 'node:http'
import fs from 'node:fs/promises'
import path from 'node:path'
import { rendererFile } from '../security/policy.ts'
import { CLIENT_SCRIPT_PATH } from './bridge-endpoint.ts'
import { JAVASCRIPT, send } from './respond.ts'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': JAVASCRIPT,
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
}

export function staticFiles(rendererDir: string, token: string) {
  const indexFile = path.join(path.resolve(rendererDir), 'index.html')
  return async function serveStatic(pathname: string, response: http.ServerResponse): Promise<void> {
    const file = rendererFile(rendererDir, pathname)
    if (!file) return send(response, 404, 'text/plain', 'not found')
    let content: Buffer
    try {
      content = await fs.readFile(file)
    } catch {
      return send(response, 404, 'text/plain', 'not found')
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream'
    if (file !== indexFile) return send(response, 200, type, content)
    const page = content.toString('utf8').replace('<head>', `<head>\n    <meta name="shinkumi-bridge-token" content="${token}" />\n    <script src="${CLIENT_SCRIPT_PATH}"></script>`)
    return send(response, 200, type, page)
  }
}
