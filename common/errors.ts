// The error-code catalog of the OTP app manual (seed 000, 4.3 エラー表示一覧), in the seed's own words, except that
// the desktop app names the device it runs on: パソコン where the manual says スマートフォン (issue 11's decision;
// test/unit/error-catalog-manual.test.ts lists each such code). A999's remedy keeps the comma CONTACT_JA lacks.
// Messages that read "[初期設定/トークン追加]に失敗しました。" in the seed take the operation from the context
// in which the error happened, so one code serves both screens.

export type Locale = 'ja' | 'en'

/** Where an error happened: it picks the seed's [初期設定/トークン追加] wording. */
export type ErrorContext = 'setup' | 'add' | 'renew' | 'correct' | 'other'

interface Text {
  message: string
  remedy: string
}

type Entry = Record<Locale, Text>

const OP_JA: Record<ErrorContext, string> = {
  setup: '初期設定',
  add: 'トークン追加',
  renew: '有効期限更新',
  correct: 'パスワード補正',
  other: '処理',
}
const OP_EN: Record<ErrorContext, string> = {
  setup: 'Initial setup',
  add: 'Adding the token',
  renew: 'Renewal',
  correct: 'Password correction',
  other: 'The operation',
}

const COMM_JA = '通信できません。\nインターネットに接続できることをご確認の上、もう一度実施してください。'
const COMM_EN = 'Cannot communicate.\nPlease check that you are connected to the internet and try again.'
const RETRY_JA = '通信が正常に完了しませんでした。再試行するか、しばらくたってからご利用ください。'
const RETRY_EN = 'Communication did not complete. Please try again, or try again later.'
const CONTACT_JA = '再度実施しても、うまくいかない場合はお客様センターにお問合せ下さい。'
const CONTACT_EN = 'If it still does not work, please contact the customer center.'
const INPUT_WRONG_JA = '入力内容に誤りがあります。\nもう一度入力してください。'
const INPUT_WRONG_EN = 'The input is incorrect.\nPlease enter it again.'
const FAILED_JA = '{op}に失敗しました。'
const FAILED_EN = '{op} failed.'

const provisioningTransport: Entry = {
  ja: { message: FAILED_JA, remedy: RETRY_JA },
  en: { message: FAILED_EN, remedy: RETRY_EN },
}
const renewalTransport: Entry = {
  ja: { message: 'CTF更新に失敗しました。', remedy: RETRY_JA },
  en: { message: 'Updating the token failed.', remedy: RETRY_EN },
}
const correctionTransport: Entry = {
  ja: { message: 'パスワード補正に失敗しました。', remedy: RETRY_JA },
  en: { message: 'Password correction failed.', remedy: RETRY_EN },
}
const unknownService: Entry = {
  ja: { message: FAILED_JA, remedy: '[サービスID]に入力誤りがないかご確認のうえ、再試行してください。' },
  en: { message: FAILED_EN, remedy: 'Please check [Service ID] for typing errors and try again.' },
}
const suspended: Entry = {
  ja: {
    message: '設定しようとしているユーザは、利用停止しています。',
    remedy: `入力されたユーザIDは、現在、利用を停止しています。[ユーザID]に入力誤りがないかご確認のうえ、再試行してください。\n${CONTACT_JA}`,
  },
  en: {
    message: 'The user you are setting up has been suspended.',
    remedy: `The user ID entered is currently suspended. Please check [User ID] for typing errors and try again.\n${CONTACT_EN}`,
  },
}

