// 理由 and 本人確認方法 (STF-04): asked for every action on a customer, and recorded with it in the audit log.
import { Radio, Stack, Textarea, TextInput } from '@mantine/core'
import { IdentityCheck } from '@shinkumi/common/staff-api.ts'
import { useI18n } from '../../i18n/I18nProvider.tsx'

export interface Justification {
  reason: string
  identityCheck: IdentityCheck | ''
  identityNote: string
}

export const emptyJustification: Justification = { reason: '', identityCheck: '', identityNote: '' }

/** Complete: a reason, a method, and what was checked when the method is その他. */
export function isComplete(j: Justification): j is Justification & { identityCheck: IdentityCheck } {
  return j.reason.trim() !== '' && j.identityCheck !== '' && (j.identityCheck !== 'other' || j.identityNote.trim() !== '')
}

export function JustificationFields({ value, onChange }: { value: Justification; onChange: (next: Justification) => void }) {
  const { t } = useI18n()
  return (
    <Stack gap="sm">
      <Textarea
        label={t('staff.action.reason')}
        description={t('staff.action.reasonHint')}
        value={value.reason}
        onChange={(e) => onChange({ ...value, reason: e.currentTarget.value })}
        maxLength={200}
        autosize
        minRows={2}
        withAsterisk
        data-testid="staff-reason"
      />
      <Radio.Group
        label={t('staff.action.identity')}
        value={value.identityCheck}
        onChange={(v) => onChange({ ...value, identityCheck: v as IdentityCheck })}
        withAsterisk
        data-testid="staff-identity"
      >
        <Stack gap={8} mt={6}>
          {IdentityCheck.options.map((option) => (
            <Radio key={option} value={option} label={t(`staff.action.identity.${option}`)} data-testid={`staff-identity-${option}`} />
          ))}
        </Stack>
      </Radio.Group>
      {value.identityCheck === 'other' && (
        <TextInput
          label={t('staff.action.identityNote')}
          value={value.identityNote}
          onChange={(e) => onChange({ ...value, identityNote: e.currentTarget.value })}
          maxLength={100}
          withAsterisk
          data-testid="staff-identity-note"
        />
      )}
    </Stack>
  )
}
