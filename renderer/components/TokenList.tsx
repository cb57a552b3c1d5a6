// The tokens as a list to pick from: トークン選択 and トークン削除 (seed 3.2, 3.4) show the same list.
import { Paper, Text } from '@mantine/core'
import type { TokenView } from '@shinkumi/common/bridge.ts'
import { useI18n } from '../i18n/I18nProvider.tsx'

interface Props {
  tokens: TokenView[]
  label: string
  /** The token shown on the ワンタイムパスワード tab, marked as current. */
  currentId?: string | null
  onPick: (token: TokenView) => void
  testId: string
}

export function TokenList({ tokens, label, currentId, onPick, testId }: Props) {
  const { t } = useI18n()
  return (
    <Paper component="nav" aria-label={label} withBorder radius="md" style={{ overflow: 'hidden' }} data-testid={testId}>
      {tokens.map((token) => (
        <button
          key={token.id}
          type="button"
          className="menu-item"
          aria-current={token.id === currentId ? 'true' : undefined}
          onClick={() => onPick(token)}
          data-testid={`${testId}-item`}
        >
          <span style={{ minWidth: 0 }}>
            <Text fw={700} component="span" display="block" style={{ overflowWrap: 'anywhere' }} data-testid={`${testId}-name`}>
              {token.displayName}
            </Text>
            <Text size="xs" c="dimmed" component="span" display="block">
              {t('otp.serial', { serial: token.serialNumber })}
            </Text>
          </span>
          <span className="menu-item-chevron" aria-hidden>
            ›
          </span>
        </button>
      ))}
    </Paper>
  )
}