export const errorCatalog = {
  // 初期設定／トークン追加
  A911: {
    ja: {
      message: INPUT_WRONG_JA,
      remedy: '入力内容に誤りがあります。[サービスID][ユーザID][利用開始パスワード]に入力誤りがないかご確認のうえ、再試行してください。',
    },
    en: {
      message: INPUT_WRONG_EN,
      remedy: 'The input is incorrect. Please check [Service ID], [User ID] and [Activation password] for typing errors and try again.',
    },
  },
  A916: {
    ja: {
      message: 'このトークンは既に登録済みです。\n同じユーザのトークンは、登録できません。',
      remedy: 'このサービスID・ユーザIDのトークンは、すでに本アプリに登録されています。1台のパソコンに同一サービスID・ユーザIDのトークンは1つしか登録できません。',
    },
    en: {
      message: 'This token is already registered.\nA token of the same user cannot be registered twice.',
      remedy: 'A token for this service ID and user ID is already in this app. Only one token per service ID and user ID can be stored on one computer.',
    },
  },
  S0A1: unknownService,
  S0B1: unknownService,
  S0C1: {
    ja: {
      message: INPUT_WRONG_JA,
      remedy: 'サービスへの登録が確認できません。[ユーザID]と[利用開始パスワード]に入力誤りがないかご確認のうえ、再試行してください。',
    },
    en: {
      message: INPUT_WRONG_EN,
      remedy: 'Your registration with the service could not be confirmed. Please check [User ID] and [Activation password] for typing errors and try again.',
    },
  },
  S0B4: {
    ja: {
      message:
        '設定しようとしているユーザは、既に設定済みです。\n一度初期設定を完了すると、お手続きを行わないと再度設定を行うことはできません。\nまた、セキュリティの観点から複数台で同じトークンの利用はできない仕様となっております。',
      remedy: `入力したユーザIDは、既に利用開始しています。[ユーザID]に入力誤りがないかご確認のうえ、再試行してください。\n${CONTACT_JA}`,
    },
    en: {
      message:
        'The user you are setting up has already been set up.\nOnce initial setup is complete it cannot be done again without a formal request.\nFor security, the same token cannot be used on more than one device.',
      remedy: `The user ID entered is already in use. Please check [User ID] for typing errors and try again.\n${CONTACT_EN}`,
    },
  },
  S0B5: suspended,
  S0G1: {
    ja: {
      message: FAILED_JA,
      remedy: `入力内容に誤りがあります。[サービスID][ユーザID][利用開始パスワード]に入力誤りがないかご確認のうえ、再試行してください。${CONTACT_JA}`,
    },
    en: {
      message: FAILED_EN,
      remedy: `The input is incorrect. Please check [Service ID], [User ID] and [Activation password] for typing errors and try again. ${CONTACT_EN}`,
    },
  },
  A000: {
    ja: { message: COMM_JA, remedy: '通信が正常に完了しませんでした。[サービスID]に入力誤りがないかご確認のうえ、再試行してください。' },
    en: { message: COMM_EN, remedy: 'Communication did not complete. Please check [Service ID] for typing errors and try again.' },
  },
  A001: provisioningTransport,
  A002: provisioningTransport,
  A006: provisioningTransport,
  A007: provisioningTransport,
  A008: provisioningTransport,
  A009: provisioningTransport,
  A010: provisioningTransport,
  S0C4: {
    ja: {
      message: '利用開始パスワードはロックされました。\n再度、利用開始のお手続きを行ってください。',
      remedy: '[利用開始パスワード]がロックされています。\n当組合マニュアルをご参照いただくか、お客様センターへお問い合わせください。',
    },
    en: {
      message: 'The activation password has been locked.\nPlease apply for activation again.',
      remedy: '[Activation password] is locked.\nPlease refer to our manual or contact the customer center.',
    },
  },
  S0F1: {
    ja: {
      message: `${FAILED_JA}\nパソコンの日時・タイムゾーンが正しく設定されているか確認してください。`,
      remedy: `サービスへの登録が確認できません。お使いのパソコンの日付／時刻が正しく設定されていない可能性があります。正しい日付／時刻に設定して本アプリを再起動してください。${CONTACT_JA}`,
    },
    en: {
      message: `${FAILED_EN}\nPlease check that the date, time and time zone of your computer are set correctly.`,
      remedy: `Your registration could not be confirmed. The date or time of your computer may be wrong. Set the correct date and time and restart this app. ${CONTACT_EN}`,
    },
  },
  /** OTP-03: the seed gives this refusal no code, only the guidance of 3.3 and its FAQ; so no code is shown. */
  TOKEN_LIMIT: {
    ja: {
      message: 'トークンの登録は10件までです。',
      remedy: 'トークンがいっぱいになったときは、不要なトークンを削除してからトークンの追加を行ってください。',
    },
    en: {
      message: 'Up to 10 tokens can be registered.',
      remedy: 'When the app is full, delete a token you no longer need, then add the new one.',
    },
  },
  // 有効期限の更新
  A300: {
    ja: { message: COMM_JA, remedy: RETRY_JA },
    en: { message: COMM_EN, remedy: RETRY_EN },
  },
  /** The seed's second A300 text: shown when transaction confirmation is in use for the token. */
  A300T: {
    ja: { message: `${COMM_JA}\n有効期限更新が終わるまで、取引確認を利用しないでください。`, remedy: RETRY_JA },
    en: { message: `${COMM_EN}\nPlease do not use transaction confirmation until the renewal has completed.`, remedy: RETRY_EN },
  },
  A301: renewalTransport,
  A302: renewalTransport,
  A303: renewalTransport,
  A306: renewalTransport,
  A307: renewalTransport,
  A308: renewalTransport,
  A309: renewalTransport,
  A310: renewalTransport,
  S3B3: {
    ja: {
      message: 'ご利用申請後の初期設定が完了していません。',
      remedy: '有効期限の更新ができません。再試行してください。または、当組合マニュアルをご参照いただくか、お客様センターへお問い合わせください。',
    },
    en: {
      message: 'Initial setup after your application has not been completed.',
      remedy: 'The expiry date cannot be renewed. Please try again, or refer to our manual or contact the customer center.',
    },
  },
  S3B5: {
    ja: {
      message: '設定しようとしているユーザは、利用停止しています。',
      remedy: '現在、利用を停止しています。当組合マニュアルをご参照いただくか、お客様センターへお問い合わせください。',
    },
    en: {
      message: 'The user you are setting up has been suspended.',
      remedy: 'Use is currently suspended. Please refer to our manual or contact the customer center.',
    },
  },
  S3E4: {
    ja: {
      message: 'トークン有効期限の更新期間外です。\nパソコンの日時・タイムゾーンをご確認ください。',
      remedy: `有効期限更新の受付期間外です。お使いのパソコンの日付／時刻が正しく設定されていない可能性があります。正しい日付／時刻に設定して本アプリを再起動してください。${CONTACT_JA}`,
    },
    en: {
      message: 'It is outside the renewal period of the token.\nPlease check the date, time and time zone of your computer.',
      remedy: `Renewal is not accepted now. The date or time of your computer may be wrong. Set the correct date and time and restart this app. ${CONTACT_EN}`,
    },
  },
  S3D3: {
    ja: {
      message: '取引認証開始処理中です。\n取引認証開始タブを押すか、初期設定を完了してください。',
      remedy: '取引認証開始処理中が完了していません。\n取引認証開始タブを押すか、初期設定を完了してください。',
    },
    en: {
      message: 'Enrolment for transaction confirmation is in progress.\nPress the enrolment tab or complete the initial setup.',
      remedy: 'Enrolment for transaction confirmation has not finished.\nPress the enrolment tab or complete the initial setup.',
    },
  },
  S3D4: {
    ja: {
      message: '取引確認が完了していないお取引が存在します。\n取引確認を完了してから有効期限更新を行ってください。',
      remedy: '取引確認が完了していない取引が残っています。\n取引確認を完了してから、有効期限更新を行ってください。',
    },
    en: {
      message: 'There are transactions whose confirmation is not complete.\nPlease complete them before renewing.',
      remedy: 'Some transactions still await confirmation.\nComplete the transaction confirmation, then renew.',
    },
  },
  // パスワード補正
  A400: {
    ja: { message: COMM_JA, remedy: RETRY_JA },
    en: { message: COMM_EN, remedy: RETRY_EN },
  },
  A401: correctionTransport,
  A403: correctionTransport,
  S4E3: {
    ja: {
      message: 'トークンの有効期限が切れています。\nご利用のサービスの問い合わせ先にご連絡ください。',
      remedy:
        'トークン有効期限が切れたため、ご利用になれません。本アプリを再起動していただき、まず有効期限の更新を実施してください。その後、再度パスワード補正を実施してください。再度実施しても、うまくいかない場合は、お客様センターへお問い合わせください。',
    },
    en: {
      message: 'The token has expired.\nPlease contact your service.',
      remedy:
        'The token has expired and cannot be used. Restart this app and renew the expiry date first, then run password correction again. If it still fails, contact the customer center.',
    },
  },
  // 取引確認 (OTP-25): the seed documents no screen and no codes for it, so these refusals carry no code (displayCode).
  TX_OFFLINE: {
    ja: { message: COMM_JA, remedy: RETRY_JA },
    en: { message: COMM_EN, remedy: RETRY_EN },
  },
  TX_FAILED: {
    ja: { message: '取引確認に失敗しました。', remedy: RETRY_JA },
    en: { message: 'Transaction confirmation failed.', remedy: RETRY_EN },
  },
  TX_CLOSED: {
    ja: {
      message: 'このお取引は、既に確認済みか、確認の期限が過ぎています。',
      remedy: 'お取引の結果は、インターネットバンキングでご確認ください。必要な場合は、お取引を最初からやり直してください。',
    },
    en: {
      message: 'This transaction has already been answered, or the time to confirm it has passed.',
      remedy: 'Check the outcome in internet banking. If needed, start the transaction again.',
    },
  },
  TX_CHANGED: {
    ja: {
      message: 'お取引の内容が表示した内容と一致しないため、確認できませんでした。',
      remedy: '身に覚えのないお取引の可能性があります。お取引を中止し、お客様センターへお問い合わせください。',
    },
    en: {
      message: 'The transaction does not match what was shown, so it could not be confirmed.',
      remedy: 'It may be a transaction you did not make. Stop the transaction and contact the customer center.',
    },
  },
  /** Not shown as an error: every entry answers it while the app lock holds the vault, and the renderer then
   *  shows アプリロックコード入力 (OTP-18). */
  LOCKED: {
    ja: { message: 'アプリロック中です。', remedy: 'アプリロックコードを入力してください。' },
    en: { message: 'The app is locked.', remedy: 'Enter the app lock code.' },
  },
  /** The renderer checks the codes before sending; the main process refuses what slips past (OTP-17, seed 3.5). */
  LOCK_CODE_INVALID: {
    ja: {
      message: 'アプリロックコードを設定できませんでした。',
      remedy: 'アプリロックコードで使える文字は、1～32文字の半角数字[0～9]です。「アプリロックコード」「アプリロックコード(確認用)」に同じアプリロックコードを入力してください。',
    },
    en: {
      message: 'The app lock code could not be set.',
      remedy: 'An app lock code is 1 to 32 half-width digits [0–9]. Enter the same code in "App lock code" and "App lock code (confirmation)".',
    },
  },
  // その他
  A914: {
    ja: {
      message: INPUT_WRONG_JA,
      remedy: '入力内容に誤りがあります。「アプリロックコード」に入力誤りがないかご確認のうえ、再試行してください。',
    },
    en: { message: INPUT_WRONG_EN, remedy: 'The input is incorrect. Please check the app lock code and try again.' },
  },
  A9EX: {
    ja: {
      message: 'メモリが足りません。他のアプリを終了してから起動してください。',
      remedy: '他のアプリを終了させてから、再度、本アプリを起動させてください。',
    },
    en: { message: 'Not enough memory. Close other apps and start again.', remedy: 'Close other apps, then start this app again.' },
  },
  A998: {
    ja: {
      message: '再度ワンタイムパスワード利用開始のお手続きが必要になります。お手続きの詳細については、ご利用のサービスの問い合わせ先にご連絡ください。',
      remedy: 'ワンタイムパスワード再発行のお手続きが必要です。お手続きの詳細については、当組合マニュアルをご参照いただくか、お客様センターへお問い合わせください。',
    },
    en: {
      message: 'You need to apply again to start using one-time passwords. Please contact your service for details.',
      remedy: 'The one-time password must be re-issued. Please refer to our manual or contact the customer center.',
    },
  },
  A999: {
    ja: {
      message: '予期しないエラーが発生しました。',
      remedy: '本アプリを再起動して再試行してください。再度実施しても、うまくいかない場合は、お客様センターにお問合せ下さい。',
    },
    en: { message: 'An unexpected error occurred.', remedy: `Restart this app and try again. ${CONTACT_EN}` },
  },
} satisfies Record<string, Entry>

