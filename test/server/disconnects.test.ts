// SEC-06 (issue 13): a client that hangs up is not an error of the service. The service runs as `npm run service`
// does, logging at info; raw connections hang up in the middle of a body and after a whole request but before the
// answer, on an API route (/v1/otp/verify) and a staff route (/v1/staff/session). No line of the log is at error
// level or above, and the hang-ups after a whole request are logged at info as what they are.
import net from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { loadDemo } from '../../server/src/cli/demo.ts'
import { describeOnEachDatabase, startHarness, type Harness } from './harness.ts'
import { startLoggingService, type LoggingService } from './logging-service.ts'

const RP_KEY = 'rp-demo-key-shinkumi-netbank'
/** pino's level numbers: 30 info, 50 error, 60 fatal. */
const INFO = 30
const ERROR = 50

interface LogLine {
  level: number
  msg?: string
  reqId?: string
  req?: { route?: string }
}

/**
 * Opens a connection, sends the request head and `sent` bytes of the body (all of it when omitted), and closes the
 * connection `afterMs` later without reading the answer.
 */
function hangUp(url: string, request: { path: string; headers?: Record<string, string>; body: string; sent?: number; afterMs: number }): Promise<void> {
  const { hostname, port } = new URL(url)
  const body = Buffer.from(request.body)
  const head = [
    `POST ${request.path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Content-Type: application/json',
    `Content-Length: ${body.length}`,
    ...Object.entries(request.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
  ].join('\r\n')
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(Buffer.concat([Buffer.from(`${head}\r\n\r\n`), body.subarray(0, request.sent ?? body.length)]), () =>
        setTimeout(() => {
          socket.destroy()
          resolve()
        }, request.afterMs),
      )
    })
    socket.once('error', reject)
  })
}

const lines = (log: string): LogLine[] =>
  log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine)

/** Polls the log until `done` holds, for at most 15 s (scrypt runs for each staff sign-in on a busy machine). */
async function logUntil(service: LoggingService, done: (log: LogLine[]) => boolean): Promise<LogLine[]> {
  for (let i = 0; i < 75 && !done(lines(service.log())); i++) await new Promise((r) => setTimeout(r, 200))
  return lines(service.log())
}

/** The info lines saying a client hung up, of requests to `route` (the request's first line names its route). */
function hungUpOn(log: LogLine[], route: string): LogLine[] {
  const ids = new Set(log.filter((line) => line.req?.route === route).map((line) => line.reqId))
  return log.filter((line) => line.level === INFO && line.msg === 'client hung up before the answer' && ids.has(line.reqId))
}

describeOnEachDatabase('SEC-06 client disconnects are not logged as errors', (target) => {
  let h: Harness
  let service: LoggingService
  beforeAll(async () => {
    h = await startHarness(target)
    await loadDemo(h.deps)
    service = await startLoggingService(h.env)
  })
  afterAll(async () => {
    await service?.stop()
    await h?.close()
  })

  it('SEC-06 hang-ups mid-body and before the answer, on /v1/otp/verify and /v1/staff/session: nothing at error level, the hang-up at info', async () => {
    const verify = { path: '/v1/otp/verify', headers: { authorization: `Bearer ${RP_KEY}` }, body: JSON.stringify({ serviceId: 'SHINKUMI', userId: 'yamada001', otp: '12345678' }) }
    const signIn = { path: '/v1/staff/session', body: JSON.stringify({ staffId: 'teller01', password: 'not-the-password', otp: '000000' }) }
    for (const request of [verify, signIn]) {
      // Mid-body: the head promises more than is sent; then after the whole request, at once and a moment later.
      await hangUp(service.url, { ...request, sent: 10, afterMs: 50 })
      for (const afterMs of [0, 5, 20]) await hangUp(service.url, { ...request, afterMs })
    }

    // A verification answers within a millisecond or two, so only its mid-body hang-up is sure to come before the
    // answer; a sign-in checks its password (scrypt) first, so at least the mid-body and the at-once ones are.
    await logUntil(service, (now) => hungUpOn(now, '/v1/otp/verify').length >= 1 && hungUpOn(now, '/v1/staff/session').length >= 2)
    // The handlers of the sign-ins still finish after their client left: what they log counts too.
    await new Promise((r) => setTimeout(r, 1000))
    const log = lines(service.log())
    expect(log.filter((line) => line.level >= ERROR)).toEqual([])
    expect(hungUpOn(log, '/v1/otp/verify').length).toBeGreaterThanOrEqual(1)
    expect(hungUpOn(log, '/v1/staff/session').length).toBeGreaterThanOrEqual(2)
  })
})
