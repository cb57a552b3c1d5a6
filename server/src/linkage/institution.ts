// The credit union the pages speak for (seed 004: ミレ信用組合, 11. お問い合わせ先).
export const institution = {
  name: 'ミレ信用組合',
  contactDepartment: '業務部',
  contactPhone: '06-6374-3021',
  contactHours: '平日の9時～17時',
} as const
