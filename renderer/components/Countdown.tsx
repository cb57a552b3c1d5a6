// Seconds until the code changes, as a number and a ring that empties (OTP-02).
import { Group, RingProgress, Stack, Text } from '@mantine/core'
import { useI18n } from '../i18n/I18nProvider.tsx'

/** From here on the ring turns orange: too little time to type the code comfortably. */
const HURRY_SECONDS = 10

export function Countdown({ secondsLeft, period }: { secondsLeft: number; period: number }) {
  const { t } = useI18n()
  const share = Math.min(100, Math.max(0, (secondsLeft / period) * 100))
  return (
    <Group gap="xs" wrap="nowrap" role="timer" aria-label={t('otp.secondsAria', { n: secondsLeft })}>
      <RingProgress
        size={68}
        thickness={6}
        roundCaps
        sections={[{ value: share, color: secondsLeft <= HURRY_SECONDS ? 'orange.6' : 'teal.6' }]}
        label={
          <Text ta="center" fw={700} size="lg" ff="monospace" data-testid="otp-seconds-left" aria-hidden>
            {secondsLeft}
          </Text>
        }
      />
      <Stack gap={0} aria-hidden>
        <Text size="xs" c="dimmed">
          {t('otp.countdownLabel')}
        </Text>
        <Text size="sm" fw={700}>
          {secondsLeft}
          {t('otp.secondsUnit')}
        </Text>
      </Stack>
    </Group>
  )
}
