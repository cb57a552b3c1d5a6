// The way out of A998 (OTP-26) under its error screen: when the tokens stored on this computer cannot be read
// here (copied from another PC, key store changed), the customer — after the re-issue the seed's remedy asks for —
// can start 初期設定 again. The unreadable data is moved aside by the main process, never deleted.
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { api } from '../../bridge.ts'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'

export function VaultResetPanel() {
  const { t } = useI18n()
  const navigator = useNavigator()
  const [asking, setAsking] = useState(false)
  // A998 also means "the service no longer knows this device"; only a vault that does not open here is offered.
  const { data: unreadable } = useBridgeCall({
    load: async () => {
      const status = await api['app.status']()
      return { ok: true as const, value: !status.ok && status.error.code === 'A998' }
    },
  })
  const { run } = useBridgeCall({ onError: (error) => navigator.fail(error, 'other', { name: 'startup' }) })

  const reset = () => {
    setAsking(false)
    void run(
      () => api['vault.reset'](),
      () => navigator.restart(),
    )
  }

  if (!unreadable) return null
  return (
    <Stack gap="sm" px="md" pb="md">
      <Alert color="gray" variant="light" title={t('reset.title')}>
        <Text size="sm">{t('reset.lead')}</Text>
      </Alert>
      <Button variant="outline" color="red" fullWidth onClick={() => setAsking(true)} data-testid="vault-reset">
        {t('reset.button')}
      </Button>
      <Modal opened={asking} onClose={() => setAsking(false)} title={t('common.caution')} centered withCloseButton={false}>
        <Stack gap="md">
          <Text size="sm">{t('reset.confirm')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)} data-testid="vault-reset-cancel">
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={reset} data-testid="vault-reset-ok">
              OK
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
