// Every exchange of a provisioned token (renewal, correction, 取引確認) is a device-signed request (OTP-13): the
// headers of common/protocol.ts, signed with the token's key from the vault. The service's refusals of the
// signature itself are not the operation's errors and are translated here, once for all of them (OTP-26):
//   DEVICE_UNKNOWN / DEVICE_REVOKED / BAD_SIGNATURE → A998: this vault's key no longer matches a live device on the
//     service (revoked by staff, re-issued elsewhere), so only a re-issue helps;
//   STALE_REQUEST / REPLAYED_REQUEST → A999 with a log line: this app signs afresh for every request, so either
//     means a clock far off or a fault, and support needs the log to tell which.
import type { z } from 'zod'
import { AUTH_REFUSALS, isCodeOf, type RouteDescriptor } from '@shinkumi/common/wire/route.ts'
import { CodedError } from './coded-error.ts'
import type { createRequestSigner } from './device-keys.ts'
import { ServiceRefusalError, type CallRequest, type ErrorFamily, type ServiceClient } from './service-client.ts'

export type RequestSigner = ReturnType<typeof createRequestSigner>

export interface SignedCallDeps {
  client: ServiceClient
  signer: RequestSigner
}

/** A device route (`auth: 'device'`) called for one token: the headers sign the path and the exact body bytes sent. */
export async function signedCall<R extends RouteDescriptor & { auth: 'device' }>(
  { client, signer }: SignedCallDeps,
  tokenId: string,
  descriptor: R,
  request: Pick<CallRequest<R>, 'params' | 'body'>,
  family: ErrorFamily,
): Promise<z.output<R['response']>> {
  // The client serialises `body` with the same JSON.stringify, so the signature covers the exact bytes sent.
  const bytes = request.body === undefined ? '' : JSON.stringify(request.body)
  const headers = await signer.signRequest(tokenId, descriptor.method, client.pathnameOf(descriptor, request.params), bytes)
  try {
    return await client.call(descriptor, { ...request, headers }, family)
  } catch (error) {
    throw deviceAuthFailure(error) ?? error
  }
}

function deviceAuthFailure(error: unknown): Error | undefined {
  if (!(error instanceof ServiceRefusalError)) return undefined
  const refusal = error.serviceCode
  if (!isCodeOf(AUTH_REFUSALS.device, refusal)) return undefined
  switch (refusal) {
    case 'DEVICE_UNKNOWN':
    case 'DEVICE_REVOKED':
    case 'BAD_SIGNATURE':
      return new CodedError('A998', `the service refused the device signature: ${refusal}`, { cause: error })
    case 'STALE_REQUEST':
    case 'REPLAYED_REQUEST':
      return new Error(`the service refused a freshly signed request: ${refusal}`, { cause: error })
  }
}
