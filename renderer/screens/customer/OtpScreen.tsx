// ワンタイムパスワード (OTP-02): the code, the countdown to its change, and what identifies the token.
import { Group, Paper, Stack, Text } from '@mantine/core'
import { useEffect } from 'react'
import type { TokenView } from '@shinkumi/common/bridge.ts'
import { CopyCodeButton, CopyNote } from '../../components/CopyCodeButton.tsx'
import { Countdown } from '../../components/Countdown.tsx'
import { OtpCode } from '../../components/OtpCode.tsx'
import { ServiceLogo } from '../../components/ServiceLogo.tsx'
import { useCopyCode } from '../../hooks/useCopyCode.ts'
import { useOtp } from '../../hooks/useOtp.ts'
import { useTokens } from '../../hooks/useTokens.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { formatExpiry } from '../../lib/format.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { ScreenOf } from '../../navigation/screens.ts'
import { Loading } from '../../components/Loading.tsx'

export function OtpScreen({ screen }: { screen: ScreenOf<'otp'> }) {
  const navigator = useNavigator()
  // Back from an error here means starting over: the same token screen would only fail again.
  const fail = (error: Parameters<typeof navigator.fail>[0]) => navigator.fail(error, 'other', { name: 'startup' })
  const [tokens] = useTokens(fail)
  const otp = useOtp(screen.tokenId, fail)
  const [copied, copy] = useCopyCode()
  const token = tokens?.find((candidate) => candidate.id === screen.tokenId)
  const missing = tokens !== null && token === undefined

  useEffect(() => {
    if (missing) navigator.restart()
  }, [missing, navigator])

  if (!token || !otp) {
    return <Loading />
  }

  return (
    <Stack gap="md" p="md">
      <Text ta="center" fw={700} size="lg" c="navy.9" data-testid="otp-token-name" style={{ overflowWrap: 'anywhere' }}>
        {token.displayName}
      </Text>
      <Paper withBorder radius="lg" p="md" pb={6} bg="navy.0" style={{ borderColor: 'var(--mantine-color-navy-2)' }}>
        <OtpCode code={otp.code} />
        <Group justify="space-between" wrap="nowrap" gap="xs" mt="md">
          <Countdown secondsLeft={otp.secondsLeft} period={otp.period} />
          <CopyCodeButton onCopy={() => copy(otp.code)} />
        </Group>
        <CopyNote outcome={copied} />
      </Paper>
      <TokenFacts token={token} />
      <ServiceLogo token={token} />
    </Stack>
  )
}

function TokenFacts({ token }: { token: TokenView }) {
  const { t } = useI18n()
  return (
    <Stack gap={2} align="center">
      <Text size="sm" data-testid="otp-serial">
        {t('otp.serial', { serial: token.serialNumber })}
      </Text>
      <Text size="sm" data-testid="otp-expiry">
        {t('otp.expiry', { date: formatExpiry(token.expiresAt) })}
      </Text>
    </Stack>
  )
}
