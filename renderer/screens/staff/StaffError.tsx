// A staff failure, said in words (and the reference of the log line for A999). Never a raw error.
import { Alert, Text } from '@mantine/core'
import type { StaffAppError } from '@shinkumi/common/staff-bridge.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

export function StaffErrorAlert({ error }: { error: StaffAppError | null }) {
  const { t } = useI18n()
  if (!error) return null
  return (
    <Alert color="red" variant="light" role="alert" data-testid="staff-error" data-code={error.code}>
      <Text size="sm">{t(`staff.error.${error.code}`)}</Text>
      {error.correlationId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('staff.error.reference', { id: error.correlationId })}
        </Text>
      )}
    </Alert>
  )
}
