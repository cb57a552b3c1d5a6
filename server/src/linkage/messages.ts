// Every sentence the API linkage pages and the result mail show, as data: Japanese in the seed's words (seed 004;
// the few sentences that are ours are marked), English as its translation (LNK-13, SPEC §0: Japanese first,
// English second). The pages take one table and never hold words of their own.

export type Lang = 'ja' | 'en'
export const LANGS: readonly Lang[] = ['ja', 'en']

interface Qa {
  /** The question; several lines when the seed lists several cases (2-Q4, 2-Q5). */
  q: string | readonly string[]
  a: readonly string[]
}
interface FaqSection {
  title: string
  items: readonly Qa[]
}

const ja = {
  lang: 'ja' as Lang,
  /** LNK-02/03: the dialog and the mark on each empty required field. */
  missingDialog: '入力されていない項目があります。',
  missingField: '必ず入力して下さい。',
  /** LNK-04, table row 1. */
  accountNotHandled: 'ご指定の口座は、本サービスではお取り扱いできません。',
  /** LNK-04 row 2, LNK-09. */
  identityWrong: '本人認証情報が誤っています。本人認証項目をご確認のうえ、再度入力して下さい。',
  /** LNK-04 row 3: the failure that reached the limit. */
  nowLocked: 'お取扱いができなくなりました。詳しくは本サービスのお問合せ窓口へご照会下さい。',
  /** LNK-04 row 4: any attempt while locked. */
  locked: 'ただ今お取扱いできません。詳しくは本サービスのお問合せ窓口へご照会下さい。理由コードはB84です。',
  /** LNK-05. */
  outOfHours: 'ただ今の時間はサービスを行っていません。ご了承下さい。',
  /** LNK-06. */
  busy: 'ただ今受付が混雑しておりますので、しばらくしてからご利用下さい。',
  systemError: '調整のため連絡ができなくなりました。なお、お急ぎの場合は本サービスのお問合せ窓口へご照会下さい。',
  /** The seed's fourth "other" error: used for an unknown client or redirect URI, where nothing can be returned. */
  serviceUnavailable: 'ご指定のサービスはただ今お取扱できません。なお、お急ぎの場合は本サービスのお問合せ窓口へご照会下さい。',
  /** LNK-08. */
  waitingForCall: '認証中（認証着信待ち）',
  /** The seed lists both after 120 s: a call, and [確定する]. */
  callExpiredCall: '・120秒経過後の架電',
  callExpired: '・120秒経過後の「確定する」ボタン選択は無効となります。',
  restart: 'API連携認証の最初に戻って操作してください。',
  /** LNK-11. */
  aborted: 'API連携認証を中止しました。',
  // Ours: format errors the seed does not show (its fields only say what they take).
  branchFormat: '半角数字3桁で入力して下さい。',
  accountNumberFormat: '半角数字7桁で入力して下さい。',
  kanaFormat: '半角カタカナで入力して下さい。',
  birthDateFormat: '正しい生年月日を入力して下さい。',
  phoneFormat: '半角数字10桁または11桁で入力して下さい。',
  emailFormat: '正しいメールアドレスを64文字以内で入力して下さい。',
  emailMismatch: 'メールアドレス（確認用）がメールアドレスと一致しません。',
  pinFormat: '半角数字4桁で入力して下さい。',

  /** Seed 004, 11. お問い合わせ先. */
  institution: { name: 'ミレ信用組合', department: '業務部', hours: '平日の9時～17時', phoneLabel: '電話番号：', hoursNote: (hours: string) => `※. ${hours}の対応となります。` },
  frame: {
    titleOf: (screen: string) => `API連携認証（${screen}）`,
    screenId: '画面ID',
    terms: 'API利用規定',
    faq: 'よくあるご質問',
    contact: 'お問い合わせ先',
    rights: 'All Rights Reserved.',
    errorTitle: 'エラー',
    ok: 'OK',
    required: '必須',
    /** Ours: the link to the other language, written in that language. */
    otherLanguage: 'English',
  },
  buttons: { next: '次へ', abort: '中止する', refuse: '拒否する', backToClient: '連携元画面へ', restart: '最初に戻る' },
  accountTypes: { ordinary: '普通預金', savings: '貯蓄預金' },
  soa201: {
    title: 'ご利用口座情報入力',
    disclaimerTitle: '免責事項',
    disclaimer: (client: string) =>
      `本機能はお客様の金融情報を${client}に提供するものです。当信用組合のAPI利用規定 (画面下部のリンクからご確認ください) に同意し、必ずお客様自身の責任において行って頂きますようお願いいたします。`,
    cautionTitle: '注意事項',
    caution:
      '当信用組合を装ったメールやSMSにご注意ください。当信用組合では、メール等で暗証番号等の入力をいただくようなことは絶対にありません。そのような不審なメール等への返信やリンク先へのアクセスは行わないようお願いいたします。',
    lead: ['当信用組合をご利用いただきましてありがとうございます。', 'お手元にご利用中の口座のキャッシュカードをご準備いただき口座情報を入力してください。'],
    branch: '店舗',
    branchHint: '半角数字3桁',
    type: '科目',
    accountNumber: '口座番号',
    accountNumberHint: '半角数字',
  },
  soa202: {
    title: 'お客様情報入力',
    lead: ['本人確認を行います。', 'お名前、生年月日、電話番号を入力してください。'],
    accountTitle: 'ご利用口座情報',
    branchOf: (branch: string) => `店番 ${branch}`,
    inputTitle: 'お客様情報の入力',
    name: 'お名前',
    nameHint: '半角カタカナ',
    nameExample: '(例) ﾃﾞｰﾀ ﾀﾛｳ',
    birth: '生年月日',
    birthHint: '半角数字',
    /** The words around the year field and the month and day selects: 西暦 [1980] 年 [04] 月 [01] 日 (English: Year [1980] Month [04] Day [01]). */
    yearBefore: '西暦',
    yearAfter: '年',
    monthBefore: '',
    monthAfter: '月',
    dayBefore: '',
    dayAfter: '日',
    /** The selects' accessible names. */
    month: '月',
    day: '日',
    phone: '電話番号',
    phoneHint: '半角数字ハイフン無し',
    phoneHelp: '当信用組合にお届けいただいている電話番号を入力してください。(入力された電話番号から当信用組合指定の「認証先電話番号」に電話をかけていただきます。)',
    email: 'メールアドレス',
    emailHint: '半角英数字記号',
    emailConfirm: 'メールアドレス（確認用）',
    emailConfirmHelp: '確認のため2回入力してください',
  },
  soa208: { title: '電話番号の確認', lead: '電話番号での認証を行います。', registered: 'お届け先電話番号', phone: '電話番号', decide: '電話番号の決定' },
  soa209: {
    title: '電話番号認証',
    heading: '電話番号認証',
    lead: ['電話番号での認証を行います。お届け電話番号から認証先電話番号にお電話ください。', '電話番号認証完了後、「確定する」ボタンを押してください。'],
    from: '発信元',
    fromSub: 'お届け電話番号',
    to: '発信先',
    toSub: '認証先電話番号（通話料無料）',
    /** Ours: the countdown of the 120 s, 残り [n] 秒. */
    secondsBefore: '残り',
    secondsAfter: '秒',
    cautionTitle: '注意',
    cautions: [
      ['本画面が表示されてから120秒以内に、お電話ください。'],
      ['電話番号が非通知設定になっている場合は認証できません。'],
      ['呼出音がならない場合は、再度お電話ください。'],
      ['電話番号のおかけ間違いがないようご注意ください。'],
      ['2〜3コール後、自動で電話が切れ、認証完了します。アナウンスは流れません。'],
      ['<スマートフォンをご利用の方へ>', '通話が終了しても電話アプリケーションが自動で終了しない場合は、ダイヤルキャンセルボタンを押してブラウザに戻ってください。'],
    ] as readonly (readonly string[])[],
    confirm: '確定する',
  },
  soa211: {
    title: 'キャッシュカード暗証番号認証',
    heading: 'キャッシュカード暗証番号',
    lead: 'キャッシュカード暗証番号での認証を行います。',
    pin: 'キャッシュカードの暗証番号',
    pinHint: '半角数字4桁',
  },
  soa206: {
    title: '情報連携認可',
    lead: (client: string) => `${client}が以下の許可を求めています。`,
    access: '口座情報・明細情報へのアクセス',
    accessText: 'お客様の口座の資産情報へのアクセスを許可します。',
    period: '認可期間',
    days: (n: number) => `${n}日`,
    cautionTitle: 'ご注意',
    cautions: (client: string) => [
      '次に進む前に、Webサイトを信頼できるかどうかをお客様自身の判断で確認してください。',
      `「許可する」ボタンをクリックすることによって、お客様は${client}の利用規約のもと利用することになります。`,
      'お客様の入力された暗証番号等の認証情報はAPI連携先には開示されません。また、API連携先との間の通信は暗号化されています。',
      '本アプリケーションへのアクセスは、当信用組合へ連絡することでも解除することができます。',
    ],
    provide: '当信用組合のAPI利用規定に従って、API連携事業者にお客様の金融情報を提供します。',
    agree: '当信用組合のAPI利用規定を確認し、同意します。',
    allow: '許可する',
  },
  abortedTitle: 'API連携認証の中止',
  notice: { title: 'API連携認証', reference: 'お問い合わせ番号: ' },
  /** Seed 004, 10. よくあるご質問, every Q&A; the mail domain is MAIL_FROM's (2-Q3). */
  faq: {
    title: 'よくあるご質問',
    sections: (mailDomain: string): readonly FaqSection[] => [
      {
        title: '1. 認証前',
        items: [{ q: '(Q1) 信用組合に届け出した電話番号がどれだか分からない (忘れた)。', a: ['お口座のある店舗にお問い合わせください。'] }],
      },
      {
        title: '2. 認証完了後',
        items: [
          {
            q: '(Q1) API連携認証で、暗証番号を複数回間違えてロックされてしまった。ATMからの出金取引なども制限されてしまうのか。',
            a: ['ロックされるのはAPI連携認証だけです。', 'その他のお取引には制限はかかりません。'],
          },
          {
            q: '(Q2) 本人認証情報を複数回誤り「お取扱いができなくなりました。」というメッセージが出力した。',
            a: ['本人認証情報を複数回誤りますと一時的に閉塞状態となります。閉塞状態は翌日0時に解除されます。'],
          },
          {
            q: '(Q3) 認証操作が完了したがメールが届かない。',
            a: ['スマートフォンのメール受信設定等にて以下のドメインからの受信ができるよう設定をお願い致します。', `【@${mailDomain}】`],
          },
          {
            q: ['(Q4) ・誤ったカナ氏名で登録してしまったので修正したい。', '・氏名が変わったので変更したい。'],
            a: ['API連携認証時にご登録いただいた氏名(カナ)は、認証操作時の操作ログに記録するためだけのものですので、認証完了後は、修正等する必要はありません。'],
          },
          {
            q: ['(Q5) ・誤ったメールアドレスで登録してしまったので修正したい。', '・メールアドレスが変わったので変更したい。'],
            a: ['API連携認証時にご登録いただいたメールアドレスは、認証操作完了後の通知メールを送信するめだけのものですので、認証完了後は、修正等する必要はありません。'],
          },
        ],
      },
      {
        title: '3. サービスについて',
        items: [
          {
            q: '(Q1) API連携認証がサービス時間外となる時間を確認したい',
            a: [
              '以下の時間についてはサービス時間外となります。',
              '①毎日0時から1分程度',
              '②毎日4時から数分程度',
              '③毎月第1および第3月曜日の2:00~6:00',
              '④毎月第2および第4日曜日の前日23:50~翌7:00',
              '⑤1月1日~3日の0:00~8:00、19:00~24:00',
              '⑥その他システムメンテナンスの場合',
            ],
          },
          { q: '(Q2) 取引明細で照会できる取引日の範囲は。', a: ['当信用組合システムでは約3か月分の取引明細を保有していますので、その範囲の中で確認が可能です。'] },
          { q: '(Q3) アプリで一度照会した(取込んだ)取引明細はいつまで見れるのか。', a: ['各アプリの仕様によります。', 'スマホアプリ提供事業者にご確認ください。'] },
          {
            q: '(Q4) これまで本アプリの認証で使っていた口座を別の店舗に移動(移管)した。どうすればよいか。',
            a: [
              '例) いままで 011店舗 口座番号1111111',
              '現 在 022店舗 口座番号2222222',
              '口座の移管後は、旧店舗・旧口座番号(011-1111111)でのアプリ利用(情報更新、API連携認証)は不可となります。',
              'アプリを継続して利用する場合は、新店舗・新口座番号(022-2222222)で、API連携認証を行う必要があります。',
              'なお、旧店舗・旧口座番号で取得していた取引情報等の扱いは、各アプリの仕様によります。',
            ],
          },
        ],
      },
      {
        title: '4. その他',
        items: [
          {
            q: '(Q1) アプリをアンインストールした。アプリ事業者と口座の連携は、即時に解除されるのか。',
            a: ['誤ってアンインストールした場合などを考慮し、一定期間は連携が継続されます。'],
          },
          { q: '(Q2) スマートフォンの機種変更をする(した)。どうすればよいか。', a: ['各アプリによって引き継ぎ操作が異なります。', 'スマホアプリ提供事業者にご確認ください。'] },
        ],
      },
    ],
  },
  /** Ours: the seed only links to the terms on the credit union's site. */
  terms: {
    title: 'API利用規定',
    paragraphs: (name: string, phone: string, hours: string) => [
      `本規定は、${name}（以下「当信用組合」）が提供する金融機関APIを利用して、お客様がAPI連携事業者のサービスを利用する場合の取扱いを定めるものです。`,
      'お客様は、API連携認証において当信用組合の口座情報・明細情報をAPI連携事業者に提供することに同意したうえで、お客様自身の責任において操作するものとします。',
      '認可期間は30日です。当信用組合へ連絡することで、いつでも連携を解除することができます。',
      `詳しくは当信用組合の窓口（${phone}、${hours}）へお問い合わせください。`,
    ],
  },
  /** Ours (LNK-11): the result mail. */
  mail: {
    subject: (name: string) => `【${name}】API連携認証完了のお知らせ`,
    greeting: (name: string) => `${name}をご利用いただきましてありがとうございます。`,
    completed: 'API連携認証が完了しましたのでお知らせいたします。',
    client: '連携先　　：',
    account: '口座　　　：',
    completedAt: '認証日時　：',
    expiresAt: '認可期限　：',
    notYou: 'お心当たりのない場合は、至急下記までご連絡下さい。',
    contact: (name: string, department: string, phone: string, hours: string) => `${name} ${department}　電話番号：${phone}（${hours}）`,
    sendOnly: '※本メールは送信専用です。ご返信いただいてもお答えできません。',
    dateLocale: 'ja-JP',
    /** After each time (always Japan time). */
    timeZone: '',
  },
}

