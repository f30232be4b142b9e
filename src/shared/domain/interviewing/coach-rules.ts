/**
 * The leading-question coach's knowledge, as data: per language, the question forms
 * it flags and how a flagged question is recast as an open prompt. The engine
 * (coach.ts) knows nothing about any language; adding a form is adding a rule here.
 *
 * Patterns are matched against the NFC form of the question with the flags 'iu'
 * (the engine adds 'g' and 'd'). They must stay linear on any input: a `start`
 * rule only ever sees the first characters of the question and an `end` rule the
 * last ones (so `^…\s*` and `…\s*$` cost nothing on a long text), and an
 * `anywhere` rule must begin with a literal word, never with `\s*` or `.*`.
 */
import type { Language } from '../../i18n/languages'

/** What is wrong with a question, from worst to mildest. */
export const coachKinds = ['leading', 'forced_choice', 'closed', 'multiple'] as const
export type CoachKind = (typeof coachKinds)[number]

/** Where a rule's pattern may match (see the file comment for why this matters). */
export type RuleScope = 'start' | 'end' | 'anywhere'

/**
 * How the rest of the question is recast once the frames are removed: `clause` (what
 * is left is a statement), `topic` (a fragment, announced after a colon), `first` (two
 * questions in one: keep the first).
 */
export type Recast = 'clause' | 'topic' | 'first'

export interface CoachRule {
  /** Stable identifier, `<language>.<form>`; tests and the UI key on it, never on the pattern. */
  readonly id: string
  readonly kind: CoachKind
  /** Where the pattern may match. */
  readonly scope: RuleScope
  /**
   * The form, flags 'iu'. The whole match is highlighted unless a named group `flag`
   * narrows it; the named group `frame` (else the whole match) is what replaceWith replaces.
   */
  readonly pattern: RegExp
  /**
   * What the frame becomes in the proposition; `{name}` inserts that named group, lower-cased
   * ("Didn't you" → "{subject} {aux}" → "you did"). Absent: the frame stays as it is.
   */
  readonly replaceWith?: string
  /** How the proposition is recast when this rule decides the suggestion. */
  readonly recast: Recast
}

export interface LanguageCoach {
  /**
   * In priority order: when two flags overlap, the earlier rule's is kept. A `multiple`
   * flag spans a whole question, so it may contain the flags of that question.
   */
  readonly rules: readonly CoachRule[]
  /** Open prompts; `{proposition}` is the question without its leading frame. */
  readonly templates: {
    /** For a statement ("the driver left the parcel outside"). */
    readonly clause: string
    /** For a fragment ("the parcel damaged"). */
    readonly topic: string
    /** When nothing of the question is left to keep. */
    readonly fallback: string
  }
  /** First words written in lower case inside a sentence (articles, pronouns, common nouns). */
  readonly lowercaseStarts: readonly string[]
  /** Words that open a question without adding to it ("so", "alors"); dropped from the proposition's start. */
  readonly fillers: readonly string[]
  /** Question particles dropped from the proposition's end (Vietnamese "không", "à"…). */
  readonly trailingParticles: readonly string[]
}

// Unicode-aware word edges: \b only knows ASCII letters, so it cannot see the end of "là" or "ли".
const B = '(?<![\\p{L}\\p{M}\\p{N}])'
const E = '(?![\\p{L}\\p{M}\\p{N}])'
// Typed, typographic and modifier apostrophes (French keyboards and word processors differ).
const A = "['’ʼ]"
// Hyphens, including the non-breaking one some editors insert in "n'est-ce".
const H = '[-‐‑]'
// A question mark, ASCII or full-width, with whatever spacing French typography puts before it.
const Q = '\\s*[?？]+\\s*$'

const re = (source: string): RegExp => new RegExp(source, 'iu')

/**
 * Two questions in one: the second question is highlighted and the first is kept as the
 * suggestion (the match starts on the first one's question mark). Each attempt starts on
 * a question mark and scans only to the next one.
 */
