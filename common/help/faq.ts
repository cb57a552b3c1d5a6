// よくある質問 (OTP-28): the manual's 4.1 メモリ不足 table and every Q&A of 4.2 (seed 000), in its words. Two kinds of
// change, both tested against the manual's text (test/unit/help-manual.test.ts):
// - the desktop app names the device it runs on: パソコン where the manual says スマートフォン (issue 11's decision);
// - where an answer only makes sense on a phone (携帯電話会社, キャリア, AppStore / Google Play, SD card of a phone),
//   the desktop equivalent replaces it and `desktopNote` says so on the screen.
// The printed manual's page references (➡ P.24-28) are left out: the app has no pages.
import type { Locale } from '../errors.ts'
import type { LocalText } from './error-list.ts'

export interface FaqEntry {
  id: string
  question: LocalText
  /** The answer's paragraphs ("・" items and "⇒" steps stay as the manual writes them). */
  answer: Record<Locale, string[]>
  /** Present when the answer is the desktop equivalent of a phone-only one: what was replaced, said to the reader. */
  desktopNote?: LocalText
}

/** The manual's 4.1 メモリ不足 table: its message column is the A9EX message. */
export const memoryTable = {
  title: { ja: 'メモリ不足について', en: 'Out of memory' },
  check: { ja: '他のアプリを起動していませんか。', en: 'Are other apps running?' },
  remedy: { ja: '他のアプリを終了させてから再度、本アプリを起動させてください。', en: 'Close the other apps, then start this app again.' },
} as const satisfies Record<string, LocalText>

const CONTACT_JA = '当組合マニュアルをご参照いただくか、お客様センターへお問い合わせください。'
const CONTACT_EN_INLINE = 'please refer to our manual or contact the customer center.'
const CONTACT_EN = 'Please refer to our manual or contact the customer center.'
const REISSUE_JA = `ワンタイムパスワードアプリの再発行手続きが必要です。${CONTACT_JA}`
const REISSUE_EN = `The one-time password app must be re-issued. ${CONTACT_EN}`

