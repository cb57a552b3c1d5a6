// The service's side of provisioning (common/protocol.ts), small enough to read in one go: it checks the request
// with the shared schema, makes its own ephemeral ECDH key and derives the TOTP seed from the same transcript.
// Unit scope only — the real service under server/ is exercised by the e2e tests.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'
import { ProvisionRequest, deriveTotpSeed, newEphemeralKey, type ProvisionResponse } from '@shinkumi/common/protocol.ts'

export interface IssuedToken {
  request: ProvisionRequest
  response: ProvisionResponse
  seed: Uint8Array<ArrayBuffer>
}

/** What the service answers instead of a token, for the refusal tests. */
export type Refusal = { status: number; body: unknown }

export interface FakeService {
  url: string
  /** Every request that reached the service, valid or not. */
  requests: number
  issued: IssuedToken[]
  /** Set to make the next answers a refusal. */
  refuse: Refusal | undefined
  /** Overrides fields of the successful answer (TOTP parameters, service name …). */
  answer: Partial<ProvisionResponse>
  close(): Promise<void>
}

let serial = 10_000_000

async function issue(request: ProvisionRequest, answer: Partial<ProvisionResponse>): Promise<IssuedToken> {
  const ephemeral = await newEphemeralKey()
  const response: ProvisionResponse = {
    tokenId: randomUUID(),
    serialNumber: String(serial++),
    serviceName: `${request.serviceId}バンク`,
    algorithm: 'SHA1',
    digits: 8,
    period: 60,
    expiresAt: '2031-03-31T14:59:59.000Z',
    logoUrl: null,
    linkUrl: 'https://www.example.jp/otp',
    offersTransactions: false,
    serverEphemeralPublicKey: ephemeral.publicKey,
    ...answer,
  }
  const seed = await deriveTotpSeed(ephemeral.privateKey, request.ephemeralPublicKey, {
    serviceId: request.serviceId,
    userId: request.userId,
    tokenId: response.tokenId,
    serialNumber: response.serialNumber,
    devicePublicKey: request.devicePublicKey,
    ephemeralPublicKey: request.ephemeralPublicKey,
    serverEphemeralPublicKey: response.serverEphemeralPublicKey,
    algorithm: response.algorithm,
  })
  return { request, response, seed }
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8'))
}

export async function startFakeService(): Promise<FakeService> {
  const service: Omit<FakeService, 'url' | 'close'> = { requests: 0, issued: [], refuse: undefined, answer: {} }
  const server = http.createServer((req, res) => {
    service.requests++
    const send = (status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
    if (req.method !== 'POST' || req.url !== '/v1/devices/provision') return send(404, { code: 'NOT_FOUND' })
    if (service.refuse) return send(service.refuse.status, service.refuse.body)
    readJson(req)
      .then((body) => issue(ProvisionRequest.parse(body), service.answer))
      .then((token) => {
        service.issued.push(token)
        send(200, token.response)
      })
      .catch(() => send(400, { code: 'S0G1' }))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return Object.assign(service, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}
