// Every sentence the API linkage pages show, in the seed's words (seed 004). Sentences the seed does not have
// are marked as ours.

export const messages = {
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
  callExpired: '120秒経過後の「確定する」ボタン選択は無効となります。',
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
} as const

export type MessageKey = keyof typeof messages
