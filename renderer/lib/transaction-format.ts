// How 取引確認 writes amounts and times: yen with grouped digits, times on the bank's clock (JST) wherever the
// computer is, as internet banking shows them.

const yen = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 0 })
const bankTime = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })

/** 1234567 → "1,234,567" (the unit comes from the message: 円 / ¥). */
export function groupYen(amount: number): string {
  return yen.format(amount)
}

/** An instant as HH:MM in JST. */
export function formatBankTime(iso: string): string {
  return bankTime.format(new Date(iso))
}
