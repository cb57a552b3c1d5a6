// 初期設定 / トークン追加 (OTP-10 … OTP-13): the checks that need no network (OTP-11, OTP-03), then one exchange
// with the service, then the seed derived on this side of the ECDH (it never travels) and the token stored.
import type { z } from 'zod'
import { ValidProvisionInput } from '@shinkumi/common/bridge.ts'
import { MAX_TOKENS } from '@shinkumi/common/rules.ts'
import { deriveTotpSeed, newEphemeralKey, type ProvisionRequest, type ProvisionResponse } from '@shinkumi/common/protocol.ts'
import { deviceRoutes } from '@shinkumi/common/wire/devices.ts'
import type { Clock } from '@shinkumi/common/time.ts'
import { CodedError } from './coded-error.ts'
import { generateDeviceKey, type DeviceKey } from './device-keys.ts'
import { nextOrdinal } from './naming.ts'
import type { ServiceClient } from './service-client.ts'
import type { TokenRecord, Vault } from './vault.ts'

type ValidInput = z.infer<typeof ValidProvisionInput>

export interface ProvisioningDeps {
  vault: Vault
  client: ServiceClient
  clock: Clock
}

/** OTP-11 in the SPEC's order: malformed input, then a token already here, then a full app. */
function checkBeforeNetwork(vault: Vault, input: unknown): ValidInput {
  const parsed = ValidProvisionInput.safeParse(input)
  // The parse error is not attached: it would carry the activation password into the log.
  if (!parsed.success) throw new CodedError('A911', 'provisioning input breaks the input rules')
  const tokens = vault.tokens()
  if (tokens.some((t) => t.serviceId === parsed.data.serviceId && t.userId === parsed.data.userId)) {
    throw new CodedError('A916', 'a token of this service ID and user ID is already in the app')
  }
  if (tokens.length >= MAX_TOKENS) throw new CodedError('TOKEN_LIMIT', `the app already holds ${MAX_TOKENS} tokens (OTP-03)`)
  return parsed.data
}

/** Throws CodedError with a service code (S0…) or a transport code (A0…). */
async function requestToken(client: ServiceClient, input: ValidInput, request: ProvisionRequest) {
  try {
    return await client.call(deviceRoutes.provision, { body: request }, 'A0')
  } catch (error) {
    // The service has one code for an unknown service ID; the seed words it S0B1 on the トークン追加 screen.
    if (error instanceof CodedError && error.code === 'S0A1' && input.mode === 'add') throw new CodedError('S0B1', error.message, { cause: error })
    throw error
  }
}

async function deriveSeed(input: ValidInput, device: DeviceKey, ephemeral: Awaited<ReturnType<typeof newEphemeralKey>>, response: ProvisionResponse) {
  const transcript = {
    serviceId: input.serviceId,
    userId: input.userId,
    tokenId: response.tokenId,
    serialNumber: response.serialNumber,
    devicePublicKey: device.publicKey,
    ephemeralPublicKey: ephemeral.publicKey,
    serverEphemeralPublicKey: response.serverEphemeralPublicKey,
    algorithm: response.algorithm,
  }
  try {
    return await deriveTotpSeed(ephemeral.privateKey, response.serverEphemeralPublicKey, transcript)
  } catch (error) {
    // A schema-valid answer whose ephemeral key is not a P-256 point is still a malformed answer.
    throw new CodedError('A009', 'the service ephemeral key is unusable', { cause: error })
  }
}

export async function provisionToken({ vault, client, clock }: ProvisioningDeps, rawInput: unknown): Promise<TokenRecord> {
  const input = checkBeforeNetwork(vault, rawInput)
  const [device, ephemeral] = await Promise.all([generateDeviceKey(), newEphemeralKey()])
  const now = clock.now().toISOString()
  const response = await requestToken(client, input, {
    serviceId: input.serviceId,
    userId: input.userId,
    activationPassword: input.activationPassword,
    deviceTime: now,
    devicePublicKey: device.publicKey,
    ephemeralPublicKey: ephemeral.publicKey,
  })
  const totpSeed = await deriveSeed(input, device, ephemeral, response)
  const { tokenId, serverEphemeralPublicKey: _used, ...fields } = response
  const record: TokenRecord = {
    ...fields,
    id: tokenId,
    serviceId: input.serviceId,
    userId: input.userId,
    ordinal: nextOrdinal(vault.tokens(), input.serviceId),
    suffix: '',
    devicePublicKey: device.publicKey,
    addedAt: now,
  }
  try {
    return await vault.addToken(record, { totpSeed, devicePrivateKey: device.privateKeyPkcs8 })
  } finally {
    totpSeed.fill(0)
    device.privateKeyPkcs8.fill(0)
  }
}
