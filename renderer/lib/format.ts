// How the OTP screen writes what the token holds (seed 4.2: "シリアル№: 12345678", "有効期限：2015/12/31").

/** Splits a code for reading: 8 digits as 4-4, 6 as 3-3 (OTP-01); other lengths in fours. */
export function groupDigits(code: string): string[] {
  const size = code.length === 8 || code.length === 6 ? code.length / 2 : 4
  const groups: string[] = []
  for (let i = 0; i < code.length; i += size) groups.push(code.slice(i, i + size))
  return groups
}

const bankDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' })

/** An expiry instant as the bank's calendar date (JST), YYYY/MM/DD — the same wherever the computer is. */
export function formatExpiry(iso: string): string {
  const parts = Object.fromEntries(bankDate.formatToParts(new Date(iso)).map((part) => [part.type, part.value]))
  return `${parts.year}/${parts.month}/${parts.day}`
}
