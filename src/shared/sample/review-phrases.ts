import type { RootCauseCategory } from '../domain/resolution'
import type { Language } from '../i18n/languages'

/** Categories a lesson can be drawn from: "no cause found" and "the customer's error" teach the company nothing. */
export type TeachingCause = Exclude<RootCauseCategory, 'none_found' | 'customer_error'>

/** One language's words for what a review needs: root causes, lessons, customers' survey comments. */
export interface ReviewPhrases {
  /** The root cause as the investigator writes it down. */
  readonly rootCause: Readonly<Record<RootCauseCategory, string>>
  /** What to change so it does not happen again. */
  readonly lesson: Readonly<Record<TeachingCause, string>>
  /** A customer's free comment in the survey, by how it went for them. */
  readonly comments: Readonly<Record<'good' | 'mixed' | 'bad', readonly string[]>>
}

const en: ReviewPhrases = {
  rootCause: {
    process: 'The procedure was not followed at one step, and nothing in the process caught it.',
    training: 'The employee had not been trained on this situation.',
    staff_conduct: 'An employee behaved unacceptably towards the customer.',
    product_defect: 'A manufacturing defect in the product, confirmed by the technician.',
    supplier: "The supplier's or carrier's service fell short of the agreed standard.",
    equipment: 'Faulty or badly maintained equipment in the store.',
    communication: 'The customer was given wrong or incomplete information.',
    system: 'A fault in the billing or ordering system.',
    customer_error: 'The product was used outside the conditions in the manual.',
    none_found: 'No cause on our side could be established.',
  },
  lesson: {
    process: 'Add a check at this step of the procedure and update the checklist.',
    training: 'Add this situation to the induction training and run a refresher for the team.',
    staff_conduct: 'Hold a customer-conduct session with the team and follow up in appraisals.',
    product_defect: 'Report the defect to the buyer and review the product range with quality control.',
    supplier: 'Raise the failures at the next supplier review and tighten the penalties in the contract.',
    equipment: 'Put the equipment on the weekly maintenance schedule with a signed log.',
    communication: 'Rewrite the script and the standard letter so customers get the right information.',
    system: 'Log the fault with IT and add a reconciliation check until it is fixed.',
  },
  comments: {
    good: ['Quick and fair, thank you.', 'The person who handled my complaint was very helpful.'],
    mixed: ['It took a long time, but it was sorted out in the end.', 'Half a solution, better than nothing.'],
    bad: ['Nobody really listened to me.', 'I am still waiting for a proper answer.'],
  },
}

const fr: ReviewPhrases = {
  rootCause: {
    process: 'La procédure n’a pas été suivie à une étape, et rien dans le processus ne l’a détecté.',
    training: 'Le collaborateur n’avait pas été formé à cette situation.',
    staff_conduct: 'Un collaborateur a eu un comportement inacceptable envers le client.',
    product_defect: 'Un défaut de fabrication du produit, confirmé par le technicien.',
    supplier: 'La prestation du fournisseur ou du transporteur n’a pas respecté le niveau convenu.',
    equipment: 'Un équipement du magasin défectueux ou mal entretenu.',
    communication: 'Le client a reçu une information erronée ou incomplète.',
    system: 'Une anomalie du système de facturation ou de commande.',
    customer_error: 'Le produit a été utilisé hors des conditions prévues par la notice.',
    none_found: 'Aucune cause de notre côté n’a pu être établie.',
  },
  lesson: {
    process: 'Ajouter un contrôle à cette étape de la procédure et mettre à jour la liste de vérification.',
    training: 'Intégrer ce cas à la formation d’accueil et organiser un rappel pour l’équipe.',
    staff_conduct:
      'Organiser une séance sur la relation client avec l’équipe et en assurer le suivi en entretien annuel.',
    product_defect: 'Signaler le défaut à l’acheteur et revoir la gamme avec le contrôle qualité.',
    supplier: 'Présenter les manquements à la prochaine revue fournisseur et renforcer les pénalités du contrat.',
    equipment: 'Inscrire l’équipement au plan d’entretien hebdomadaire avec un registre signé.',
    communication: 'Réécrire le script et le courrier type pour que les clients reçoivent la bonne information.',
    system: 'Déclarer l’anomalie à l’informatique et ajouter un rapprochement en attendant la correction.',
  },
  comments: {
    good: ['Rapide et juste, merci.', 'La personne qui a traité ma réclamation a été très à l’écoute.'],
    mixed: ['C’était long, mais cela a fini par s’arranger.', 'Une demi-solution, c’est mieux que rien.'],
    bad: ['Personne ne m’a vraiment écouté.', 'J’attends toujours une vraie réponse.'],
  },
}

