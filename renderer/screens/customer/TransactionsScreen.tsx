// 取引確認 (OTP-25). The seed documents no screen for it, only that it exists for some services and that renewal
// waits for it (S3D3, S3D4); this screen follows the seed's voice and button style ([承認] / [否認], like [確認] and
// [削除]). Its first use completes 取引認証開始. Each pending transaction shows what internet banking asked the
// customer to confirm — payee bank, branch, account, name and the amount in yen — and the answer is bound to exactly
// that content by the main process.
import { Alert, Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import type { DecisionInput, TransactionList } from '@shinkumi/common/bridge.ts'
import { api } from '../../bridge.ts'
import { BusyOverlay } from '../../components/BusyOverlay.tsx'
import { Loading } from '../../components/Loading.tsx'
import { useBridgeCall } from '../../hooks/useBridgeCall.ts'
import { useTabFacts } from '../../hooks/useTabFacts.tsx'
import { useI18n } from '../../i18n/I18nProvider.tsx'
import { formatBankTime, groupYen } from '../../lib/transaction-format.ts'
import { useNavigator } from '../../navigation/Navigation.tsx'
import type { Screen } from '../../navigation/screens.ts'

type Pending = TransactionList['transactions'][number]
type Outcome = 'approved' | 'rejected'

export function TransactionsScreen() {
  const { t } = useI18n()
  const navigator = useNavigator()
  const tabFacts = useTabFacts()
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const away: Screen = navigator.state.tokenId ? { name: 'otp', tokenId: navigator.state.tokenId } : { name: 'startup' }
  const list = useBridgeCall({
    load: () => api['transactions.list'](),
    // The tab reads 「取引認証開始」 until now.
    onLoad: (loaded) => {
      if (loaded.enrolled.length > 0) tabFacts.refetch()
    },
    onError: (error) => navigator.fail(error, 'other', away),
  })
  const decision = useBridgeCall({ onError: (error) => navigator.fail(error, 'other', { name: 'transactions' }) })

  const decide = (transaction: Pending, choice: DecisionInput['decision']) => {
    const input = { tokenId: transaction.tokenId, transactionId: transaction.id, decision: choice, details: transaction.details }
    return decision.run(
      () => api['transactions.decide'](input),
      async ({ status }) => {
        if (status !== 'approved' && status !== 'rejected') return navigator.fail({ code: 'TX_CLOSED' }, 'other', { name: 'transactions' })
        setOutcome(status)
        await list.refetch()
      },
    )
  }

  if (!list.data) return <Loading label="common.communicating" testId="tx-loading" />
  const { enrolled, transactions } = list.data
  const deciding = decision.busy

  return (
    <Stack gap="md" p="md" data-testid="transactions">
      {enrolled.length > 0 && (
        <Alert color="teal" variant="light" role="status" data-testid="tx-enrolled">
          {t('tx.enrolled')}
        </Alert>
      )}
      {outcome && (
        <Alert color={outcome === 'approved' ? 'teal' : 'gray'} variant="light" role="status" data-testid="tx-outcome">
          {t(outcome === 'approved' ? 'tx.approved' : 'tx.rejected')}
        </Alert>
      )}
      {transactions.length === 0 ? (
        <Text ta="center" c="dimmed" py="lg" data-testid="tx-none">
          {t('tx.none')}
        </Text>
      ) : (
        <>
          <Text size="sm">{t('tx.lead')}</Text>
          <Text size="sm" fw={700} c="red.8">
            {t('tx.warning')}
          </Text>
          {transactions.map((transaction) => (
            <TransactionCard key={transaction.id} transaction={transaction} disabled={deciding} onDecide={(choice) => void decide(transaction, choice)} />
          ))}
        </>
      )}
      <Button variant="subtle" onClick={() => void list.refetch()} disabled={deciding} data-testid="tx-refresh">
        {t('tx.refresh')}
      </Button>
      {deciding && <BusyOverlay label={t('common.communicating')} />}
    </Stack>
  )
}

interface CardProps {
  transaction: Pending
  disabled: boolean
  onDecide: (decision: DecisionInput['decision']) => void
}

function TransactionCard({ transaction, disabled, onDecide }: CardProps) {
  const { t } = useI18n()
  const { details } = transaction
  const rows: [string, string, string][] = [
    ['tx-payee-bank', t('tx.payeeBank'), details.payeeBank],
    ['tx-payee-branch', t('tx.payeeBranch'), details.payeeBranch],
    ['tx-payee-account', t('tx.payeeAccount'), details.payeeAccount],
    ['tx-payee-name', t('tx.payeeName'), details.payeeName],
  ]
  return (
    <Paper withBorder radius="md" p="md" data-testid="tx-card">
      <Stack gap="sm">
        <Group justify="space-between" gap="xs">
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {t('tx.token', { name: transaction.tokenName })}
          </Text>
          <Text size="xs" c="dimmed" data-testid="tx-expires">
            {t('tx.expires', { time: formatBankTime(transaction.expiresAt) })}
          </Text>
        </Group>
        <Table withRowBorders={false} verticalSpacing={4} horizontalSpacing={0} layout="fixed">
          <Table.Tbody>
            {rows.map(([testId, label, value]) => (
              <Table.Tr key={testId}>
                <Table.Th w="40%" fz="sm" c="dimmed" fw={400}>
                  {label}
                </Table.Th>
                <Table.Td fz="sm" fw={700} data-testid={testId} style={{ overflowWrap: 'anywhere' }}>
                  {value}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th fz="sm" c="dimmed" fw={400}>
                {t('tx.amount')}
              </Table.Th>
              <Table.Td fz="xl" fw={700} c="navy.9" data-testid="tx-amount">
                {t('tx.amountValue', { amount: groupYen(details.amount) })}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Group grow>
          <Button color="red" variant="outline" disabled={disabled} onClick={() => onDecide('reject')} data-testid="tx-reject">
            {t('tx.reject')}
          </Button>
          <Button disabled={disabled} onClick={() => onDecide('approve')} data-testid="tx-approve">
            {t('tx.approve')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  )
}
