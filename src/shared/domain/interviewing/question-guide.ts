/**
 * The built-in question guide: for each complaint category, open questions an
 * investigator puts to the parties, in each language Redress speaks. They invite an
 * account (tell, describe, explain; who, what, where, when, how) and never suggest
 * an answer or blame ("why didn't you…"); the coach checks every one of them in
 * test/unit/domain/question-guide.test.ts. Settings can edit a category's guide;
 * the stored one then replaces this one.
 */
import { languages, type Language } from '../../i18n/languages'
import type { ComplaintCategory } from '../case'
import type { QuestionGuide } from '../investigation'

type Questions = QuestionGuide['questions']

const builtIn: Readonly<Record<ComplaintCategory, Questions>> = {
  delivery: {
    en: [
      'Tell me, in your own words, what happened with this delivery from the moment you placed the order.',
      'When and where was the parcel expected to arrive?',
      'Describe what you saw when you first found the parcel.',
      'Who did you speak to about the delivery, and what was said?',
      'What messages, notifications or tracking updates did you receive about it?',
      'How was the parcel packaged, and what condition was it in when you received it?',
      'What has happened since then, and what would you like us to do now?',
      'What else should we know about this delivery?',
    ],
    fr: [
      'Racontez-moi, avec vos propres mots, ce qui s’est passé avec cette livraison depuis votre commande.',
      'Quand et où le colis devait-il être livré\u00a0?',
      'Décrivez ce que vous avez vu lorsque vous avez découvert le colis.',
      'À qui avez-vous parlé de la livraison, et que vous a-t-on dit\u00a0?',
      'Quels messages, notifications ou informations de suivi avez-vous reçus\u00a0?',
      'Comment le colis était-il emballé, et dans quel état était-il à sa réception\u00a0?',
      'Que s’est-il passé depuis, et qu’attendez-vous de nous maintenant\u00a0?',
      'Qu’aimeriez-vous ajouter au sujet de cette livraison\u00a0?',
    ],
    vi: [
      'Anh/chị hãy kể lại bằng lời của mình chuyện gì đã xảy ra với đơn hàng này, từ lúc đặt hàng.',
      'Theo thông tin anh/chị nhận được, hàng dự kiến được giao khi nào và ở đâu?',
      'Anh/chị hãy mô tả những gì anh/chị thấy khi phát hiện ra gói hàng.',
      'Anh/chị đã trao đổi với ai về việc giao hàng, và người đó đã nói gì?',
      'Anh/chị đã nhận được những tin nhắn, thông báo hoặc cập nhật nào về đơn hàng?',
      'Gói hàng được đóng gói như thế nào, và tình trạng của nó ra sao khi anh/chị nhận?',
      'Sau đó đã có chuyện gì xảy ra, và bây giờ anh/chị mong chúng tôi làm gì?',
      'Anh/chị còn muốn cho chúng tôi biết điều gì khác về lần giao hàng này?',
    ],
    ru: [
      'Расскажите своими словами, что происходило с доставкой с момента оформления заказа.',
      'Когда и куда должны были доставить посылку?',
      'Опишите, что вы увидели, когда обнаружили посылку.',
      'С кем вы говорили о доставке и что вам сказали?',
      'Какие сообщения, уведомления или данные отслеживания вы получали?',
      'Как была упакована посылка и в каком состоянии она была, когда вы её получили?',
      'Что произошло после этого и чего вы ждёте от нас сейчас?',
      'Что ещё нам важно знать об этой доставке?',
    ],
  },
  billing: {
    en: [
      'Tell me, in your own words, what you understood you would be charged and for what.',
      'Describe the charge that concerns you: the amount, the date and how it appears on your statement.',
      'When did you first notice the charge, and what did you do next?',
      'What documents, receipts or messages do you have about this payment?',
      'Who did you contact about the charge, and what were you told?',
      'How does the amount charged compare with what you expected to pay?',
      'What outcome would put this right for you?',
    ],
    fr: [
      'Expliquez-moi, avec vos propres mots, ce que vous pensiez payer et pour quoi.',
      'Décrivez le montant qui vous pose problème\u00a0: la somme, la date et la façon dont il apparaît sur votre relevé.',
      'Quand avez-vous remarqué ce prélèvement pour la première fois, et qu’avez-vous fait ensuite\u00a0?',
      'Quels documents, reçus ou messages avez-vous au sujet de ce paiement\u00a0?',
      'Qui avez-vous contacté à ce sujet, et que vous a-t-on répondu\u00a0?',
      'Comment le montant facturé se compare-t-il à ce que vous vous attendiez à payer\u00a0?',
      'Quelle solution vous semblerait juste\u00a0?',
    ],
    vi: [
      'Anh/chị hãy giải thích bằng lời của mình khoản tiền anh/chị nghĩ mình phải trả và cho việc gì.',
      'Anh/chị hãy mô tả khoản phí mà anh/chị thắc mắc: số tiền, ngày tính và cách nó hiện trên sao kê.',
      'Anh/chị phát hiện khoản phí này lần đầu khi nào, và sau đó anh/chị đã làm gì?',
      'Anh/chị có những giấy tờ, biên lai hoặc tin nhắn nào liên quan đến khoản thanh toán này?',
      'Anh/chị đã liên hệ với ai về khoản phí này, và anh/chị được trả lời ra sao?',
      'Số tiền bị tính khác với số tiền anh/chị dự kiến phải trả như thế nào?',
      'Theo anh/chị, cách giải quyết nào là thỏa đáng?',
    ],
    ru: [
      'Объясните своими словами, какую сумму вы ожидали заплатить и за что.',
      'Опишите списание, которое вызывает у вас вопросы: сумму, дату и то, как оно отражено в выписке.',
      'Когда вы впервые заметили это списание и что сделали после этого?',
      'Какие документы, чеки или сообщения об этом платеже у вас есть?',
      'К кому вы обращались по этому поводу и что вам ответили?',
      'Как списанная сумма соотносится с той, которую вы ожидали заплатить?',
      'Какое решение вы сочли бы справедливым?',
    ],
  },
  staff: {
    en: [
      'Tell me, in your own words, what happened during your contact with our staff.',
      'Where and when did this take place?',
      'Who was present, and where was each person standing?',
      'Describe what was said, as close to the actual words as you can remember.',
      'How did the conversation begin, and how did it end?',
      'How did you feel during the conversation and afterwards?',
      'Who else saw or heard what happened?',
      'What else should we know to understand what happened?',
    ],
    fr: [
      'Racontez-moi, avec vos propres mots, comment s’est déroulé votre échange avec notre personnel.',
      'Où et quand cela s’est-il passé\u00a0?',
      'Qui était présent, et où se trouvait chaque personne\u00a0?',
      'Décrivez ce qui a été dit, en reprenant les mots employés aussi fidèlement que possible.',
      'Comment la conversation a-t-elle commencé, et comment s’est-elle terminée\u00a0?',
      'Comment vous êtes-vous senti pendant cet échange et après\u00a0?',
      'Qui d’autre a vu ou entendu ce qui s’est passé\u00a0?',
      'Que devrions-nous savoir d’autre pour comprendre la situation\u00a0?',
    ],
    vi: [
      'Anh/chị hãy kể lại bằng lời của mình chuyện gì đã xảy ra khi anh/chị làm việc với nhân viên của chúng tôi.',
      'Việc này xảy ra ở đâu và vào lúc nào?',
      'Lúc đó có những ai, và mỗi người đứng ở đâu?',
      'Anh/chị hãy mô tả những gì đã được nói, càng sát với lời lẽ thực tế càng tốt.',
      'Cuộc trò chuyện bắt đầu như thế nào và kết thúc ra sao?',
      'Anh/chị cảm thấy thế nào trong và sau cuộc trò chuyện đó?',
      'Còn ai khác đã nhìn thấy hoặc nghe thấy sự việc?',
      'Chúng tôi cần biết thêm điều gì để hiểu rõ sự việc?',
    ],
    ru: [
      'Расскажите своими словами, как проходило ваше общение с нашим сотрудником.',
      'Где и когда это произошло?',
      'Кто при этом присутствовал и где находился каждый из них?',
      'Опишите, что было сказано, как можно ближе к прозвучавшим словам.',
      'Как начался разговор и чем он закончился?',
      'Что вы чувствовали во время разговора и после него?',
      'Кто ещё видел или слышал, что произошло?',
      'Что ещё нам нужно знать, чтобы понять ситуацию?',
    ],
  },
  product: {
    en: [
      'Tell me about the product: what it is, and when and where you bought it.',
      'Describe the problem you noticed, and when you first noticed it.',
      'How has the product been used, stored and cared for since you received it?',
      'What happened at the moment the problem occurred?',
      'What have you done about the problem so far, and with whom?',
      'What photos, packaging or receipts do you still have?',
      'What would you consider a fair outcome?',
    ],
    fr: [
      'Parlez-moi du produit\u00a0: ce que c’est, quand et où vous l’avez acheté.',
      'Décrivez le problème que vous avez constaté et le moment où vous l’avez remarqué.',
      'Comment le produit a-t-il été utilisé, rangé et entretenu depuis que vous l’avez reçu\u00a0?',
      'Que s’est-il passé au moment où le problème est survenu\u00a0?',
      'Qu’avez-vous fait jusqu’ici au sujet de ce problème, et auprès de qui\u00a0?',
      'Quelles photos, quel emballage ou quels justificatifs avez-vous conservés\u00a0?',
      'Quelle issue vous paraîtrait équitable\u00a0?',
    ],
    vi: [
      'Anh/chị hãy kể về sản phẩm: đó là sản phẩm gì, anh/chị mua khi nào và ở đâu.',
      'Anh/chị hãy mô tả vấn đề anh/chị gặp phải và lần đầu anh/chị nhận thấy nó là khi nào.',
      'Từ khi nhận hàng, sản phẩm đã được sử dụng và bảo quản như thế nào?',
      'Chuyện gì đã xảy ra vào lúc vấn đề xuất hiện?',
      'Đến nay anh/chị đã làm gì để xử lý vấn đề này, và đã liên hệ với ai?',
      'Anh/chị còn giữ những hình ảnh, bao bì hoặc giấy tờ nào?',
      'Theo anh/chị, hướng giải quyết nào là công bằng?',
    ],
    ru: [
      'Расскажите о товаре: что это за товар, когда и где вы его купили.',
      'Опишите неисправность и то, когда вы её впервые заметили.',
      'Как товар использовался и хранился с момента покупки?',
      'Что произошло в тот момент, когда возникла проблема?',
      'Что вы уже предприняли в связи с этой проблемой и к кому обращались?',
      'Какие фотографии, упаковка или документы у вас сохранились?',
      'Какое решение вы сочли бы справедливым?',
    ],
  },
  safety: {
    en: [
      'Tell me, in your own words, what happened, starting just before the incident.',
      'Where exactly did it happen, and what were the conditions there at the time?',
      'Who was involved or nearby, and what was each person doing?',
      'Describe any injury or damage, and any treatment or help that was given.',
      'What did you see, hear or notice just before it happened?',
      'What was done afterwards, and by whom?',
      'How are you now, and what support do you need from us?',
    ],
    fr: [
      'Racontez-moi, avec vos propres mots, ce qui s’est passé, en commençant juste avant l’incident.',
      'Où exactement cela s’est-il produit, et quelles étaient les conditions sur place à ce moment-là\u00a0?',
      'Qui était impliqué ou se trouvait à proximité, et que faisait chaque personne\u00a0?',
      'Décrivez les blessures ou les dégâts éventuels, ainsi que les soins ou l’aide apportés.',
      'Qu’avez-vous vu, entendu ou remarqué juste avant que cela arrive\u00a0?',
      'Qu’est-ce qui a été fait ensuite, et par qui\u00a0?',
      'Comment allez-vous aujourd’hui, et de quel soutien avez-vous besoin\u00a0?',
    ],
    vi: [
      'Anh/chị hãy kể lại bằng lời của mình chuyện gì đã xảy ra, bắt đầu từ ngay trước khi sự cố xảy ra.',
      'Sự việc xảy ra chính xác ở đâu, và lúc đó điều kiện ở nơi đó ra sao?',
      'Những ai có liên quan hoặc ở gần đó, và mỗi người đang làm gì?',
      'Anh/chị hãy mô tả thương tích hoặc thiệt hại (nếu có), và sự trợ giúp đã được đưa ra.',
      'Ngay trước khi sự việc xảy ra, anh/chị đã thấy, nghe hoặc nhận thấy điều gì?',
      'Sau đó những việc gì đã được thực hiện, và do ai thực hiện?',
      'Hiện giờ anh/chị thấy thế nào, và anh/chị cần chúng tôi hỗ trợ gì?',
    ],
    ru: [
      'Расскажите своими словами, что произошло, начиная с момента незадолго до происшествия.',
      'Где именно это случилось и какая там была обстановка в тот момент?',
      'Кто был участником или находился рядом и что делал каждый из них?',
      'Опишите полученные травмы или повреждения, а также помощь, которую вам оказали.',
      'Что вы видели, слышали или заметили непосредственно перед происшествием?',
      'Что было сделано после этого и кем?',
      'Как вы себя чувствуете сейчас и какая поддержка вам нужна?',
    ],
  },
  privacy: {
    en: [
      'Tell me, in your own words, what happened with your personal information.',
      'What information do you believe was shared, seen or used, and by whom?',
      'When and how did you become aware of it?',
      'Describe who you had given this information to, and for what purpose.',
      'What effect has this had on you so far?',
      'What steps have you already taken, and who have you told?',
      'What would you like us to do about it?',
    ],
    fr: [
      'Racontez-moi, avec vos propres mots, ce qui est arrivé à vos données personnelles.',
      'Selon vous, quelles informations ont été communiquées, consultées ou utilisées, et par qui\u00a0?',
      'Quand et comment en avez-vous pris connaissance\u00a0?',
      'Décrivez à qui vous aviez confié ces informations, et dans quel but.',
      'Quelles conséquences cela a-t-il eues pour vous jusqu’à présent\u00a0?',
      'Quelles démarches avez-vous déjà entreprises, et à qui en avez-vous parlé\u00a0?',
      'Qu’attendez-vous de nous à ce sujet\u00a0?',
    ],
    vi: [
      'Anh/chị hãy kể lại bằng lời của mình chuyện gì đã xảy ra với thông tin cá nhân của anh/chị.',
      'Theo anh/chị, những thông tin nào đã bị chia sẻ, xem hoặc sử dụng, và bởi ai?',
      'Anh/chị biết được việc này khi nào và bằng cách nào?',
      'Anh/chị hãy mô tả anh/chị đã cung cấp thông tin này cho ai và với mục đích gì.',
      'Việc này đã ảnh hưởng đến anh/chị như thế nào?',
      'Anh/chị đã thực hiện những bước nào, và đã báo cho những ai?',
      'Anh/chị mong chúng tôi làm gì về việc này?',
    ],
    ru: [
      'Расскажите своими словами, что произошло с вашими персональными данными.',
      'Какие сведения, по вашему мнению, были переданы, просмотрены или использованы, и кем?',
      'Когда и как вы об этом узнали?',
      'Опишите, кому вы предоставляли эти сведения и с какой целью.',
      'Как это отразилось на вас?',
      'Какие шаги вы уже предприняли и кому сообщили о случившемся?',
      'Чего вы ожидаете от нас в связи с этим?',
    ],
  },
  other: {
    en: [
      'Tell me, in your own words, what happened.',
      'When and where did this take place?',
      'Who was involved, and what part did each person play?',
      'Describe what you saw and heard at the time.',
      'What has happened since then?',
      'What records, messages or documents relate to this?',
      'What outcome are you hoping for?',
    ],
    fr: [
      'Racontez-moi, avec vos propres mots, ce qui s’est passé.',
      'Quand et où cela s’est-il passé\u00a0?',
      'Qui était impliqué, et quel rôle chaque personne a-t-elle joué\u00a0?',
      'Décrivez ce que vous avez vu et entendu sur le moment.',
      'Que s’est-il passé depuis\u00a0?',
      'Quels documents, messages ou traces se rapportent à cette situation\u00a0?',
      'Quelle issue espérez-vous\u00a0?',
    ],
    vi: [
      'Anh/chị hãy kể lại bằng lời của mình chuyện gì đã xảy ra.',
      'Việc này xảy ra khi nào và ở đâu?',
      'Những ai có liên quan, và mỗi người đóng vai trò gì?',
      'Anh/chị hãy mô tả những gì anh/chị đã thấy và nghe vào lúc đó.',
      'Từ đó đến nay đã có chuyện gì xảy ra?',
      'Có những hồ sơ, tin nhắn hoặc giấy tờ nào liên quan đến việc này?',
      'Anh/chị mong muốn kết quả như thế nào?',
    ],
    ru: [
      'Расскажите своими словами, что произошло.',
      'Когда и где это случилось?',
      'Кто был в этом задействован и какую роль играл каждый?',
      'Опишите, что вы видели и слышали в тот момент.',
      'Что произошло с тех пор?',
      'Какие записи, сообщения или документы связаны с этой ситуацией?',
      'Какого результата вы ожидаете?',
    ],
  },
}

/** The built-in questions of a category, in every language. */
export function defaultQuestionGuide(category: ComplaintCategory): Questions {
  return builtIn[category]
}

/**
 * The questions to offer for a category: the guide edited in settings when there is
 * one, else the built-in guide. A language the stored guide leaves empty (a guide saved
 * before that language's questions were written) falls back to the built-in questions.
 */
export function mergeGuide(stored: QuestionGuide | undefined, category: ComplaintCategory): Questions {
  const defaults = builtIn[category]
  if (!stored || stored.id !== category) return defaults
  const merged = {} as Record<Language, readonly string[]>
  for (const { code } of languages) {
    const own = (stored.questions[code] ?? []).map((q) => q.trim()).filter((q) => q !== '')
    merged[code] = own.length > 0 ? own : defaults[code]
  }
  return merged
}
