// A staff failure, said in words (and the reference of the log line for A999). Never a raw error.
import { Alert, Text } from '@mantine/core'
import { isStaffScreenCode, type AppError } from '@shinkumi/common/result.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

export function StaffErrorAlert({ error }: { error: AppError | null }) {
  const { t } = useI18n()
  if (!error) return null
  return (
    <Alert color="red" variant="light" role="alert" data-testid="staff-error" data-code={error.code}>
      <Text size="sm">{t(`staff.error.${isStaffScreenCode(error.code) ? error.code : 'A999'}`)}</Text>
      {error.correlationId && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('staff.error.reference', { id: error.correlationId })}
        </Text>
      )}
    </Alert>
  )
}