export type Messages = typeof ja

const en: Messages = {
  lang: 'en',
  missingDialog: 'There are items that have not been entered.',
  missingField: 'Please enter this item.',
  accountNotHandled: 'The specified account cannot be handled by this service.',
  identityWrong: 'The identity information is incorrect. Please check the identity items and enter them again.',
  nowLocked: 'This service can no longer be used. For details, please contact the help desk of this service.',
  locked: 'This service is currently unavailable. For details, please contact the help desk of this service. The reason code is B84.',
  outOfHours: 'The service is not available at this time. Thank you for your understanding.',
  busy: 'We are receiving many requests at the moment. Please try again later.',
  systemError: 'We cannot continue because of adjustments to the system. If it is urgent, please contact the help desk of this service.',
  serviceUnavailable: 'The specified service is currently unavailable. If it is urgent, please contact the help desk of this service.',
  waitingForCall: 'Authenticating (waiting for your call)',
  callExpiredCall: '- A call made after 120 seconds',
  callExpired: '- Pressing the "Confirm" button after 120 seconds is not valid.',
  restart: 'Please go back to the beginning of the API linkage authentication and start again.',
  aborted: 'The API linkage authentication has been cancelled.',
  branchFormat: 'Please enter 3 digits.',
  accountNumberFormat: 'Please enter 7 digits.',
  kanaFormat: 'Please enter your name in katakana.',
  birthDateFormat: 'Please enter a valid date of birth.',
  phoneFormat: 'Please enter 10 or 11 digits.',
  emailFormat: 'Please enter a valid e-mail address of at most 64 characters.',
  emailMismatch: 'The confirmation does not match the e-mail address.',
  pinFormat: 'Please enter 4 digits.',

  institution: {
    name: 'Mire Credit Union',
    department: 'Operations Department',
    hours: 'weekdays 9:00–17:00',
    phoneLabel: 'Phone: ',
    hoursNote: (hours: string) => `* Available ${hours}.`,
  },
  frame: {
    titleOf: (screen: string) => `API Linkage Authentication (${screen})`,
    screenId: 'Screen ID',
    terms: 'API Terms of Use',
    faq: 'FAQ',
    contact: 'Contact',
    rights: 'All Rights Reserved.',
    errorTitle: 'Error',
    ok: 'OK',
    required: 'Required',
    otherLanguage: '日本語',
  },
  buttons: { next: 'Next', abort: 'Cancel', refuse: 'Deny', backToClient: 'Back to the app', restart: 'Start again' },
  accountTypes: { ordinary: 'Ordinary deposit', savings: 'Savings deposit' },
  soa201: {
    title: 'Account information',
    disclaimerTitle: 'Disclaimer',
    disclaimer: (client: string) =>
      `This function provides your financial information to ${client}. Please agree to our API Terms of Use (see the link at the bottom of the page) and proceed strictly at your own responsibility.`,
    cautionTitle: 'Caution',
    caution:
      'Beware of e-mails and SMS messages pretending to be from us. We will never ask you to enter your PIN or similar information by e-mail or similar means. Please do not reply to such suspicious messages or open their links.',
    lead: ['Thank you for banking with us.', 'Please have the cash card of the account you use at hand and enter the account information.'],
    branch: 'Branch',
    branchHint: '3 digits',
    type: 'Account type',
    accountNumber: 'Account number',
    accountNumberHint: 'digits',
  },
  soa202: {
    title: 'Customer information',
    lead: ['We will confirm your identity.', 'Please enter your name, date of birth and phone number.'],
    accountTitle: 'Account to use',
    branchOf: (branch: string) => `Branch ${branch}`,
    inputTitle: 'Your information',
    name: 'Name',
    nameHint: 'half-width katakana',
    nameExample: '(e.g.) ﾃﾞｰﾀ ﾀﾛｳ',
    birth: 'Date of birth',
    birthHint: 'digits',
    yearBefore: 'Year',
    yearAfter: '',
    monthBefore: 'Month',
    monthAfter: '',
    dayBefore: 'Day',
    dayAfter: '',
    month: 'Month',
    day: 'Day',
    phone: 'Phone number',
    phoneHint: 'digits, no hyphens',
    phoneHelp: 'Enter the phone number registered with us. (You will call our designated "authentication number" from the number you enter.)',
    email: 'E-mail address',
    emailHint: 'letters, digits and symbols',
    emailConfirm: 'E-mail address (confirmation)',
    emailConfirmHelp: 'Please enter it twice for confirmation',
  },
  soa208: {
    title: 'Phone number confirmation',
    lead: 'We will authenticate you with your phone number.',
    registered: 'Registered phone number',
    phone: 'Phone number',
    decide: 'Use this phone number',
  },
  soa209: {
    title: 'Phone number authentication',
    heading: 'Phone number authentication',
    lead: [
      'We will authenticate you with your phone number. Please call the authentication number from your registered phone number.',
      'When the phone authentication is complete, press the "Confirm" button.',
    ],
    from: 'Call from',
    fromSub: 'Registered phone number',
    to: 'Call to',
    toSub: 'Authentication number (toll-free)',
    secondsBefore: '',
    secondsAfter: 'seconds left',
    cautionTitle: 'Caution',
    cautions: [
      ['Please call within 120 seconds of this screen being shown.'],
      ['You cannot be authenticated if your caller ID is withheld.'],
      ['If you hear no ringing tone, please call again.'],
      ['Please take care to dial the right number.'],
      ['After 2–3 rings the call ends automatically and the authentication is complete. There is no announcement.'],
      ['<If you use a smartphone>', 'If the phone app does not close by itself after the call, press the cancel-dial button and return to the browser.'],
    ],
    confirm: 'Confirm',
  },
  soa211: {
    title: 'Cash card PIN authentication',
    heading: 'Cash card PIN',
    lead: 'We will authenticate you with your cash card PIN.',
    pin: 'Cash card PIN',
    pinHint: '4 digits',
  },
  soa206: {
    title: 'Authorization of information linkage',
    lead: (client: string) => `${client} is requesting the following permission.`,
    access: 'Access to account and transaction information',
    accessText: 'Allows access to the asset information of your account.',
    period: 'Authorization period',
    days: (n: number) => `${n} days`,
    cautionTitle: 'Please note',
    cautions: (client: string) => [
      'Before you continue, judge for yourself whether you can trust the website.',
      `By clicking the "Allow" button you will use the service under the terms of use of ${client}.`,
      'Authentication information you entered, such as your PIN, is not disclosed to the API linkage partner. Communication with the API linkage partner is encrypted.',
      'Access by this application can also be revoked by contacting us.',
    ],
    provide: 'In accordance with our API Terms of Use, we provide your financial information to the API linkage company.',
    agree: 'I have read and agree to the API Terms of Use.',
    allow: 'Allow',
  },
  abortedTitle: 'API linkage authentication cancelled',
  notice: { title: 'API Linkage Authentication', reference: 'Reference number: ' },
  faq: {
    title: 'FAQ',
    sections: (mailDomain: string): readonly FaqSection[] => [
      {
        title: '1. Before authentication',
        items: [{ q: "(Q1) I don't know (forgot) which phone number I registered with the credit union.", a: ['Please ask the branch where you hold your account.'] }],
      },
      {
        title: '2. After authentication',
        items: [
          {
            q: '(Q1) I entered a wrong PIN several times in the API linkage authentication and was locked. Are ATM withdrawals and other transactions restricted too?',
            a: ['Only the API linkage authentication is locked.', 'Your other transactions are not restricted.'],
          },
          {
            q: '(Q2) After entering wrong identity information several times, the message "This service can no longer be used." appeared.',
            a: ['If you enter wrong identity information several times, the authentication is blocked for a while. The block is released at 0:00 the next day.'],
          },
          {
            q: '(Q3) I completed the authentication but did not receive the e-mail.',
            a: ["Please set your smartphone's mail settings so that mail from the following domain can be received.", `[@${mailDomain}]`],
          },
          {
            q: ['(Q4) • I registered a wrong katakana name and want to correct it.', '• My name has changed and I want to update it.'],
            a: [
              'The name (katakana) registered in the API linkage authentication is only recorded in the log of the authentication, so it need not be corrected after the authentication is complete.',
            ],
          },
          {
            q: ['(Q5) • I registered a wrong e-mail address and want to correct it.', '• My e-mail address has changed and I want to update it.'],
            a: [
              'The e-mail address registered in the API linkage authentication is only used to send the notification mail when the authentication is complete, so it need not be corrected afterwards.',
            ],
          },
        ],
      },
      {
        title: '3. About the service',
        items: [
          {
            q: '(Q1) When is the API linkage authentication outside service hours?',
            a: [
              'The service is not available at the following times.',
              '① Every day from 0:00 for about 1 minute',
              '② Every day from 4:00 for a few minutes',
              '③ The 1st and 3rd Monday of every month, 2:00–6:00',
              '④ The day before the 2nd and 4th Sunday of every month, 23:50 to 7:00 the next day',
              '⑤ January 1–3, 0:00–8:00 and 19:00–24:00',
              '⑥ Other system maintenance',
            ],
          },
          { q: '(Q2) Which transaction dates can I look up in the statement?', a: ['Our system holds about 3 months of transactions, and you can look them up within that range.'] },
          {
            q: '(Q3) How long can I see transactions once the app has looked them up (imported them)?',
            a: ['That depends on each app.', 'Please ask the provider of the smartphone app.'],
          },
          {
            q: '(Q4) The account I used for this app has been moved (transferred) to another branch. What should I do?',
            a: [
              'Example) Until now: branch 011, account number 1111111',
              'Now: branch 022, account number 2222222',
              'After the transfer, the app can no longer be used (updates, API linkage authentication) with the old branch and account number (011-1111111).',
              'To keep using the app, please complete the API linkage authentication with the new branch and account number (022-2222222).',
              'How the transactions obtained with the old branch and account number are handled depends on each app.',
            ],
          },
        ],
      },
      {
        title: '4. Other',
        items: [
          {
            q: '(Q1) I uninstalled the app. Is the link between the app provider and my account ended at once?',
            a: ['The link continues for a certain period, in case the app was uninstalled by mistake.'],
          },
          {
            q: '(Q2) I am changing (have changed) my smartphone. What should I do?',
            a: ['The transfer steps differ from app to app.', 'Please ask the provider of the smartphone app.'],
          },
        ],
      },
    ],
  },
  terms: {
    title: 'API Terms of Use',
    paragraphs: (name: string, phone: string, hours: string) => [
      `These terms set out how ${name} (the "Credit Union") handles your use of an API linkage company's service through the financial institution API the Credit Union provides.`,
      'By the API linkage authentication you agree that the Credit Union provides your account and transaction information to the API linkage company, and you operate at your own responsibility.',
      'The authorization period is 30 days. You can end the linkage at any time by contacting the Credit Union.',
      `For details please contact the Credit Union (${phone}, ${hours}).`,
    ],
  },
  mail: {
    subject: (name: string) => `[${name}] API linkage authentication completed`,
    greeting: (name: string) => `Thank you for banking with ${name}.`,
    completed: 'This is to let you know that an API linkage authentication has been completed.',
    client: 'Linked with:    ',
    account: 'Account:        ',
    completedAt: 'Completed at:   ',
    expiresAt: 'Authorized until: ',
    notYou: 'If you did not do this, please contact us at once:',
    contact: (name: string, department: string, phone: string, hours: string) => `${name}, ${department}, phone ${phone} (${hours})`,
    sendOnly: '* This mail is sent from a send-only address. Replies cannot be answered.',
    dateLocale: 'en-GB',
    timeZone: ' (JST)',
  },
}

export const messagesByLang: Readonly<Record<Lang, Messages>> = { ja, en }

/** The Japanese table: the default language (and what the tests compare the seed's words with). */
export const messages = ja