const multiple = (language: Language): CoachRule => ({
  id: `${language}.two_questions`,
  kind: 'multiple',
  scope: 'anywhere',
  pattern: re('[?？](?<flag>\\s*[^?？\\s][^?？]*[?？])'),
  recast: 'first',
})

const englishAux = 'did|do|does|was|were|is|are|have|has|had|could|would|should|must|might'
// "Could you tell me…" asks for an account, not a yes or no.
const politeRequest = `(?!(?:can|could|would|will)\\s+you\\s+(?:please\\s+)?(?:tell|describe|explain|walk|talk|show|say|give|list|outline|share|help)${E})`

const en: LanguageCoach = {
  rules: [
    {
      id: 'en.is_it_true_that',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(
        `${B}(?:is\\s+it\\s+not|isn${A}?t\\s+it|is\\s+it|was\\s+it\\s+not|wasn${A}?t\\s+it|was\\s+it)\\s+(?:true|the\\s+case|correct|a\\s+fact|so)\\s+that${E}`,
      ),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'en.would_you_agree',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(
        `${B}(?:(?:wouldn${A}?t|would|don${A}?t)\\s+you\\s+(?:not\\s+)?(?:agree|accept)|(?:wouldn${A}?t|don${A}?t)\\s+you\\s+think|would\\s+you\\s+not\\s+think)(?:\\s+that${E})?(?:\\s*,)?`,
      ),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'en.negative_question',
      kind: 'leading',
      scope: 'start',
      pattern: re(
        `^\\s*(?:so\\s*,?\\s*|and\\s+|but\\s+)?(?<aux>${englishAux})n${A}?t\\s+(?<subject>you|he|she|they|we|it)${E}`,
      ),
      replaceWith: '{subject} {aux}',
      recast: 'clause',
    },
    {
      id: 'en.negative_question_not',
      kind: 'leading',
      scope: 'start',
      pattern: re(
        `^\\s*(?:so\\s*,?\\s*|and\\s+|but\\s+)?(?<aux>${englishAux})\\s+(?<subject>you|he|she|they|we|it)\\s+not${E}`,
      ),
      replaceWith: '{subject} {aux}',
      recast: 'clause',
    },
    {
      id: 'en.i_suppose',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(
        `${B}i\\s+(?:suppose|assume|presume|take\\s+it|imagine|guess|bet)(?:\\s+that)?\\s+(?<subject>you|he|she|they|we)${E}`,
      ),
      replaceWith: '{subject}',
      recast: 'clause',
    },
    {
      id: 'en.must_have',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}(?<subject>you|they|we)\\s+must\\s+have${E}`),
      replaceWith: '{subject} have',
      recast: 'clause',
    },
    {
      id: 'en.must_have_3rd',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}(?<subject>he|she|it)\\s+must\\s+have${E}`),
      replaceWith: '{subject} has',
      recast: 'clause',
    },
    {
      id: 'en.surely',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}(?:surely|obviously|of\\s+course)${E}(?:\\s*,)?`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'en.tag_negative',
      kind: 'leading',
      scope: 'end',
      pattern: re(
        `,?\\s*${B}(?:(?:${englishAux}|are)n${A}?t|won${A}?t|can${A}?t|ain${A}?t)\\s+(?:you|he|she|it|they|we|i|there|that)${Q}`,
      ),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'en.tag_positive',
      kind: 'leading',
      scope: 'end',
      pattern: re(`,\\s*(?:${englishAux}|will|can)\\s+(?:you|he|she|it|they|we|there|that)${Q}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'en.tag_word',
      kind: 'leading',
      scope: 'end',
      pattern: re(
        `,\\s*(?:right|correct|true|yes|yeah|ok|okay|no|eh|am\\s+i\\s+right|(?:is|isn${A}?t)\\s+that\\s+(?:right|so|true|correct))${Q}`,
      ),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'en.either_or',
      kind: 'forced_choice',
      scope: 'start',
      pattern: re(
        `^\\s*(?<frame>(?:was|were|is|are|did|do|does|had|has|have|will|would|could|should|can)(?:\\s+(?:it|there|that|this|you|he|she|they|we))?)${E}[^?？.!]*?\\s+or${E}`,
      ),
      replaceWith: '',
      recast: 'topic',
    },
    {
      id: 'en.closed_pronoun',
      kind: 'closed',
      scope: 'start',
      pattern: re(
        `^\\s*(?:so\\s*,?\\s*|and\\s+)?${politeRequest}(?<aux>${englishAux}|will|can|shall|may)\\s+(?<subject>you|he|she|it|they|we)${E}`,
      ),
      replaceWith: '{subject} {aux}',
      recast: 'clause',
    },
    {
      id: 'en.closed',
      kind: 'closed',
      scope: 'start',
      pattern: re(`^\\s*(?:so\\s*,?\\s*|and\\s+)?${politeRequest}(?:${englishAux}|will|can|shall|may)${E}`),
      replaceWith: '',
      recast: 'topic',
    },
    multiple('en'),
  ],
  templates: {
    clause: 'What can you tell me, in your own words, about whether {proposition}?',
    topic: 'Describe, in your own words, what happened regarding: {proposition}.',
    fallback: 'Tell me, in your own words, what happened.',
  },
  lowercaseStarts: [
    'the',
    'a',
    'an',
    'you',
    'he',
    'she',
    'it',
    'they',
    'we',
    'this',
    'that',
    'these',
    'those',
    'there',
    'my',
    'your',
    'his',
    'her',
    'its',
    'their',
    'our',
    'someone',
    'somebody',
    'nobody',
    'no',
    'every',
    'all',
  ],
  fillers: ['so', 'and', 'but', 'now', 'well', 'okay', 'ok', 'then'],
  trailingParticles: [],
}

