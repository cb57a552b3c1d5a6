// The service's side of device-signed requests (common/protocol.ts), small enough to read in one go: provisioning
// is passed on to the fake provisioning service; every other request must carry a signature by the device key
// that provisioning recorded, over the exact method, path and body bytes. Each test scripts the answers.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { fromBase64Url, toBase64Url } from '@shinkumi/common/encoding.ts'
import { DEVICE_HEADERS, deviceSigningInput } from '@shinkumi/common/protocol.ts'
import { startFakeService, type FakeService } from './fake-service.ts'

export interface SignedRequest {
  method: string
  path: string
  tokenId: string
  timestamp: string
  nonce: string
  body: string
  /** Whether the signature verifies with the key provisioning recorded for the token. */
  signatureValid: boolean
}

export type Answer = { status: number; body: unknown }

export interface FakeDeviceService {
  url: string
  provisioning: FakeService
  /** Every signed request, in order. */
  requests: SignedRequest[]
  /** The answer per "METHOD /path"; unscripted requests get 404. */
  answers: Map<string, (request: SignedRequest) => Answer | Promise<Answer>>
  close(): Promise<void>
}

async function readBody(request: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

async function verify(publicKey: string | undefined, request: Omit<SignedRequest, 'signatureValid'>, signature: string): Promise<boolean> {
  if (!publicKey) return false
  const subtle = globalThis.crypto.subtle
  const bodySha256 = toBase64Url(new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(request.body))))
  const input = deviceSigningInput(request.method, request.path, request.timestamp, request.nonce, bodySha256)
  const key = await subtle.importKey('spki', fromBase64Url(publicKey), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify'])
  return subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, fromBase64Url(signature), input)
}

export async function startFakeDeviceService(): Promise<FakeDeviceService> {
  const provisioning = await startFakeService()
  const requests: SignedRequest[] = []
  const answers = new Map<string, (request: SignedRequest) => Answer | Promise<Answer>>()

  const handle = async (req: http.IncomingMessage): Promise<Answer> => {
    const body = await readBody(req)
    const path = (req.url ?? '').split('?')[0] ?? ''
    if (path === '/v1/devices/provision') {
      const forwarded = await fetch(provisioning.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
      return { status: forwarded.status, body: await forwarded.json() }
    }
    const header = (name: string) => String(req.headers[name] ?? '')
    const tokenId = header(DEVICE_HEADERS.token)
    const publicKey = provisioning.issued.find((t) => t.response.tokenId === tokenId)?.request.devicePublicKey
    const signed = { method: req.method ?? '', path, tokenId, timestamp: header(DEVICE_HEADERS.timestamp), nonce: header(DEVICE_HEADERS.nonce), body }
    const request = { ...signed, signatureValid: await verify(publicKey, signed, header(DEVICE_HEADERS.signature)) }
    requests.push(request)
    const answer = answers.get(`${request.method} ${path}`)
    return answer ? answer(request) : { status: 404, body: { code: 'NOT_FOUND' } }
  }

  const server = http.createServer((req, res) => {
    void handle(req).then(({ status, body }) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    provisioning,
    requests,
    answers,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await provisioning.close()
    },
  }
}
