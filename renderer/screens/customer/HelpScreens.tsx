// ヘルプ (OTP-28, seed 000 chapter 4 困ったときは): a menu, よくある質問 (4.1 メモリ不足 and 4.2) and エラー表示一覧 (4.3).
// The content is data (common/help/), in the manual's words with the desktop app's device word.
import { Accordion, Alert, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { describeError } from '@shinkumi/common/errors.ts'
import { ErrorList } from '../../components/ErrorList.tsx'
import { faq, memoryTable } from '@shinkumi/common/help/faq.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import type { MessageKey } from '../../i18n/ja.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { Screen, ScreenOf } from '../../navigation/screens.ts'

const entries: { label: MessageKey; testId: string; target: Screen }[] = [
  { label: 'help.faq', testId: 'help-faq', target: { name: 'helpFaq' } },
  { label: 'help.errors', testId: 'help-errors', target: { name: 'helpErrors' } },
]

export function HelpMenuScreen() {
  const { t } = useI18n()
  const navigator = useNavigator()
  return (
    <Paper component="nav" aria-label={t('title.help')} m="md" withBorder radius="md" style={{ overflow: 'hidden' }}>
      {entries.map(({ label, testId, target }) => (
        <button key={testId} type="button" className="menu-item" onClick={() => navigator.go(target)} data-testid={testId}>
          {t(label)}
          <span className="menu-item-chevron" aria-hidden>
            ›
          </span>
        </button>
      ))}
    </Paper>
  )
}

export function FaqScreen() {
  const { locale, t } = useI18n()
  return (
    <Stack gap="md" p="md" data-testid="faq">
      <Stack gap="xs" component="section" aria-labelledby="help-memory">
        <Title order={2} size="h5" c="navy.9" id="help-memory">
          {t('help.memory')}
        </Title>
        <Table withTableBorder withColumnBorders fz="sm" layout="fixed" data-testid="faq-memory">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('help.memoryMessage')}</Table.Th>
              <Table.Th>{t('help.memoryCheck')}</Table.Th>
              <Table.Th>{t('help.memoryRemedy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <Table.Tr>
              <Table.Td>{describeError('A9EX', locale).message}</Table.Td>
              <Table.Td>{memoryTable.check[locale]}</Table.Td>
              <Table.Td>{memoryTable.remedy[locale]}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="help-faq">
        <Title order={2} size="h5" c="navy.9" id="help-faq">
          {t('help.faqTitle')}
        </Title>
        <Accordion multiple variant="separated" radius="md" chevronPosition="right">
          {faq.map((entry) => (
            <Accordion.Item key={entry.id} value={entry.id} data-testid={`faq-${entry.id}`}>
              <Accordion.Control fz="sm" fw={700} className="pre-line" data-testid="faq-question">
                {entry.question[locale]}
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="xs" data-testid="faq-answer">
                  {entry.answer[locale].map((paragraph) => (
                    <Text key={paragraph} size="sm" className="pre-line">
                      {paragraph}
                    </Text>
                  ))}
                  {entry.desktopNote && (
                    <Alert variant="light" color="blue" title={t('help.desktopNote')} p="xs" data-testid="faq-desktop-note">
                      <Text size="xs">{entry.desktopNote[locale]}</Text>
                    </Alert>
                  )}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      </Stack>
    </Stack>
  )
}

export function ErrorListScreen({ screen }: { screen: ScreenOf<'helpErrors'> }) {
  return <ErrorList initialCode={screen.code} />
}
