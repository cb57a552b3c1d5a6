// The way into スタッフモード from the start screen (STF-01): small and plain, since customers do not need it.
import { Button, Center } from '@mantine/core'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'

export function StaffModeEntry() {
  const { t } = useI18n()
  const navigator = useNavigator()
  return (
    <Center>
      <Button variant="subtle" size="sm" color="gray" onClick={() => navigator.go({ name: 'staffSignIn' })} data-testid="staff-mode-entry">
        {t('staff.entry')}
      </Button>
    </Center>
  )
}
