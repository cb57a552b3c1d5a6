// The main process's calls to the staff API (/v1/staff) with the session token, each answer parsed with the
// contract. The service's refusal codes pass through; no answer is STAFF_OFFLINE; a fault or an answer outside the
// contract is STAFF_SERVICE_ERROR; a session the service no longer knows is STAFF_SIGNED_OUT.
import type { z } from 'zod'
import { StaffError } from '@shinkumi/common/staff-api.ts'
import { CodedError } from '../coded-error.ts'

export interface StaffRequest {
  token?: string
  body?: unknown
}

export interface StaffHttp {
  json<S extends z.ZodType>(method: string, path: string, schema: S, request?: StaffRequest): Promise<z.output<S>>
  /** For the CSV export: the body as text and the file name the service suggests. */
  text(path: string, token: string): Promise<{ text: string; fileName: string | null }>
  /** 204 and nothing else. */
  empty(method: string, path: string, token: string): Promise<void>
}

export function staffHttp(baseUrl: string, timeoutMs: number): StaffHttp {
  async function send(method: string, path: string, { token, body }: StaffRequest = {}): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json' }
    if (token) headers.authorization = `Bearer ${token}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    let response: Response
    try {
      response = await fetch(new URL(path, baseUrl), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      throw new CodedError('STAFF_OFFLINE', `${method} ${path}: no answer`, { cause: error })
    }
    if (!response.ok) throw await refusal(response, `${method} ${path}`)
    return response
  }

  return {
    async json(method, path, schema, request) {
      const response = await send(method, path, request)
      const parsed = schema.safeParse(await response.json().catch(() => undefined))
      if (!parsed.success) throw new CodedError('STAFF_SERVICE_ERROR', `${method} ${path}: answer outside the contract`)
      return parsed.data
    },
    async text(path, token) {
      const response = await send('GET', path, { token })
      const fileName = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? null
      // The BOM stays: spreadsheet software needs it to read the Japanese as UTF-8.
      return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer()), fileName }
    },
    async empty(method, path, token) {
      await send(method, path, { token })
    },
  }
}

async function refusal(response: Response, what: string): Promise<CodedError> {
  const answer = StaffError.safeParse(await response.json().catch(() => undefined))
  if (response.status >= 500 || !answer.success) return new CodedError('STAFF_SERVICE_ERROR', `${what}: HTTP ${response.status}`)
  if (answer.data.code === 'STAFF_UNAUTHENTICATED') return new CodedError('STAFF_SIGNED_OUT', `${what}: the service ended the session`)
  return new CodedError(answer.data.code, `${what}: ${answer.data.code}`)
}
