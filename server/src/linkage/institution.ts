// The credit union's contact number (seed 004, 11. お問い合わせ先): the same in every language; its name, department
// and hours are words, in the message tables (messages.ts).
export const institution = {
  contactPhone: '06-6374-3021',
} as const
