// お名前 is held in half-width katakana (LNK-03); customers type full-width katakana or hiragana as often as
// half-width, so input is converted before it is compared.

const HALF_WIDTH_KANA = Array.from({ length: 0xff9d - 0xff65 + 1 }, (_, i) => String.fromCharCode(0xff65 + i))

const toHalf = new Map<string, string>()
for (const h of HALF_WIDTH_KANA) {
  toHalf.set(h.normalize('NFKC'), h)
  for (const mark of ['ﾞ', 'ﾟ']) {
    const composed = (h + mark).normalize('NFKC')
    if (composed.length === 1) toHalf.set(composed, h + mark)
  }
}
for (const [full, half] of [
  ['ヰ', 'ｲ'],
  ['ヱ', 'ｴ'],
  ['ヮ', 'ﾜ'],
  ['ヵ', 'ｶ'],
  ['ヶ', 'ｹ'],
  ['　', ' '],
] as const)
  toHalf.set(full, half)

const hiraganaToKatakana = (text: string) => text.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60))

/** Half-width katakana of any kana input, words separated by one space; null when something else is left. */
export function toHalfWidthKatakana(input: string): string | null {
  const full = hiraganaToKatakana(input.normalize('NFKC')).trim().replace(/\s+/g, ' ')
  const half = [...full].map((c) => toHalf.get(c) ?? c).join('')
  return /^[\uff65-\uff9f ]+$/.test(half) ? half : null
}

/** Two names are the same person's when they match ignoring spaces (ﾃﾞｰﾀ ﾀﾛｳ = ﾃﾞｰﾀﾀﾛｳ). */
export function sameKanaName(a: string, b: string): boolean {
  return a.replace(/ /g, '') === b.replace(/ /g, '')
}

/** Half-width digits of input that may use full-width digits, spaces or hyphens (電話番号, 口座番号). */
export function digitsOf(input: string): string {
  return input.normalize('NFKC').replace(/[\s\-‐－ー]/g, '')
}
