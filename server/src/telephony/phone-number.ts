// Numbers as the provider sends them (E.164 or national) compared as Japanese national numbers, digits only.

/** Withheld caller ID (非通知): empty or 'anonymous' (and the other spellings providers use). */
export function isWithheld(from: string): boolean {
  return ['', 'anonymous', 'withheld', 'private', 'unknown'].includes(from.trim().toLowerCase())
}

export function nationalNumber(raw: string): string {
  const digits = raw.replace(/[^\d+]/g, '')
  if (digits.startsWith('+81')) return `0${digits.slice(3)}`
  return digits.replace(/\+/g, '')
}