const vi: ReviewPhrases = {
  rootCause: {
    process: 'Quy trình không được tuân thủ ở một bước và không có khâu kiểm tra nào phát hiện.',
    training: 'Nhân viên chưa được đào tạo để xử lý tình huống này.',
    staff_conduct: 'Một nhân viên đã có thái độ không chấp nhận được với khách hàng.',
    product_defect: 'Lỗi sản xuất của sản phẩm, đã được kỹ thuật viên xác nhận.',
    supplier: 'Dịch vụ của nhà cung cấp hoặc đơn vị vận chuyển không đạt tiêu chuẩn đã thỏa thuận.',
    equipment: 'Thiết bị tại cửa hàng bị hỏng hoặc không được bảo trì đúng cách.',
    communication: 'Khách hàng nhận được thông tin sai hoặc không đầy đủ.',
    system: 'Lỗi của hệ thống thanh toán hoặc đặt hàng.',
    customer_error: 'Sản phẩm được sử dụng không đúng hướng dẫn sử dụng.',
    none_found: 'Không xác định được nguyên nhân từ phía chúng tôi.',
  },
  lesson: {
    process: 'Thêm một bước kiểm tra vào quy trình và cập nhật danh mục kiểm tra.',
    training: 'Đưa tình huống này vào chương trình đào tạo nhân viên mới và tổ chức buổi ôn tập cho cả nhóm.',
    staff_conduct: 'Tổ chức buổi trao đổi về ứng xử với khách hàng và theo dõi trong kỳ đánh giá.',
    product_defect: 'Báo lỗi cho bộ phận thu mua và rà soát dòng sản phẩm cùng bộ phận kiểm soát chất lượng.',
    supplier: 'Nêu các sai sót trong buổi đánh giá nhà cung cấp tới và siết chặt điều khoản phạt trong hợp đồng.',
    equipment: 'Đưa thiết bị vào lịch bảo trì hằng tuần, có sổ theo dõi ký xác nhận.',
    communication: 'Viết lại kịch bản và thư mẫu để khách hàng nhận được thông tin đúng.',
    system: 'Báo lỗi cho bộ phận IT và thêm bước đối soát cho đến khi sửa xong.',
  },
  comments: {
    good: ['Nhanh chóng và công bằng, cảm ơn.', 'Người xử lý khiếu nại của tôi rất nhiệt tình.'],
    mixed: ['Hơi lâu nhưng cuối cùng cũng được giải quyết.', 'Giải quyết được một nửa, còn hơn không.'],
    bad: ['Không ai thực sự lắng nghe tôi.', 'Tôi vẫn đang chờ một câu trả lời thỏa đáng.'],
  },
}

const ru: ReviewPhrases = {
  rootCause: {
    process: 'На одном из этапов процедура не была соблюдена, и процесс этого не выявил.',
    training: 'Сотрудник не был обучен действиям в такой ситуации.',
    staff_conduct: 'Сотрудник вёл себя с клиентом недопустимо.',
    product_defect: 'Производственный дефект товара, подтверждённый техником.',
    supplier: 'Услуги поставщика или перевозчика не соответствовали согласованному уровню.',
    equipment: 'Неисправное или плохо обслуживаемое оборудование в магазине.',
    communication: 'Клиенту дали неверную или неполную информацию.',
    system: 'Сбой в системе выставления счетов или оформления заказов.',
    customer_error: 'Товар использовался с нарушением инструкции.',
    none_found: 'Причину с нашей стороны установить не удалось.',
  },
  lesson: {
    process: 'Добавить проверку на этом этапе процедуры и обновить контрольный список.',
    training: 'Включить этот случай в вводное обучение и провести повторный инструктаж для команды.',
    staff_conduct: 'Провести с командой занятие по работе с клиентами и проверить итоги при аттестации.',
    product_defect: 'Сообщить о дефекте закупщику и пересмотреть ассортимент вместе с отделом качества.',
    supplier: 'Вынести нарушения на ближайшую оценку поставщика и ужесточить штрафы в договоре.',
    equipment: 'Включить оборудование в еженедельный график обслуживания с журналом под подпись.',
    communication: 'Переписать сценарий разговора и типовое письмо, чтобы клиенты получали верную информацию.',
    system: 'Передать сбой в ИТ и ввести сверку до его исправления.',
  },
  comments: {
    good: ['Быстро и справедливо, спасибо.', 'Сотрудник, который занимался моей жалобой, очень помог.'],
    mixed: ['Долго, но в итоге всё решили.', 'Решили наполовину, но лучше, чем ничего.'],
    bad: ['Меня никто толком не выслушал.', 'Я до сих пор жду нормального ответа.'],
  },
}

export const reviewPhrases: Readonly<Record<Language, ReviewPhrases>> = { en, fr, vi, ru }
