import type { Language } from '../i18n/languages'

/**
 * What a response-letter template may ask for. The handler's editor fills them
 * from the case; whatever stays unfilled is shown to the handler before sending.
 */
export const letterPlaceholders = [
  /** The customer's name, as they gave it. */
  'customer',
  /** The case reference, e.g. LYON-2026-0042. */
  'reference',
  /** The decision in the handler's words. */
  'decision',
  /** What the customer is offered, with amounts formatted in the letter's language. */
  'compensation',
  /** The corrective measures, one per line. */
  'measures',
  /** The organisation's name. */
  'organisation',
  /** Who handled the case. */
  'handler',
  /** The day the complaint was received, formatted in the letter's language. */
  'date',
] as const
export type LetterPlaceholder = (typeof letterPlaceholders)[number]

export type LetterValues = Readonly<Partial<Record<LetterPlaceholder, string>>>

/** A letter before its placeholders are filled. */
export interface LetterTemplate {
  readonly subject: string
  readonly body: string
}

/** The decision letter as the organisation sends it, in the customer's language; editable before sending. */
export const builtInLetterTemplates: Readonly<Record<Language, LetterTemplate>> = {
  en: {
    subject: 'Your complaint {{reference}} – our decision',
    body: `Dear {{customer}},

Thank you for your complaint of {{date}}, registered under reference {{reference}}, and for your patience while we looked into it. We have now completed our investigation and are writing to let you know the outcome.

Our decision: {{decision}}

To put things right, we offer you: {{compensation}}

So that this does not happen again, we are taking the following measures:
{{measures}}

If you have any question about this decision, or if you disagree with it, please reply to this letter quoting reference {{reference}}. {{handler}}, who handled your complaint, will be glad to help.

We apologise for the inconvenience caused and thank you for your trust in {{organisation}}.

Yours sincerely,`,
  },
  fr: {
    subject: 'Votre réclamation {{reference}} – notre décision',
    body: `Madame, Monsieur,

Nous vous remercions de nous avoir fait part, le {{date}}, de votre réclamation enregistrée sous la référence {{reference}}, ainsi que de votre patience pendant son examen. Celui-ci est désormais terminé et nous souhaitons vous en communiquer l'issue.

Notre décision : {{decision}}

Afin de réparer le préjudice subi, nous vous proposons : {{compensation}}

Pour éviter que cette situation ne se reproduise, nous mettons en place les mesures suivantes :
{{measures}}

Si vous avez une question sur cette décision, ou si vous ne l'acceptez pas, vous pouvez répondre à ce courrier en rappelant la référence {{reference}} ; {{handler}}, qui a suivi votre dossier, reste à votre disposition.

Nous regrettons sincèrement la gêne occasionnée et vous remercions de la confiance que vous accordez à {{organisation}}.

Nous vous prions d'agréer, Madame, Monsieur, l'expression de nos salutations distinguées.`,
  },
  vi: {
    subject: 'Kết quả giải quyết khiếu nại số {{reference}}',
    body: `Kính gửi Quý khách {{customer}},

{{organisation}} trân trọng cảm ơn Quý khách đã gửi khiếu nại đến chúng tôi vào ngày {{date}} (mã hồ sơ {{reference}}) và đã kiên nhẫn chờ đợi trong thời gian chúng tôi xem xét. Chúng tôi đã hoàn tất việc xác minh và xin thông báo kết quả như sau.

Quyết định của chúng tôi: {{decision}}

Để khắc phục thiệt hại, chúng tôi xin gửi đến Quý khách: {{compensation}}

Để sự việc không tái diễn, chúng tôi đang thực hiện các biện pháp sau:
{{measures}}

Nếu Quý khách có câu hỏi hoặc chưa đồng ý với quyết định này, xin vui lòng phản hồi thư này và ghi rõ mã hồ sơ {{reference}}. {{handler}}, người trực tiếp xử lý hồ sơ, luôn sẵn sàng hỗ trợ Quý khách.

Một lần nữa, chúng tôi chân thành xin lỗi Quý khách vì sự bất tiện đã gây ra và cảm ơn Quý khách đã tin tưởng {{organisation}}.

Trân trọng,`,
  },
  ru: {
    subject: 'Решение по вашему обращению {{reference}}',
    body: `Уважаемый(ая) {{customer}}!

Благодарим вас за обращение от {{date}} (номер {{reference}}) и за терпение, проявленное во время его рассмотрения. Мы завершили проверку и сообщаем вам о принятом решении.

Наше решение: {{decision}}

В качестве возмещения мы предлагаем вам: {{compensation}}

Чтобы подобное не повторилось, мы принимаем следующие меры:
{{measures}}

Если у вас есть вопросы по этому решению или вы с ним не согласны, ответьте, пожалуйста, на это письмо, указав номер обращения {{reference}}. На ваши вопросы ответит сотрудник, который занимался вашим обращением: {{handler}}.

Приносим извинения за доставленные неудобства и благодарим вас за доверие к {{organisation}}.

С уважением,`,
  },
}

const placeholderPattern = /\{\{\s*([\w.-]+)\s*\}\}/g

function isPlaceholder(name: string): name is LetterPlaceholder {
  return (letterPlaceholders as readonly string[]).includes(name)
}

/**
 * Replaces the known placeholders that have a value, in one pass (a value that
 * itself contains "{{…}}" stays as written). Unknown placeholders and known ones
 * without a value stay visible, so the handler sees what is left to write.
 */
export function fillText(text: string, values: LetterValues): string {
  return text.replace(placeholderPattern, (whole, name: string) => {
    const value = isPlaceholder(name) ? values[name] : undefined
    return value === undefined ? whole : value
  })
}

/** Fills a text, or a template's subject and body, as `fillText` does. */
export function fillTemplate(template: string, values: LetterValues): string
export function fillTemplate(template: LetterTemplate, values: LetterValues): LetterTemplate
export function fillTemplate(template: string | LetterTemplate, values: LetterValues): string | LetterTemplate {
  if (typeof template === 'string') return fillText(template, values)
  return { subject: fillText(template.subject, values), body: fillText(template.body, values) }
}

/** Placeholder names still in the text, each once, in order of appearance: the letter is not ready while any remain. */
export function unfilledPlaceholders(text: string): string[] {
  return [...new Set([...text.matchAll(placeholderPattern)].map((m) => m[1] ?? ''))]
}
