// OTP-28: よくある質問 in the app against the manual's 4.1 and 4.2 (the seed's chapter 4, checked in verbatim under
// test/fixtures and compared with the seed by error-catalog-manual.test.ts). Where the app says パソコン the manual
// says スマートフォン; answers that are the desktop equivalent of a phone-only one carry a note that says so.
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { errorCatalog } from '@shinkumi/common/errors.ts'
import { faq, memoryTable } from '@shinkumi/common/help/faq.ts'

const manual = fs.readFileSync(new URL('../fixtures/manual-000-section4.txt', import.meta.url), 'utf8')
/** The manual's text as one string: no markup, no line breaks or spaces (the PDF's text breaks lines anywhere). */
const flat = manual.replace(/<[^>]+>/g, '').replace(/\s/g, '')
const asManual = (text: string) => text.replaceAll('パソコン', 'スマートフォン').replace(/\s/g, '')

describe('OTP-28 よくある質問 = manual 4.1 and 4.2', () => {
  it('has every question of 4.2, each in the manual’s words (パソコン for スマートフォン)', () => {
    const questions = faq.map((entry) => entry.question.ja)
    expect(new Set(faq.map((entry) => entry.id)).size).toBe(faq.length)
    for (const question of questions) expect(flat).toContain(asManual(question))
    // The 4.2 table's question cells, as the manual has them (the download center's Q spans two pages).
    const manualQuestions = new Set(
      manual
        .slice(manual.indexOf('4.2 よくある質問'), manual.indexOf('4.3 エラー表示一覧'))
        .split('\n')
        .flatMap((line) => {
          const tabbed = /^(.+?)\t/.exec(line)?.[1]
          return tabbed && tabbed !== 'Q' ? [tabbed.replace(/<[^>]+>/g, '').replace(/\s/g, '')] : []
        })
        .concat(['本アプリのダウンロードセンターについて。', '本アプリのダウンロードが出来ない。', 'キャリアに問い合わせしたい。']),
    )
    expect(questions.map(asManual).sort()).toEqual([...manualQuestions].sort())
  })

  it('answers in the manual’s words, except the desktop equivalents, which say so', () => {
    for (const entry of faq) {
      if (entry.desktopNote) {
        const text = entry.answer.ja.join('')
        expect(text, entry.id).not.toMatch(/スマートフォン|携帯電話会社|キャリア|AppStore|Google Play|電波/)
        expect(entry.desktopNote.ja, entry.id).toMatch(/^パソコン版のため、/)
      } else {
        for (const paragraph of entry.answer.ja) expect(flat, entry.id).toContain(asManual(paragraph))
      }
      expect(entry.answer.en.length, entry.id).toBe(entry.answer.ja.length)
    }
  })

  it('has the メモリ不足 table of 4.1, its message being A9EX’s', () => {
    expect(flat).toContain(`${memoryTable.check.ja}${memoryTable.remedy.ja}`)
    expect(errorCatalog.A9EX.ja.message).toBe('メモリが足りません。他のアプリを終了してから起動してください。')
  })
})
