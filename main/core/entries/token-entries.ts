// Token entries: the list, 初期設定 / トークン追加 (OTP-10…13), 追加文言 (OTP-15), トークン削除 (OTP-14), the current
// code (OTP-02) and the service's link (OTP-02).
import type { TokenView } from '@shinkumi/common/bridge.ts'
import { SetSuffixInput, ValidSuffix } from '@shinkumi/common/bridge.ts'
import { CodedError } from '../coded-error.ts'
import { toTokenView } from '../naming.ts'
import { currentOtp } from '../otp.ts'
import { provisionToken } from '../provisioning.ts'
import { SerialQueue } from '../serial-queue.ts'
import type { TokenRecord, Vault } from '../vault.ts'
import type { AppDeps, CoreContext, Entries } from './context.ts'

type TokenChannel = 'tokens.list' | 'tokens.provision' | 'tokens.setSuffix' | 'tokens.delete' | 'otp.current' | 'links.open'

export function tokenEntries({ deps, client, vault, guard }: CoreContext): Entries<TokenChannel> {
  const provisioning = new SerialQueue()
  return {
    'tokens.list': () => guard('tokens.list', async () => (await vault()).tokens().map(toTokenView)),
    'tokens.provision': (input) =>
      guard('tokens.provision', () => provisioning.run(async (): Promise<TokenView> => toTokenView(await provisionToken({ vault: await vault(), client, clock: deps.clock }, input)))),
    'tokens.setSuffix': (input) => guard('tokens.setSuffix', async () => toTokenView(await setSuffix(await vault(), input))),
    // OTP-14: local only; the service still counts the user as activated (S0B4 on a new setup until staff reissue).
    'tokens.delete': (tokenId) =>
      guard('tokens.delete', async () => {
        const open = await vault()
        await open.removeToken(knownToken(open, tokenId).id)
        return { remaining: open.tokens().length }
      }),
    'otp.current': (tokenId) =>
      guard('otp.current', async () => {
        const open = await vault()
        const token = knownToken(open, tokenId)
        const seed = await open.readSecret(token.id, 'totpSeed')
        try {
          return currentOtp(seed, token, deps.clock.now().getTime())
        } finally {
          seed.fill(0)
        }
      }),
    'links.open': async (tokenId) => {
      await guard('links.open', async () => openLink(knownToken(await vault(), tokenId).linkUrl, deps))
    },
  }
}

export function knownToken(vault: Vault, tokenId: unknown): TokenRecord {
  const token = typeof tokenId === 'string' ? vault.token(tokenId) : undefined
  if (!token) throw new Error(`no token ${String(tokenId)} in the vault`)
  return token
}

async function setSuffix(vault: Vault, input: unknown) {
  const parsed = SetSuffixInput.safeParse(input)
  if (!parsed.success || !ValidSuffix.safeParse(parsed.data.suffix).success) throw new CodedError('A911', '追加文言 breaks the input rules')
  return vault.setSuffix(knownToken(vault, parsed.data.tokenId).id, parsed.data.suffix)
}

/** OTP-02: only https links go to the system browser; anything else (a service's typo, javascript:, file:) is dropped. */
async function openLink(linkUrl: string | null, { opener, logger }: AppDeps): Promise<void> {
  if (linkUrl !== null && URL.canParse(linkUrl) && new URL(linkUrl).protocol === 'https:') return opener.openExternal(linkUrl)
  logger.info('link not opened: not an https URL', { linkUrl })
}
