// The footer's targets: API利用規定 and よくあるご質問 (seed 004, 10.), served here so the pages link nowhere else.
import { html, type Html } from '../html.ts'
import { institution } from '../institution.ts'
import { page } from './layout.ts'

const qa = (q: string, a: readonly string[]) => html`<div class="qa"><p class="q">${q}</p>${a.map((line) => html`<p class="a">${line}</p>`)}</div>`

export function faqPage(): Html {
  const body = html`
<section class="summary"><h2>1. 認証前</h2>
${qa('(Q1) 信用組合に届け出した電話番号がどれだか分からない (忘れた)。', ['お口座のある店舗にお問い合わせください。'])}
</section>
<section class="summary"><h2>2. 認証完了後</h2>
${qa('(Q1) API連携認証で、暗証番号を複数回間違えてロックされてしまった。ATMからの出金取引なども制限されてしまうのか。', ['ロックされるのはAPI連携認証だけです。その他のお取引には制限はかかりません。'])}
${qa('(Q2) 本人認証情報を複数回誤り「お取扱いができなくなりました。」というメッセージが出力した。', ['本人認証情報を複数回誤りますと一時的に閉塞状態となります。閉塞状態は翌日0時に解除されます。'])}
${qa('(Q3) 認証操作が完了したがメールが届かない。', ['スマートフォンのメール受信設定等にて当信用組合からのメールを受信できるよう設定をお願い致します。'])}
</section>
<section class="summary"><h2>3. サービスについて</h2>
${qa('(Q1) API連携認証がサービス時間外となる時間を確認したい', [
  '以下の時間についてはサービス時間外となります。',
  '①毎日0時から1分程度',
  '②毎日4時から数分程度',
  '③毎月第1および第3月曜日の2:00~6:00',
  '④毎月第2および第4日曜日の前日23:50~翌7:00',
  '⑤1月1日~3日の0:00~8:00、19:00~24:00',
  '⑥その他システムメンテナンスの場合',
])}
${qa('(Q2) 取引明細で照会できる取引日の範囲は。', ['当信用組合システムでは約3か月分の取引明細を保有していますので、その範囲の中で確認が可能です。'])}
${qa('(Q4) これまで本アプリの認証で使っていた口座を別の店舗に移動(移管)した。どうすればよいか。', [
  '口座の移管後は、旧店舗・旧口座番号でのアプリ利用(情報更新、API連携認証)は不可となります。',
  'アプリを継続して利用する場合は、新店舗・新口座番号で、API連携認証を行う必要があります。',
])}
</section>
<section class="summary"><h2>お問い合わせ先</h2>
<p>${institution.name} ${institution.contactDepartment}<br>電話番号：${institution.contactPhone}<br>※. ${institution.contactHours}の対応となります。</p>
</section>`
  return page({ screenId: 'SOA291', title: 'よくあるご質問', plainTitle: true, body })
}

export function termsPage(): Html {
  const body = html`
<section class="summary"><h2>API利用規定</h2>
<p>本規定は、${institution.name}（以下「当信用組合」）が提供する金融機関APIを利用して、お客様がAPI連携事業者のサービスを利用する場合の取扱いを定めるものです。</p>
<p>お客様は、API連携認証において当信用組合の口座情報・明細情報をAPI連携事業者に提供することに同意したうえで、お客様自身の責任において操作するものとします。</p>
<p>認可期間は30日です。当信用組合へ連絡することで、いつでも連携を解除することができます。</p>
<p>詳しくは当信用組合の窓口（${institution.contactPhone}、${institution.contactHours}）へお問い合わせください。</p>
</section>`
  return page({ screenId: 'SOA292', title: 'API利用規定', plainTitle: true, body })
}
