// The error screen (OTP-27, DESIGN.md §3): the code, the seed's message and its 対処方法, the help desk, one
// button back, and the way to エラー表示一覧 at this code (OTP-28). Message texts carry the seed's line breaks.
import { Button, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core'
import type { AppError } from '@shinkumi/common/bridge.ts'
import { describeError, displayCode, helpDesk, type ErrorContext } from '@shinkumi/common/errors.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'
import type { MessageKey } from '../i18n/ja.ts'

interface Props {
  error: AppError
  context: ErrorContext
  onBack: () => void
  /** Opens エラー表示一覧 at this error's code. */
  onHelp: () => void
  backLabel?: MessageKey
  backTestId?: string
}

export function ErrorScreen({ error, context, onBack, onHelp, backLabel = 'error.back', backTestId = 'error-back' }: Props) {
  const { locale, t } = useI18n()
  const { message, remedy } = describeError(error.code, locale, context)
  const code = displayCode(error.code)
  return (
    <Stack gap="md" p="md" data-testid="error-screen">
      <Paper withBorder p="md" radius="md" style={{ borderLeft: '4px solid var(--mantine-color-red-7)' }} role="alert">
        <Stack gap="sm">
          {code && (
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {t('error.code')}
              </Text>
              <Text ff="monospace" fw={700} c="red.8" data-testid="error-code">
                {code}
              </Text>
            </Group>
          )}
          <Text fw={700} className="pre-line" data-testid="error-message">
            {message}
          </Text>
        </Stack>
      </Paper>
      <Stack gap={4}>
        <Title order={2} size="h5" c="navy.9">
          {t('error.remedy')}
        </Title>
        <Text size="sm" className="pre-line" data-testid="error-remedy">
          {remedy}
        </Text>
      </Stack>
      {error.correlationId && (
        <Stack gap={2}>
          <Group gap="xs">
            <Text size="sm" c="dimmed">
              {t('error.correlation')}
            </Text>
            <Text size="sm" ff="monospace" fw={700} data-testid="error-correlation-id" style={{ overflowWrap: 'anywhere' }}>
              {error.correlationId}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t('error.correlationHint')}
          </Text>
        </Stack>
      )}
      <Button fullWidth onClick={onBack} data-testid={backTestId}>
        {t(backLabel)}
      </Button>
      <Button fullWidth variant="outline" onClick={onHelp} data-testid="error-help">
        {t('error.help')}
      </Button>
      <Divider />
      <Text size="xs" c="dimmed" className="pre-line" data-testid="error-helpdesk">
        {helpDesk[locale]}
      </Text>
    </Stack>
  )
}
