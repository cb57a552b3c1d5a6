// このアプリについて (OTP-16, seed 3.10): the version from package.json, and for testers the service URL and the
// build channel.
import { Paper, Stack, Table, Text } from '@mantine/core'
import { api } from '../../bridge.ts'
import { Loading } from '../../components/Loading.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { useNavigator } from '../../navigation/Navigation.tsx'

export function AboutScreen() {
  const { t } = useI18n()
  const navigator = useNavigator()
  // The entry cannot fail but by the host failing (a rejection, reported as A999).
  const { data: about } = useBridgeCall({
    load: async () => ({ ok: true as const, value: await api['app.about']() }),
    onError: (error) => navigator.fail(error, 'other', { name: 'settings' }),
  })

  if (!about) {
    return <Loading />
  }
  return (
    <Stack gap="md" p="md">
      <Paper withBorder p="lg" radius="md">
        <Stack gap={4} align="center">
          <Text fw={700} size="lg" c="navy.9">
            {t('app.name')}
          </Text>
          <Text size="lg" data-testid="about-version">
            {t('about.version', { version: about.version })}
          </Text>
        </Stack>
      </Paper>
      <Stack gap={4}>
        <Text size="sm" fw={700}>
          {t('about.testers')}
        </Text>
        <Table withTableBorder fz="sm" layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w="38%">{t('about.serviceUrl')}</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }} data-testid="about-service-url">
                {about.serviceUrl}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('about.channel')}</Table.Th>
              <Table.Td data-testid="about-channel">{about.channel}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
    </Stack>
  )
}
