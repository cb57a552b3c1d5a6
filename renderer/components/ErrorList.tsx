// エラー表示一覧 (OTP-28, seed 000 4.3): the manual's tables, searchable by code. Opened from an error screen it starts
// with that code searched for, so the customer sees that one row; [すべて表示] clears the search.
import { Badge, Button, Divider, Paper, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { useId, useState } from 'react'
import { describeErrorForList, helpDesk } from '@shinkumi/common/errors.ts'
import { errorList, errorListLegend, matchesCode } from '@shinkumi/common/help/error-list.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'

export function ErrorList({ initialCode = '' }: { initialCode?: string }) {
  const { locale, t } = useI18n()
  const [query, setQuery] = useState(initialCode)
  const headingId = useId()
  const groups = errorList.map((group) => ({ ...group, rows: group.rows.filter((row) => matchesCode(row, query)) })).filter((group) => group.rows.length > 0)

  return (
    <Stack gap="md" p="md" data-testid="error-list">
      <TextInput
        type="search"
        label={t('help.search')}
        description={t('help.searchHint')}
        value={query}
        onChange={(event) => setQuery(event.currentTarget.value)}
        autoComplete="off"
        data-testid="error-list-search"
      />
      <Text size="xs" c="dimmed" className="pre-line">
        {errorListLegend[locale]}
      </Text>
      <Text size="sm" role="status" aria-live="polite" data-testid="error-list-status">
        {groups.length === 0 ? t('help.noMatch') : ''}
      </Text>
      {query !== '' && (
        <Button variant="outline" size="sm" onClick={() => setQuery('')} data-testid="error-list-all">
          {t('help.showAll')}
        </Button>
      )}
      {groups.map((group) => (
        <Stack key={group.id} gap="sm" component="section" aria-labelledby={`${headingId}-${group.id}`}>
          <Title order={2} size="h5" c="navy.9" id={`${headingId}-${group.id}`}>
            {group.title[locale]}
          </Title>
          {group.rows.map((row) => {
            const { message, remedy } = describeErrorForList(row.codes[0], locale)
            return (
              <Paper key={row.codes[0]} withBorder p="sm" radius="md" data-testid={`error-list-row-${row.codes[0]}`}>
                <Stack gap={6}>
                  <Text fw={700} ff="monospace" c="red.9" component="h3" m={0} size="md" data-testid="error-list-code">
                    {row.label}
                    <Badge ml="xs" variant="light" color="gray" c="dark.6" radius="sm" ff="body">
                      <VisuallyHidden>{t('help.category')}: </VisuallyHidden>
                      {row.category[locale]}
                    </Badge>
                  </Text>
                  <Text size="xs" fw={700} c="dark.6">
                    {t('help.message')}
                  </Text>
                  <Text size="sm" className="pre-line" data-testid="error-list-message">
                    {message}
                  </Text>
                  <Text size="xs" fw={700} c="dark.6">
                    {t('help.remedy')}
                  </Text>
                  <Text size="sm" className="pre-line" data-testid="error-list-remedy">
                    {remedy}
                  </Text>
                </Stack>
              </Paper>
            )
          })}
          {group.note && (
            <Text size="sm" data-testid={`error-list-note-${group.id}`}>
              {group.note[locale]}
            </Text>
          )}
        </Stack>
      ))}
      <Divider />
      <Text size="xs" c="dimmed" className="pre-line">
        {helpDesk[locale]}
      </Text>
    </Stack>
  )
}