export type ErrorCode = keyof typeof errorCatalog
export const errorCodes = Object.keys(errorCatalog) as [ErrorCode, ...ErrorCode[]]

/** Footer of every error screen (seed 4.3, last paragraph). */
export const helpDesk = {
  ja: '上記以外エラーが発生した場合は、再度試行いただき、それでもうまくいかない場合は、お手数ですがミレ信用組合インターネットバンキングヘルプデスクまでお問合せください。\nフリーダイヤル 0120-351-951\n受付時間 平日 9時～24時 土日祝日 9時～17時',
  en: 'For any other error, please try again; if it still does not work, contact the Mire Credit Union internet banking help desk.\nToll-free 0120-351-951\nWeekdays 9:00–24:00, weekends and holidays 9:00–17:00',
} as const satisfies Record<Locale, string>

/** A code this catalog describes (the staff screens' codes are described by the renderer's staff texts). */
export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(errorCatalog, code)

/** The code as a person sees it: the seed's code, or none for refusals the seed gives no code (and staff codes). */
export function displayCode(code: string): string | null {
  if (code === 'A300T') return 'A300'
  return /^[AS][0-9A-Z]{3}$/.test(code) ? code : null
}

/** How エラー表示一覧 (OTP-28) writes a message that depends on the operation: as the manual's table does. */
const OP_LEGEND: Record<Locale, string> = { ja: '[初期設定/トークン追加]', en: '[Initial setup/Adding the token]' }

/** A code's texts as エラー表示一覧 lists them, "[初期設定/トークン追加]に失敗しました。" included. */
export function describeErrorForList(code: ErrorCode, locale: Locale): Text {
  const text = errorCatalog[code][locale]
  return { message: text.message.replaceAll('{op}', OP_LEGEND[locale]), remedy: text.remedy.replaceAll('{op}', OP_LEGEND[locale]) }
}

/** A code outside the catalog (a staff code on a customer screen) is described as the unexpected A999. */
export function describeError(code: string, locale: Locale, context: ErrorContext = 'other'): Text {
  const text = errorCatalog[isErrorCode(code) ? code : 'A999'][locale]
  const op = (locale === 'ja' ? OP_JA : OP_EN)[context]
  return { message: text.message.replaceAll('{op}', op), remedy: text.remedy.replaceAll('{op}', op) }
}
