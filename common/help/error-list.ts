// エラー表示一覧 (OTP-28, seed 000 4.3) as the manual lays it out: its four tables, their rows and 分類, its legend and
// the note under the first table. The texts of each code come from the one error catalog (common/errors.ts), so
// the list and the error screens can never say different things.
import type { ErrorCode, Locale } from '../errors.ts'

export type LocalText = Record<Locale, string>

export interface ErrorListRow {
  /** The codes as the manual's cell writes them ("A001/A002 A006～A010"). */
  label: string
  /** Every code of the row: a search for any of them finds it; the first one's texts are shown. */
  codes: [ErrorCode, ...ErrorCode[]]
  category: LocalText
}

export interface ErrorListGroup {
  id: string
  title: LocalText
  rows: ErrorListRow[]
  /** The manual's note under the table. */
  note?: LocalText
}

const INPUT: LocalText = { ja: '入力誤り', en: 'Input error' }
const UNSTABLE: LocalText = { ja: '通信不安定', en: 'Unstable connection' }
const OTHER: LocalText = { ja: 'その他', en: 'Other' }

const row = (category: LocalText, label: string, ...codes: [ErrorCode, ...ErrorCode[]]): ErrorListRow => ({ label, codes, category })

export const errorListLegend: LocalText = {
  ja: '【凡例】[A／B] はAまたはBが表示されることを意味します。\n例えば、「[A／B] に失敗しました」の記載は、「Aに失敗しました。」または「Bに失敗しました。」が表示されることを意味します。',
  en: '[A/B] means that A or B is shown.\nFor example, "[A/B] failed" means that "A failed." or "B failed." is shown.',
}

export const errorList: ErrorListGroup[] = [
  {
    id: 'provision',
    title: { ja: '初期設定／トークン追加時に発生するエラー', en: 'Errors during initial setup / adding a token' },
    rows: [
      row(INPUT, 'A911', 'A911'),
      row(INPUT, 'A916', 'A916'),
      row(INPUT, 'S0A1/S0B1', 'S0A1', 'S0B1'),
      row(INPUT, 'S0C1', 'S0C1'),
      row(INPUT, 'S0B4', 'S0B4'),
      row(INPUT, 'S0B5', 'S0B5'),
      row(INPUT, 'S0G1', 'S0G1'),
      row(UNSTABLE, 'A000', 'A000'),
      row(UNSTABLE, 'A001/A002 A006～A010', 'A001', 'A002', 'A006', 'A007', 'A008', 'A009', 'A010'),
      row(OTHER, 'S0C4', 'S0C4'),
      row(OTHER, 'S0F1', 'S0F1'),
    ],
    // The manual's スマートフォン is the device the app runs on: パソコン here (issue 11's decision).
    note: {
      ja: '初期設定時にエラーが発生した場合は、ワンタイムパスワードアプリのダウンロードサイトから、お使いのパソコンが本アプリの対応機種であることを確認してください。',
      en: 'If an error occurs during initial setup, check on the download site of the one-time password app that your computer is supported by this app.',
    },
  },
  {
    id: 'renew',
    title: { ja: '有効期限の更新時に発生するエラー', en: 'Errors while renewing the expiry date' },
    rows: [
      row(UNSTABLE, 'A300', 'A300'),
      // The manual's second A300 row: the same code, with the 取引確認 sentence.
      row(UNSTABLE, 'A300', 'A300T'),
      row(UNSTABLE, 'A301/A302/A303 A306～A310', 'A301', 'A302', 'A303', 'A306', 'A307', 'A308', 'A309', 'A310'),
      row(OTHER, 'S3B3', 'S3B3'),
      row(OTHER, 'S3B5', 'S3B5'),
      row(OTHER, 'S3E4', 'S3E4'),
      row(OTHER, 'S3D3', 'S3D3'),
      row(OTHER, 'S3D4', 'S3D4'),
    ],
  },
  {
    id: 'correct',
    title: { ja: 'パスワード補正時に発生するエラー', en: 'Errors during password correction' },
    rows: [row(UNSTABLE, 'A400', 'A400'), row(UNSTABLE, 'A401/A403', 'A401', 'A403'), row(OTHER, 'S4E3', 'S4E3')],
  },
  {
    id: 'other',
    title: { ja: 'その他のエラー', en: 'Other errors' },
    rows: [
      row({ ja: 'アプリロックコード入力', en: 'App lock code' }, 'A914', 'A914'),
      row({ ja: 'メモリ不足', en: 'Out of memory' }, 'A9EX', 'A9EX'),
      row({ ja: '機種変更', en: 'Change of device' }, 'A998', 'A998'),
      row(OTHER, 'A999', 'A999'),
    ],
  },
]

/** Rows whose code starts with the query (any case, spaces ignored), or every row for an empty query. */
export function matchesCode(listRow: ErrorListRow, query: string): boolean {
  const wanted = query.replace(/\s/g, '').toUpperCase()
  return wanted === '' || listRow.label.includes(wanted) || listRow.codes.some((code) => code.startsWith(wanted))
}