// "nous" is left out: "Décrivez-nous…" is an imperative, not an inversion.
const frSubject = 'vous|il|elle|ils|elles|on|tu'
// A question, not an imperative ("Rappelez-vous…"), as far as the start window shows.
const frAsks = '(?=[^?？]*[?？])'
const frQue = `qu(?:e${E}|${A}\\s*)`

const fr: LanguageCoach = {
  rules: [
    {
      id: 'fr.n_est_ce_pas',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}n${A}\\s*est${H}?\\s*ce\\s+pas${E}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'fr.il_est_vrai_que',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(
        `${B}(?:(?:n${A}\\s*)?est${H}il(?:\\s+pas)?|il\\s+est|c${A}\\s*est|est${H}ce)\\s+(?:vrai|exact)\\s+${frQue}`,
      ),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'fr.ne_pensez_vous_pas',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(
        `${B}(?:ne\\s+(?:pensez|trouvez|croyez|diriez)${H}vous\\s+pas|vous\\s+ne\\s+(?:pensez|trouvez|croyez)\\s+pas)(?:\\s*,\\s*|\\s+)${frQue}`,
      ),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'fr.negative_inversion',
      kind: 'leading',
      scope: 'start',
      pattern: re(
        `^\\s*(?:et\\s+|donc\\s+|alors\\s*,?\\s*)?n${A}\\s*(?<verb>\\p{L}+)${H}(?:t${H})?(?<subject>${frSubject})\\s+pas${E}`,
      ),
      replaceWith: '{subject} {verb}',
      recast: 'clause',
    },
    {
      id: 'fr.avouez_que',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}(?:avouez|admettez|reconnaissez|convenez)(?:\\s+(?:donc|bien))?\\s+${frQue}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'fr.bien_statement',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(
        `${B}(?<keep>(?:vous|tu|il|elle|on|ils|elles)\\s+(?:avez|as|a|ont|êtes|es|est|sont|aviez|avais|avait|avaient|étiez|étais|était|étaient))\\s+bien${E}`,
      ),
      replaceWith: '{keep}',
      recast: 'clause',
    },
    {
      id: 'fr.bien_inversion',
      kind: 'leading',
      scope: 'start',
      pattern: re(`^\\s*(?<verb>\\p{L}+)${H}(?:t${H})?(?<subject>${frSubject})\\s+bien${E}${frAsks}`),
      replaceWith: '{subject} {verb}',
      recast: 'clause',
    },
    {
      id: 'fr.surely',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}(?:sûrement|forcément|évidemment|bien\\s+sûr|certainement)${E}(?:\\s*,)?`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'fr.tag',
      kind: 'leading',
      scope: 'end',
      pattern: re(
        `,\\s*(?:non|hein|oui|pas\\s+vrai|vrai|exact|d${A}\\s*accord|n${A}\\s*est${H}?\\s*il\\s+pas|c${A}\\s*est\\s+(?:bien\\s+)?(?:ça|cela|exact|vrai))${Q}`,
      ),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'fr.either_or',
      kind: 'forced_choice',
      scope: 'start',
      pattern: re(
        `^\\s*(?<frame>est${H}?\\s*ce\\s+${frQue}(?:\\s*c${A}\\s*(?:était|est)\\s+)?|(?:était|est)${H}ce${E}|\\p{L}+${H}(?:t${H})?(?:${frSubject})${E})[^?？.!]*?\\s+ou${E}`,
      ),
      replaceWith: '',
      recast: 'topic',
    },
    {
      id: 'fr.est_ce_que',
      kind: 'closed',
      scope: 'start',
      pattern: re(`^\\s*(?:et\\s+|donc\\s+|alors\\s*,?\\s*)?est${H}?\\s*ce\\s+${frQue}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'fr.closed_inversion',
      kind: 'closed',
      scope: 'start',
      pattern: re(
        `^\\s*(?:et\\s+|donc\\s+|alors\\s*,?\\s*)?(?!(?:pouvez|pourriez|voulez|voudriez)${H}vous\\s+(?:me\\s+|nous\\s+)?(?:dire|décrire|raconter|expliquer|préciser|montrer|indiquer|détailler|parler)${E})(?<verb>\\p{L}+)${H}(?:t${H})?(?<subject>${frSubject})${E}${frAsks}`,
      ),
      replaceWith: '{subject} {verb}',
      recast: 'clause',
    },
    multiple('fr'),
  ],
  templates: {
    clause: 'Racontez-moi, avec vos propres mots, ce qui s’est passé à ce sujet\u00a0: {proposition}.',
    topic: 'Décrivez, avec vos propres mots, ce que vous savez de ceci\u00a0: {proposition}.',
    fallback: 'Racontez-moi, avec vos propres mots, ce qui s’est passé.',
  },
  lowercaseStarts: [
    'le',
    'la',
    'les',
    "l'",
    'l’',
    'un',
    'une',
    'des',
    'du',
    'vous',
    'il',
    'elle',
    'ils',
    'elles',
    'on',
    'ce',
    'cet',
    'cette',
    'ces',
    'mon',
    'ma',
    'mes',
    'votre',
    'vos',
    'son',
    'sa',
    'ses',
    'leur',
    'leurs',
    'quelqu’un',
    "quelqu'un",
    'personne',
  ],
  fillers: ['donc', 'alors', 'et', 'mais', 'bon', 'bref', 'ainsi'],
  trailingParticles: [],
}

