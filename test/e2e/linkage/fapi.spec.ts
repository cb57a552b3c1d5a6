// LNK-01, LNK-12, SVC-07, OAUTH-01…05: a FAPI 2.0 fintech app written with openid-client (the library a fintech
// developer would pick) against the real service, with the customer's six screens in Chromium: discovery → PAR with
// private_key_jwt → SOA201…SOA206 → the code for DPoP-bound tokens → /v1/accounts with a proof → the same token
// without one refused → refresh → revoke.
import * as oidc from 'openid-client'
import { importJWK, type CryptoKey } from 'jose'
import { DEMO_FAPI_CLIENT as FAPI } from '../../../server/src/linkage/demo.ts'
import { test, expect, WEEKDAY_AFTERNOON } from '../fixtures.ts'
import { TARO, catchRedirect, fillAccount, fillCustomer, screenId } from './helpers.ts'

// The whole customer journey plus the app's token, resource, refresh and revocation calls: more than one page's worth.
test.describe.configure({ timeout: 120_000 })

test('LNK-01 LNK-12 SVC-07 OAUTH-01…05 a FAPI 2.0 app (openid-client): discovery, PAR + private_key_jwt, the six pages, DPoP tokens, refresh, revoke', async ({
  page,
  linkage,
  snap,
}) => {
  // The service runs on a manual clock: keep it moving with real time, and tell the client how far apart they are.
  const realStart = Date.now()
  const serviceStart = Date.parse(WEEKDAY_AFTERNOON)
  const syncClock = () => linkage.setClock(new Date(serviceStart + Date.now() - realStart).toISOString())
  const key = (await importJWK(FAPI.privateJwk, 'ES256')) as CryptoKey

  await syncClock()
  const config = await oidc.discovery(
    new URL(linkage.url),
    FAPI.clientId,
    { [oidc.clockSkew]: Math.round((serviceStart - realStart) / 1000) },
    oidc.PrivateKeyJwt({ key, kid: FAPI.privateJwk.kid }),
    { algorithm: 'oauth2', execute: [oidc.allowInsecureRequests] },
  )
  expect(config.serverMetadata().authorization_response_iss_parameter_supported).toBe(true)
  const DPoP = oidc.getDPoPHandle(config, await oidc.randomDPoPKeyPair('ES256'))
  const verifier = oidc.randomPKCECodeVerifier()
  const state = oidc.randomState()
  const authorizeUrl = await oidc.buildAuthorizationUrlWithPAR(config, {
    redirect_uri: FAPI.redirectUri,
    scope: FAPI.scope,
    state,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  })
  expect([...authorizeUrl.searchParams.keys()].sort()).toEqual(['client_id', 'request_uri'])

  // The customer, in the browser.
  const redirected = await catchRedirect(page)
  await page.goto(authorizeUrl.href)
  await expect(screenId(page)).toHaveText('画面ID : SOA201')
  await fillAccount(page, TARO)
  await snap('fapi-01-SOA201-account')
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(screenId(page)).toHaveText('画面ID : SOA202')
  await fillCustomer(page, TARO)
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(screenId(page)).toHaveText('画面ID : SOA208')
  await page.getByRole('button', { name: '電話番号の決定' }).click()
  await expect(screenId(page)).toHaveText('画面ID : SOA209')
  const to = (await page.getByTestId('call-to').textContent())!.trim()
  expect((await linkage.call(TARO.phone, to)).body.status).toBe('verified')
  await page.getByRole('button', { name: '確定する' }).click()
  await expect(screenId(page)).toHaveText('画面ID : SOA211')
  await page.getByLabel('キャッシュカードの暗証番号').fill(TARO.pin)
  await page.getByRole('button', { name: '次へ' }).click()
  await expect(screenId(page)).toHaveText('画面ID : SOA206')
  await expect(page.getByText('しんくみ家計簿株式会社が以下の許可を求めています。')).toBeVisible()
  await page.getByLabel('当信用組合のAPI利用規定を確認し、同意します。').check()
  await snap('fapi-06-SOA206-consent')
  await page.getByRole('button', { name: '許可する' }).click()
  await expect.poll(() => redirected()?.searchParams.get('code') ?? null).not.toBeNull()
  const back = redirected()!
  expect(back.searchParams.get('iss')).toBe(linkage.url)

  // The app: the code for DPoP-bound tokens (openid-client checks iss and state, and answers the nonce challenge).
  await syncClock()
  const tokens = await oidc.authorizationCodeGrant(config, back, { pkceCodeVerifier: verifier, expectedState: state }, undefined, { DPoP })
  expect(tokens.token_type).toBe('dpop')
  const accountsUrl = new URL('/v1/accounts', linkage.url)
  const withProof = await oidc.fetchProtectedResource(config, tokens.access_token, accountsUrl, 'GET', null, undefined, { DPoP })
  expect(withProof.status).toBe(200)
  expect(await withProof.json()).toEqual({ accounts: [expect.objectContaining({ branch: '115', accountNumber: '1100026', balance: 1_234_567 })] })

  // The same token without a proof — stolen, say — is refused, under either scheme.
  for (const scheme of ['DPoP', 'Bearer']) {
    const stolen = await fetch(accountsUrl, { headers: { authorization: `${scheme} ${tokens.access_token}` } })
    expect(stolen.status).toBe(401)
    expect(stolen.headers.get('www-authenticate')).toMatch(/^DPoP /)
  }

  // Refresh: the bound refresh token stays (FAPI 2.0: no rotation), a new bound access token works.
  await syncClock()
  const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!, undefined, { DPoP })
  expect(refreshed.refresh_token).toBeUndefined()
  const again = await oidc.fetchProtectedResource(config, refreshed.access_token, accountsUrl, 'GET', null, undefined, { DPoP })
  expect(again.status).toBe(200)

  // Revoke (RFC 7009): the refresh token takes the grant with it.
  await oidc.tokenRevocation(config, tokens.refresh_token!)
  await expect(oidc.fetchProtectedResource(config, refreshed.access_token, accountsUrl, 'GET', null, undefined, { DPoP })).rejects.toThrow()
  await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!, undefined, { DPoP })).rejects.toThrow()
})