export const faq: FaqEntry[] = [
  {
    id: 'register-new',
    question: { ja: '新規トークンの登録ができない。', en: 'I cannot register a new token.' },
    answer: {
      ja: ['トークンの登録件数は10件までです。', '登録されているトークンの件数を確認してください。', 'トークンを削除してから、新規トークンの追加登録を行ってください。'],
      en: ['Up to 10 tokens can be registered.', 'Check how many tokens are registered.', 'Delete a token, then add the new one.'],
    },
  },
  {
    id: 'serial',
    question: { ja: 'シリアル番号を知りたい。', en: 'I want to know the serial number.' },
    answer: {
      ja: ['ワンタイムパスワード画面で確認ができます。', '(表示例: シリアル№: 12345678)'],
      en: ['It is shown on the one-time password screen.', '(Example: Serial No.: 12345678)'],
    },
  },
  {
    id: 'eleven',
    question: { ja: '11個以上のトークンを登録したい。', en: 'I want to register 11 or more tokens.' },
    answer: {
      ja: ['ご利用いただけるトークンは10個までです。', '不要なトークンを削除してからトークンの追加を行ってください。'],
      en: ['Up to 10 tokens can be used.', 'Delete a token you no longer need, then add the new one.'],
    },
  },
  {
    id: 'otp-error',
    question: { ja: '表示されたワンタイムパスワードを使用するとエラーになる。', en: 'The one-time password shown is refused.' },
    answer: {
      ja: [
        '・パソコンの日時が正確ではない可能性があります。\n⇒日時を正確に設定してください。',
        '・それでもエラーになる場合は、パソコンの時計とサーバーの時計がずれている可能性があります。\n⇒パスワード補正機能を使用して下さい。',
        'パスワード補正機能を実行後は、2～3分待ってから認証を行ってください。',
        `上記確認をしてもエラーになる場合は、トークンを一旦削除の上、再発行手続きが必要となります。${CONTACT_JA}`,
      ],
      en: [
        '・The date and time of your computer may be wrong.\n⇒Set them correctly.',
        '・If it is still refused, the clock of your computer and the server’s clock may differ.\n⇒Use password correction.',
        'After running password correction, wait 2–3 minutes before authenticating.',
        `If it is still refused after these checks, the token must be deleted and re-issued. ${CONTACT_EN}`,
      ],
    },
  },
  {
    id: 'abroad',
    question: { ja: '海外で使用したい。', en: 'I want to use it abroad.' },
    answer: {
      ja: ['パソコンの日時は、タイムゾーンが日本の場合は、日本時刻にあわせてご利用ください。現地のタイムゾーンに変更した場合は、現地時刻にあわせてご利用ください。'],
      en: ['If the time zone of your computer is Japan, set it to Japanese time. If you change to the local time zone, set it to the local time.'],
    },
  },
  {
    id: 'new-device',
    question: { ja: '機種変更をするときは。', en: 'I am changing to a new computer.' },
    answer: {
      ja: [`ワンタイムパスワードアプリの再発行手続きが必要です。機種変更を行う前に、${CONTACT_JA}`],
      en: [`The one-time password app must be re-issued. Before you change, ${CONTACT_EN_INLINE}`],
    },
  },
  {
    id: 'lost',
    question: {
      ja: 'パソコンをなくしてしまった。\nまたは\nパソコンを盗まれてしまった。',
      en: 'I lost my computer,\nor\nmy computer was stolen.',
    },
    answer: {
      ja: ['至急、お客様センターへご連絡ください。', `引き続き、本サービスをご利用される場合は、${REISSUE_JA}`],
      en: ['Contact the customer center at once.', `To keep using this service, the one-time password app must be re-issued. ${CONTACT_EN}`],
    },
    desktopNote: {
      ja: 'パソコン版のため、マニュアルの「お使いの携帯電話会社へご連絡ください」を、お客様センターへのご連絡に置き換えています。お客様センターで、なくしたパソコンのトークンを利用できないようにします。',
      en: 'This is the computer version: the manual’s "contact your mobile carrier" is replaced by contacting the customer center, which can stop the token of the lost computer.',
    },
  },
  {
    id: 'deleted',
    question: { ja: '誤ってトークンを削除してしまった。', en: 'I deleted a token by mistake.' },
    answer: {
      ja: ['・初期設定が完了していないとき\n⇒トークン発行申請を行い、トークンを再度ダウンロードして、初期設定を行ってください。', `・初期設定が完了しているとき\n⇒${REISSUE_JA}`],
      en: ['・If the initial setup was not complete\n⇒Apply for a token again, download it again and run the initial setup.', `・If the initial setup was complete\n⇒${REISSUE_EN}`],
    },
  },
  {
    id: 'leave',
    question: { ja: 'ワンタイムパスワード認証サービスを退会したい。', en: 'I want to cancel the one-time password service.' },
    answer: { ja: [CONTACT_JA], en: [CONTACT_EN] },
  },
  {
    id: 'lock-forgotten',
    question: { ja: 'アプリロックコードを忘れてしまった。', en: 'I forgot the app lock code.' },
    answer: { ja: ['アプリロックコードの再発行は出来ません。', CONTACT_JA], en: ['An app lock code cannot be re-issued.', CONTACT_EN] },
  },
  {
    id: 'expiry',
    question: { ja: '有効期限を知りたい。', en: 'I want to know the expiry date.' },
    answer: {
      ja: ['ワンタイムパスワード画面で確認ができます。', '(表示例：有効期限：2015/12/31)'],
      en: ['It is shown on the one-time password screen.', '(Example: Expires: 2015/12/31)'],
    },
  },
  {
    id: 'expired',
    question: { ja: '有効期限が切れてしまった。', en: 'The token has expired.' },
    answer: { ja: [`更新手続きが必要です。詳しくは、${CONTACT_JA}`], en: [`A renewal procedure is needed. For details, ${CONTACT_EN_INLINE}`] },
  },
  {
    id: 'correction',
    question: { ja: 'パスワード補正とは。', en: 'What is password correction?' },
    answer: {
      ja: [
        '正しいパスワードを生成するために、お使いのパソコンとサーバーの時刻のずれを、サーバー側で管理、補正する機能です。',
        'ただし、時刻のずれが大きすぎる場合は、補正ができないことがあります。',
        '本アプリをご利用になる前に、お使いのパソコンの日時を正しく設定してください。',
      ],
      en: [
        'To generate correct passwords, the server keeps and corrects the difference between the time of your computer and the server’s time.',
        'If the difference is too large, it may not be corrected.',
        'Before using this app, set the date and time of your computer correctly.',
      ],
    },
  },
  {
    id: 'correction-error',
    question: { ja: 'パスワード補正でエラーになる。', en: 'Password correction fails.' },
    answer: {
      ja: [
        '・パソコンの日時が正確でない可能性があります。\n⇒日時を正確に設定してください。',
        `正しく設定してもエラーになる場合は、トークンを一旦削除の上、再発行手続きが必要となります。${CONTACT_JA}`,
      ],
      en: [
        '・The date and time of your computer may be wrong.\n⇒Set them correctly.',
        `If it still fails after setting them correctly, the token must be deleted and re-issued. ${CONTACT_EN}`,
      ],
    },
  },
  {
    id: 'external-memory',
    question: { ja: 'SDカード等の外部メモリーに保存したい。', en: 'I want to keep it on external memory such as an SD card.' },
    answer: {
      ja: [
        '本アプリを外部メモリー（SDカード、USBメモリー等）へ保存した場合の動作保証はされていないので、ワンタイムパスワードの外部メモリーへの保存は行わないでください。',
        '本アプリのトークンは、登録したパソコンでのみ読み込めます。',
      ],
      en: [
        'This app is not guaranteed to work from external memory (SD card, USB memory and so on), so do not keep the one-time password on external memory.',
        'The app’s tokens can be read only on the computer they were registered on.',
      ],
    },
    desktopNote: {
      ja: 'パソコン版のため、マニュアルの「一部のキャリア、端末において」の記載を、パソコンの外部メモリーの場合に置き換えています。',
      en: 'This is the computer version: the manual’s "on some carriers and phones" is replaced by a computer’s external memory.',
    },
  },
  {
    id: 'nttdata',
    question: { ja: 'NTTデータの役割とは。', en: 'What is NTT DATA’s role?' },
    answer: { ja: [`NTTデータは、${CONTACT_JA}`], en: [`About NTT DATA, ${CONTACT_EN_INLINE}`] },
  },
  {
    id: 'network-error',
    question: { ja: '「通信エラー」が発生する。', en: 'A "communication error" occurs.' },
    answer: {
      ja: [
        '通信状態が悪かった可能性がありますので、通信状態を確認し、しばらくたってから再試行してください。それでもうまくいかない場合は下記をご確認ください。',
        '・Wi-Fiや有線LANがOFFになっている可能性があります。ネットワーク設定をご確認ください。',
        '・「機内モード」が「ON」になっている可能性があります。「機内モード」をご確認いただき「OFF」に設定して再試行してください。',
        '・長期間パソコンを使用しなかった場合、パソコンの内部時刻がずれている可能性があります。パソコンの「日付と時刻」の設定で補正してから再試行してください。',
        '・非対応機種でないかご確認ください。',
        '※設定方法については、パソコンに付属の取扱説明書をご確認ください。',
      ],
      en: [
        'The connection may have been poor. Check it and try again after a while. If it still does not work, check the following.',
        '・Wi-Fi or wired LAN may be off. Check the network settings.',
        '・Airplane mode may be on. Check it, turn it off and try again.',
        '・If the computer has not been used for a long time, its clock may be wrong. Correct it in the computer’s date and time settings and try again.',
        '・Check that your computer is supported.',
        '* For how to change these settings, see the manual that came with your computer.',
      ],
    },
    desktopNote: {
      ja: 'パソコン版のため、マニュアルの「電波状態」「3G」「端末設定」「各キャリア、機種に付属の操作説明書」を、パソコンでの通信状態・有線LAN・設定・取扱説明書に置き換えています。',
      en: 'This is the computer version: the manual’s signal strength, 3G, phone settings and carrier manuals are replaced by the computer’s connection, wired LAN, settings and manual.',
    },
  },
  {
    id: 'download-center',
    question: { ja: '本アプリのダウンロードセンターについて。', en: 'About the app’s download center.' },
    answer: {
      ja: [
        '本サービスでは、Windows、macOSのパソコンについて、アプリを提供しております。',
        'ワンタイムパスワード認証サービスの提供サイトからのメールに記載のダウンロード用URLを選択すると、ダウンロードサイトが表示されます。お使いのパソコンに合ったインストーラーをダウンロードし、本アプリをインストールしてください。',
      ],
      en: [
        'This service provides the app for Windows and macOS computers.',
        'Select the download URL in the e-mail from the one-time password service’s website to open the download site. Download the installer for your computer and install the app.',
      ],
    },
    desktopNote: {
      ja: 'パソコン版のため、マニュアルのiPhone・Android、キャリアごとのダウンロードの流れ、AppStore・Google Playの記載を、パソコン用のダウンロードサイトとインストーラーに置き換えています。',
      en: 'This is the computer version: the manual’s iPhone / Android, per-carrier download flow, AppStore and Google Play are replaced by the download site and installer for computers.',
    },
  },
  {
    id: 'download-failed',
    question: { ja: '本アプリのダウンロードが出来ない。', en: 'I cannot download the app.' },
    answer: {
      ja: [
        '本アプリのダウンロードが出来ない場合、次の点をご確認いただき、再度試行してください。',
        '①通信状態が悪い場合\n通信状態が悪かった可能性がありますので、通信状態の良好な状態で再度試行してください。',
        '②ご利用のパソコンが非対応の場合\nお客様のご利用機種が、本サービスに対応していない場合があります。その場合は、本アプリのダウンロードが出来ません。',
        '③本アプリをインストール済みの場合\nすでにお客様のご利用のパソコンに本アプリがインストール済みの可能性があります。その場合は、ダウンロードは必要ありません。',
        '④ディスクの空き容量が不足している場合\nお客様のご利用のパソコンのディスクの空き容量が不足している可能性があります。その場合は、不要なファイルやアプリを削除の上、再度試行してください。',
        '⑤ダウンロードセンターが定期メンテナンス中の場合\nダウンロードセンターが、定期メンテナンス中の可能性があります。ご不便をおかけいたしますが、定期メンテナンス時間帯以外の時間帯で再度試行してください。',
      ],
      en: [
        'If you cannot download the app, check the following and try again.',
        '① Poor connection\nThe connection may have been poor. Try again with a good connection.',
        '② Your computer is not supported\nYour computer may not be supported by this service. The app cannot be downloaded then.',
        '③ The app is already installed\nThe app may already be installed on your computer. No download is needed then.',
        '④ Not enough disk space\nYour computer’s disk may be full. Delete files or apps you no longer need and try again.',
        '⑤ The download center is under scheduled maintenance\nThe download center may be under scheduled maintenance. We apologise; please try again outside the maintenance hours.',
      ],
    },
    desktopNote: {
      ja: 'パソコン版のため、マニュアルの「電波状態」「ご利用端末」「アプリフォルダの容量」「各キャリア、機種に付属の操作説明書」を、パソコンでの通信状態・ディスクの空き容量に置き換えています。',
      en: 'This is the computer version: the manual’s signal strength, phone, app folder space and carrier manuals are replaced by the computer’s connection and disk space.',
    },
  },
  {
    id: 'carrier',
    question: { ja: 'キャリアに問い合わせしたい。', en: 'I want to contact my mobile carrier.' },
    answer: {
      ja: ['お手持ちのパソコンの操作方法等に関するご質問、不明点は、パソコンのメーカーまたは販売店のお客様サポート窓口までお問い合わせください。'],
      en: ['For questions about how to use your computer, contact the customer support of its maker or shop.'],
    },
    desktopNote: {
      ja: 'パソコン版のため、マニュアルに記載の携帯電話会社（docomo・au・SoftBank）のお問い合わせ先電話番号は掲載していません。パソコンのメーカーまたは販売店にお問い合わせください。',
      en: 'This is the computer version: the mobile carriers’ (docomo, au, SoftBank) phone numbers in the manual are not listed. Contact the maker or shop of your computer.',
    },
  },
]