const ruSubject = 'вы|он|она|они|мы|оно|ты|это'

const ru: LanguageCoach = {
  rules: [
    {
      id: 'ru.ne_tak_li',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}не\\s+(?:так|правда|верно)\\s+ли${E}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'ru.pravda_li_chto',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}(?:правда|верно)\\s+ли(?:\\s*,\\s*|\\s+)что${E}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'ru.razve_vy_ne',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}разве\\s+(?<subject>${ruSubject})\\s+не${E}`),
      replaceWith: '{subject}',
      recast: 'clause',
    },
    {
      id: 'ru.razve',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}(?:разве|неужели)(?:\\s+не)?${E}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'ru.vy_ved',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}(?:(?<subject>${ruSubject})\\s+(?:ведь|же)|ведь\\s+(?<subject2>${ruSubject}))${E}`),
      replaceWith: '{subject}{subject2}',
      recast: 'clause',
    },
    {
      id: 'ru.ved',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}ведь${E}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'ru.soglasites',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}(?:согласитесь|признайте|признайтесь)${E}(?:(?:\\s*,\\s*|\\s+)что${E})?(?:\\s*,)?`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'ru.ne_kazhetsya',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(
        `${B}(?:не\\s+кажется\\s+ли\\s+вам|вам\\s+не\\s+кажется|вы\\s+не\\s+считаете|не\\s+считаете\\s+ли\\s+вы)(?:\\s*,\\s*|\\s+)что${E}`,
      ),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'ru.konechno',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}(?:конечно(?:\\s+же)?|наверняка|несомненно|безусловно|очевидно)${E}(?:\\s*,)?`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'ru.tag',
      kind: 'leading',
      scope: 'end',
      pattern: re(`,\\s*(?:да|правда|верно|так|ведь\\s+так|не\\s+так|согласны|согласитесь)${Q}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'ru.either_or',
      kind: 'forced_choice',
      scope: 'start',
      pattern: re(`^\\s*(?<frame>\\p{L}+\\s+ли|это\\s+(?:был|была|было|были))${E}[^?？.!]*?\\s+(?:или|либо)${E}`),
      replaceWith: '',
      recast: 'topic',
    },
    {
      id: 'ru.closed_li_pronoun',
      kind: 'closed',
      scope: 'start',
      pattern: re(
        `^\\s*(?:а\\s+|и\\s+|итак\\s*,?\\s*)?(?!(?:можете|могли|не\\s+могли)\\s+ли\\s+вы(?:\\s+бы)?\\s+(?:рассказать|описать|объяснить|уточнить|припомнить|вспомнить)${E})(?<verb>\\p{L}+)\\s+ли\\s+(?<subject>${ruSubject})${E}`,
      ),
      replaceWith: '{subject} {verb}',
      recast: 'clause',
    },
    {
      id: 'ru.closed_li',
      kind: 'closed',
      scope: 'start',
      pattern: re(
        `^\\s*(?:а\\s+|и\\s+|итак\\s*,?\\s*)?(?!(?:можете|могли)\\s+ли\\s+вы(?:\\s+бы)?\\s+(?:рассказать|описать|объяснить|уточнить|припомнить|вспомнить)${E})(?<verb>\\p{L}+)\\s+ли${E}`,
      ),
      replaceWith: '{verb}',
      recast: 'topic',
    },
    multiple('ru'),
  ],
  templates: {
    clause: 'Расскажите своими словами, как всё происходило в связи со следующим: {proposition}.',
    topic: 'Опишите своими словами, что вам известно о следующем: {proposition}.',
    fallback: 'Расскажите своими словами, как всё происходило.',
  },
  lowercaseStarts: [
    'вы',
    'вам',
    'вас',
    'ваш',
    'ваша',
    'ваше',
    'ваши',
    'он',
    'она',
    'оно',
    'они',
    'мы',
    'его',
    'её',
    'ее',
    'их',
    'им',
    'ему',
    'ей',
    'это',
    'этот',
    'эта',
    'эти',
    'тот',
    'та',
    'те',
    'кто-то',
    'никто',
    'продавец',
    'продавщица',
    'курьер',
    'кассир',
    'кассирша',
    'сотрудник',
    'сотрудница',
    'сотрудники',
    'менеджер',
    'водитель',
    'охранник',
    'консультант',
    'оператор',
    'мастер',
    'товар',
    'посылка',
    'заказ',
    'счёт',
    'счет',
    'оплата',
    'доставка',
    'деньги',
    'компания',
    'магазин',
    'клиент',
    'покупатель',
    'чек',
    'платёж',
    'платеж',
  ],
  fillers: ['итак', 'так', 'и', 'а', 'но', 'значит', 'ну'],
  trailingParticles: [],
}

const vi: LanguageCoach = {
  rules: [
    {
      id: 'vi.phai_khong',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(
        `${B}(?:có\\s+)?(?:phải|đúng)\\s+(?:không|chứ|chưa|vậy\\s+không)(?:\\s+(?:ạ|nào|nhỉ|anh|chị|em|ông|bà|cô|chú))?${E}`,
      ),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'vi.co_dung_la',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}có\\s+(?:đúng|thật|thực|phải)\\s+(?:là|rằng)${E}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'vi.dung_la',
      kind: 'leading',
      scope: 'start',
      pattern: re(`^\\s*(?:có\\s+phải|(?:đúng|thật)\\s+là)${E}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'vi.chang_phai',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}(?:chẳng|chả)\\s+phải(?:\\s+là)?${E}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'vi.chac_chan_la',
      kind: 'leading',
      scope: 'anywhere',
      pattern: re(`${B}(?:chắc\\s+chắn\\s+(?:là|rằng)|chắc\\s+hẳn(?:\\s+là)?|hẳn\\s+là|rõ\\s+ràng\\s+là)${E}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'vi.tag_particle',
      kind: 'leading',
      scope: 'end',
      pattern: re(`,?\\s*${B}(?:à|hả|nhỉ|chứ\\s+gì|chứ|hay\\s+sao|phỏng)${Q}`),
      replaceWith: '',
      recast: 'clause',
    },
    {
      id: 'vi.hay_la',
      kind: 'forced_choice',
      scope: 'anywhere',
      pattern: re(`${B}(?:hay|hoặc)\\s+là${E}`),
      recast: 'topic',
    },
    {
      id: 'vi.co_khong',
      kind: 'closed',
      scope: 'end',
      pattern: re(`,?\\s*${B}(?:hay\\s+)?(?:không|chưa)(?:\\s+(?:ạ|vậy|anh|chị|ông|bà|em|cô|chú))?${Q}`),
      replaceWith: '',
      recast: 'clause',
    },
    multiple('vi'),
  ],
  templates: {
    clause: 'Anh/chị hãy kể lại bằng lời của mình chuyện gì đã xảy ra liên quan đến việc {proposition}.',
    topic: 'Anh/chị hãy mô tả bằng lời của mình những gì anh/chị biết về: {proposition}.',
    fallback: 'Anh/chị hãy kể lại bằng lời của mình chuyện gì đã xảy ra.',
  },
  lowercaseStarts: [
    'anh',
    'chị',
    'em',
    'ông',
    'bà',
    'cô',
    'chú',
    'bạn',
    'quý',
    'họ',
    'nó',
    'tôi',
    'chúng',
    'người',
    'nhân',
    'cửa',
    'hàng',
    'đơn',
    'hoá',
    'hóa',
    'tài',
    'bên',
    'công',
    'khách',
    'sản',
    'gói',
    'tiền',
    'việc',
    'lúc',
    'khi',
    'hôm',
    'đó',
    'cái',
    'một',
    'các',
    'những',
  ],
  fillers: ['vậy', 'thế', 'và', 'nhưng', 'thế thì', 'vậy thì', 'còn'],
  trailingParticles: ['hay không', 'không', 'chưa', 'hay sao', 'sao', 'à', 'hả', 'nhỉ', 'chứ', 'ạ', 'nhé'],
}

/** The coach's data for each language Redress speaks. */
export const coachLanguages: Readonly<Record<Language, LanguageCoach>> = { en, fr, vi, ru }
