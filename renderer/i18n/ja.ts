// Japanese, the app's first language. Screen titles and button labels are the manual's own words (seed 000);
// the rest is written in the same voice. Placeholders are {name}.
export const ja = {
  'app.name': 'ワンタイムパスワードアプリ',
  'common.back': '戻る',
  'common.next': '次へ',
  'common.loading': '読み込み中…',
  'common.communicating': '通信中…',
  'lang.switch': 'English',
  'lang.switchLabel': 'Switch the display language to English',

  'title.startup': 'ワンタイムパスワードアプリ',
  'title.setup': '初期設定',
  'title.add': 'トークン追加',
  'title.setupDone': '初期設定完了',
  'title.addDone': 'トークン追加完了',
  'title.suffix': 'トークン表示名設定',
  'title.otp': 'ワンタイムパスワード',
  'title.settings': '設定メニュー',
  'title.error': 'エラー',

  'tab.otp': 'ワンタイムパスワード',
  'tab.tokens': 'トークン選択',
  'tab.settings': '設定',
  'tab.navLabel': '画面切り替え',

  'setup.lead': 'メールに記載のサービスID・ユーザIDと、ご利用申請時に入力した利用開始パスワードを入力してください。',
  'setup.serviceId': 'サービスID',
  'setup.serviceIdHint': 'メールに記載',
  'setup.userId': 'ユーザID',
  'setup.userIdHint': 'メールに記載',
  'setup.password': '利用開始パスワード',
  'setup.passwordHint': 'ワンタイムパスワード認証サービスの提供サイトでの申請時に入力したもの',
  'setup.termsTitle': 'ご利用にあたって',
  'setup.terms':
    '本アプリは、当組合のワンタイムパスワード認証サービスの利用規定に基づいてご利用いただけます。表示されるワンタイムパスワードおよび入力した利用開始パスワードは、第三者に教えたり知られたりしないよう、お客様ご自身で厳重に管理してください。本アプリを登録したパソコンを紛失・譲渡する場合や、不正利用のおそれがある場合は、すみやかにお客様センターへご連絡ください。',
  'setup.agree': '上記の内容に同意する',
  'setup.submit': '送信',

  'done.setup': '初期設定が完了しました。',
  'done.add': 'トークン追加が完了しました。',
  'done.nextHint': '[次へ]を選択して、トークン表示名を設定してください。',
  'done.tokenName': 'トークン表示名',

  'suffix.current': 'トークン表示名',
  'suffix.token': 'トークン',
  'suffix.input': '変更後の追加文言',
  'suffix.hint': '8文字以内（全角・半角）。空欄にして登録すると、トークン表示名の後ろに追加文言は表示されません。',
  'suffix.tooLong': '8文字以内で入力してください。',
  'suffix.invalid': '使用できない文字が含まれています。',
  'suffix.preview': '変更後のトークン表示名：{name}',
  'suffix.submit': '登録',
  'suffix.saved': 'トークン表示名が変更されました。',

  'otp.codeLabel': 'ワンタイムパスワード',
  'otp.countdownLabel': 'パスワード変更まで',
  'otp.secondsUnit': '秒',
  'otp.secondsAria': '次のパスワードに変わるまで{n}秒',
  'otp.serial': 'シリアル№: {serial}',
  'otp.expiry': '有効期限：{date}',
  'otp.copy': 'コピー',
  'otp.copyLabel': 'ワンタイムパスワードをコピー',
  'otp.copied': 'コピーしました（30秒後に消去されます）',
  'otp.copyFailed': 'コピーできませんでした。',
  'otp.openSite': '{name}のWebサイトへ移動',
  'otp.logoAlt': '{name}',

  'settings.addToken': 'トークン追加',
  'settings.deleteToken': 'トークン削除',
  'settings.displayName': 'トークン表示名設定',
  'settings.appLock': 'アプリロック設定',
  'settings.correction': 'パスワード補正',
  'settings.version': 'バージョン情報',

  'error.code': 'エラーコード',
  'error.remedy': '対処方法',
  'error.correlation': 'お問い合わせ番号',
  'error.correlationHint': 'お問い合わせの際は、この番号をお伝えください。',
  'error.back': '戻る',
  'error.reset': '最初の画面に戻る',
} as const

export type MessageKey = keyof typeof ja
export type Messages = Record<MessageKey, string>
