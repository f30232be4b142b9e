import type { DeclineReason } from '../domain/case'
import {
  cap,
  compose,
  lastOnly,
  digits,
  datePhrases,
  memo,
  groupDigits,
  ruPlural,
  scenarioGroup,
  type CommonLines,
  pickEscalationNote,
  type ContactVariant,
  type EscalationNotes,
  type Facts,
  type Outcome,
  type Person,
  type PhraseBank,
  type ProductKey,
  type Scenario,
  type ScenarioLines,
  type StaffRole,
  type StoreKey,
} from './bank'
import { chance, int, pick, type Rng } from './prng'

const men = [
  'Иван',
  'Алексей',
  'Дмитрий',
  'Сергей',
  'Андрей',
  'Михаил',
  'Николай',
  'Павел',
  'Артём',
  'Владимир',
  'Евгений',
  'Игорь',
  'Фёдор',
  'Константин',
  'Олег',
  'Юрий',
  'Максим',
  'Григорий',
]
const women = [
  'Ольга',
  'Наталья',
  'Елена',
  'Татьяна',
  'Ирина',
  'Анна',
  'Мария',
  'Светлана',
  'Екатерина',
  'Алёна',
  'Юлия',
  'Людмила',
  'Ксения',
  'Дарья',
  'Вера',
  'Галина',
]
/** Masculine forms; the feminine is derived (Петров → Петрова, Ковальский → Ковальская, Шевченко unchanged). */
const families = [
  'Петров',
  'Смирнов',
  'Иванов',
  'Кузнецов',
  'Попов',
  'Соколов',
  'Лебедев',
  'Козлов',
  'Новиков',
  'Морозов',
  'Волков',
  'Соловьёв',
  'Васильев',
  'Зайцев',
  'Павлов',
  'Семёнов',
  'Голубев',
  'Виноградов',
  'Богданов',
  'Воробьёв',
  'Фёдоров',
  'Михайлов',
  'Орлов',
  'Киселёв',
  'Макаров',
  'Ковалёв',
  'Ильин',
  'Сорокин',
  'Никитин',
  'Жуков',
  'Королёв',
  'Журавлёв',
  'Громов',
  'Тарасов',
  'Медведев',
  'Ковальский',
  'Вишневский',
  'Шевченко',
  'Коваленко',
]
const patronymics: readonly (readonly [string, string])[] = [
  ['Иванович', 'Ивановна'],
  ['Сергеевич', 'Сергеевна'],
  ['Александрович', 'Александровна'],
  ['Николаевич', 'Николаевна'],
  ['Владимирович', 'Владимировна'],
  ['Михайлович', 'Михайловна'],
  ['Андреевич', 'Андреевна'],
  ['Викторович', 'Викторовна'],
  ['Петрович', 'Петровна'],
  ['Юрьевич', 'Юрьевна'],
  ['Алексеевич', 'Алексеевна'],
  ['Дмитриевич', 'Дмитриевна'],
  ['Олегович', 'Олеговна'],
  ['Анатольевич', 'Анатольевна'],
]
const moscowStreets = [
  'ул. Тверская',
  'ул. Профсоюзная',
  'Ленинский пр-т',
  'ул. Люблинская',
  'Каширское ш.',
  'ул. Маросейка',
  'Кутузовский пр-т',
  'ул. Бутлерова',
  'ул. Новослободская',
  'Щёлковское ш.',
  'ул. Мясницкая',
  'ул. Академика Королёва',
  'ул. Малая Грузинская',
]
const moscowPostcodes = [
  '117420',
  '125009',
  '109428',
  '115280',
  '129226',
  '119296',
  '117292',
  '127018',
  '105082',
  '121165',
  '111396',
]
const spbStreets = [
  'Невский пр-т',
  'ул. Марата',
  'Лиговский пр-т',
  'ул. Садовая',
  'наб. реки Фонтанки',
  'Московский пр-т',
  'ул. Савушкина',
  'пр. Просвещения',
  'ул. Ленсовета',
]
const spbPostcodes = ['191025', '190031', '196084', '197342', '194354', '196233', '199034']
const moscowCodes = ['903', '905', '910', '915', '916', '925', '926', '977', '985', '999']
const spbCodes = ['911', '921', '931', '981', '952', '905']

const translit: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
}

const latinCache = new Map<string, string>()

/** Passport-style transliteration for e-mail addresses; names repeat, so each is done once. */
function latin(s: string): string {
  let out = latinCache.get(s)
  if (out === undefined) {
    out = ''
    for (const ch of s.toLowerCase()) out += translit[ch] ?? ''
    latinCache.set(s, out)
  }
  return out
}

function feminine(family: string): string {
  if (family.endsWith('ский')) return `${family.slice(0, -4)}ская`
  if (family.endsWith('о')) return family
  return `${family}а`
}

function russianPhone(d: string, style: number): string {
  const code = d.slice(0, 3)
  const a = d.slice(3, 6)
  const b = d.slice(6, 8)
  const c = d.slice(8, 10)
  if (style === 0) return `+7 ${code} ${a}-${b}-${c}`
  if (style === 1) return `8 (${code}) ${a}-${b}-${c}`
  if (style === 2) return `+7 (${code}) ${a} ${b} ${c}`
  if (style === 3) return `8${d}`
  return `+7${d}`
}

type EmailForm = (given: string, family: string, rng: Rng) => string

const emailForms: readonly EmailForm[] = [
  (g, f) => `${g}.${f}`,
  (g, f) => `${f}.${g}`,
  (g, f) => `${g[0]}.${f}`,
  (_g, f, rng) => `${f}${int(rng, 1960, 2002)}`,
  (g, f) => `${g}-${f}`,
]

function person(rng: Rng): Person {
  const fem = chance(rng, 0.55)
  const given = pick(rng, fem ? women : men)
  const masculine = pick(rng, families)
  const family = fem ? feminine(masculine) : masculine
  const pair = pick(rng, patronymics)
  const form = rng()
  // People write "Ольга Смирнова", or the official "Смирнова Ольга Викторовна".
  const patronymic = form < 0.5 ? '' : fem ? pair[1] : pair[0]
  const name =
    form < 0.5
      ? `${given} ${family}`
      : form < 0.9
        ? `${family} ${given} ${patronymic}`
        : `${given} ${patronymic} ${family}`
  const spb = chance(rng, 0.3)
  const street = pick(rng, spb ? spbStreets : moscowStreets)
  const korpus = chance(rng, 0.2) ? `, корп. ${int(rng, 1, 3)}` : ''
  const line1 = `${street}, д. ${int(rng, 1, 120)}${korpus}, кв. ${int(rng, 1, 240)}`
  const city = spb ? 'Санкт-Петербург' : 'Москва'
  const postcode = pick(rng, spb ? spbPostcodes : moscowPostcodes)
  const address = chance(rng, 0.5) ? `${line1}\nг. ${city}, ${postcode}` : `${postcode}, г. ${city}\n${line1}`
  const phoneDigits = `${pick(rng, spb ? spbCodes : moscowCodes)}${digits(rng, 7)}`
  const g = latin(given)
  const f = latin(family)
  const local = pick(rng, emailForms)(g, f, rng)
  return {
    language: 'ru',
    fem,
    given,
    family,
    patronymic,
    name,
    address,
    phone: russianPhone(phoneDigits, int(rng, 0, 4)),
    email: `${local}@${pick(rng, ['mail.ru', 'yandex.ru', 'gmail.com', 'rambler.ru', 'bk.ru', 'inbox.ru', 'list.ru'])}`,
    phoneDigits,
    region: spb ? 'spb' : 'moscow',
  }
}

function variant(rng: Rng, p: Person): ContactVariant {
  const r = rng()
  let name: string
  // ё is often typed as е; the name order and the patronymic come and go between forms.
  if (r < 0.35 && p.name.includes('ё')) name = p.name.replace(/ё/g, 'е')
  else if (r < 0.6) name = p.patronymic ? `${p.given} ${p.family}` : `${p.family} ${p.given}`
  else if (r < 0.8) name = `${p.family.toUpperCase()} ${p.given}${p.patronymic ? ` ${p.patronymic}` : ''}`
  else name = p.name
  const email = chance(rng, 0.4) ? p.email.toUpperCase() : p.email
  return { name, phone: russianPhone(p.phoneDigits, int(rng, 0, 4)), email }
}

interface RuProduct {
  readonly nom: string
  readonly acc: string
  readonly gen: string
  readonly m: boolean
}

function masc(nom: string, gen: string): RuProduct {
  return { nom, acc: nom, gen, m: true }
}

const products: Readonly<Record<ProductKey, RuProduct>> = {
  washer: { nom: 'стиральная машина', acc: 'стиральную машину', gen: 'стиральной машины', m: false },
  fridge: masc('холодильник', 'холодильника'),
  laptop: masc('ноутбук', 'ноутбука'),
  phone: masc('смартфон', 'смартфона'),
  tv: masc('телевизор', 'телевизора'),
  vacuum: masc('беспроводной пылесос', 'беспроводного пылесоса'),
  microwave: { nom: 'микроволновая печь', acc: 'микроволновую печь', gen: 'микроволновой печи', m: false },
  coffee: { nom: 'кофемашина', acc: 'кофемашину', gen: 'кофемашины', m: false },
  kettle: masc('электрочайник', 'электрочайника'),
  heater: masc('масляный обогреватель', 'масляного обогревателя'),
  sofa: masc('угловой диван', 'углового дивана'),
  mattress: masc('матрас', 'матраса'),
  printer: masc('принтер', 'принтера'),
  speaker: { nom: 'портативная колонка', acc: 'портативную колонку', gen: 'портативной колонки', m: false },
  hairdryer: masc('фен', 'фена'),
  scooter: masc('электросамокат', 'электросамоката'),
}

interface RuRole {
  readonly nom: string
  readonly dat: string
  readonly m: boolean
}

const roles: Readonly<Record<StaffRole, RuRole>> = {
  sales: { nom: 'продавец', dat: 'продавцу', m: true },
  cashier: { nom: 'сотрудница на кассе', dat: 'сотруднице на кассе', m: false },
  security: { nom: 'охранник', dat: 'охраннику', m: true },
  driver: { nom: 'курьер', dat: 'курьеру', m: true },
  manager: { nom: 'администратор магазина', dat: 'администратору магазина', m: true },
  agent: { nom: 'оператор колл-центра', dat: 'оператору колл-центра', m: true },
  technician: { nom: 'мастер сервисного центра', dat: 'мастеру сервисного центра', m: true },
}

const stores: Readonly<Record<StoreKey, string>> = {
  lyon: 'в вашем магазине в Лионе',
  hanoi: 'в вашем магазине в Ханое',
  hcmc: 'в вашем магазине в Хошимине',
  moscow: 'в пункте выдачи на вашем складе в Москве',
}

const monthsGen = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
]
const monthsPrep = [
  'январе',
  'феврале',
  'марте',
  'апреле',
  'мае',
  'июне',
  'июле',
  'августе',
  'сентябре',
  'октябре',
  'ноябре',
  'декабре',
]

interface C {
  /** Agreement with the customer's sex: c.g('заказал', 'заказала'). */
  readonly g: (m: string, f: string) => string
  /** Agreement with the product's gender. */
  readonly pg: (m: string, f: string) => string
  /** Agreement with the staff member's gender. */
  readonly rg: (m: string, f: string) => string
  readonly nom: string
  readonly Nom: string
  readonly acc: string
  readonly Acc: string
  readonly gen: string
  readonly price: string
  readonly charged: string
  readonly refund: string
  readonly comp: string
  readonly when: string
  readonly When: string
  readonly Since: string
  readonly role: string
  readonly Role: string
  readonly roleDat: string
  readonly store: string
  readonly order: string
  readonly days: string
  readonly weeks: string
  readonly months: string
  readonly times: string
}

const formatMoney = memo((key: number): string => {
  const style = key % 4
  const n = (key - style) / 4
  if (style === 0) return `${groupDigits(n, ' ')} ₽`
  if (style === 1) return `${groupDigits(n, ' ')} руб.`
  if (style === 2) return `${n} ${ruPlural(n, 'рубль', 'рубля', 'рублей')}`
  return `${groupDigits(n, ' ')} р.`
})

/** "53 990 ₽", "53 990 руб.", "53990 рублей" or "53 990 р.": each customer has a habit. */
function money(amount: number, style: number): string {
  return formatMoney(Math.round(amount) * 4 + style)
}

const dates = datePhrases((e) => {
  const gen = monthsGen[e.month - 1] as string
  const prep = monthsPrep[e.month - 1] as string
  if (e.precision === 'day') {
    const date = `${e.day} ${gen}${e.yearsAgo === 0 ? '' : ` ${e.year} г.`}`
    return { when: date, since: `с ${date}` }
  }
  if (e.precision === 'month') {
    const year = e.yearsAgo === 0 ? '' : e.yearsAgo === 1 ? ' прошлого года' : ` ${e.year} года`
    return { when: `в ${prep}${year}`, since: `с ${gen}${year}` }
  }
  if (e.yearsAgo === 0) return { when: 'в начале этого года', since: 'с начала года' }
  if (e.yearsAgo === 1) return { when: 'в прошлом году', since: 'с прошлого года' }
  return { when: `в ${e.year} году`, since: `с ${e.year} года` }
})

// Agreement pickers, shared rather than made per case.
const first = (m: string): string => m
const second = (_m: string, w: string): string => w
const capitalForms = Object.fromEntries(
  Object.entries(products).map(([key, p]) => [key, { Nom: cap(p.nom), Acc: cap(p.acc) }]),
) as Record<ProductKey, { readonly Nom: string; readonly Acc: string }>
const capitalRoles = Object.fromEntries(Object.entries(roles).map(([key, r]) => [key, cap(r.nom)])) as Record<
  StaffRole,
  string
>
const dayCount = memo((n: number) => `${n} ${ruPlural(n, 'день', 'дня', 'дней')}`)
const weekCount = memo((n: number) => `${n} ${ruPlural(n, 'неделю', 'недели', 'недель')}`)
const monthCount = memo((n: number) => `${n} ${ruPlural(n, 'месяц', 'месяца', 'месяцев')}`)
const times = ['дважды', 'три раза', 'четыре раза', 'пять раз']

const context = lastOnly((f: Facts): C => {
  const d = dates(f)
  const prod = products[f.product]
  const caps = capitalForms[f.product]
  const role = roles[f.role]
  const s = f.moneyStyle
  const price = money(f.price, s)
  return {
    g: f.customer.fem ? second : first,
    pg: prod.m ? first : second,
    rg: role.m ? first : second,
    nom: prod.nom,
    Nom: caps.Nom,
    acc: prod.acc,
    Acc: caps.Acc,
    gen: prod.gen,
    price,
    charged: f.charged === f.price ? price : money(f.charged, s),
    refund: f.refund === f.price ? price : money(f.refund, s),
    comp: money(f.compensation, s),
    when: d.when,
    When: d.When,
    Since: d.Since,
    role: role.nom,
    Role: capitalRoles[f.role],
    roleDat: role.dat,
    store: stores[f.store],
    order: f.orderNo,
    days: dayCount(f.days),
    weeks: weekCount(f.weeks),
    months: monthCount(f.months),
    times: times[f.times % 4] as string,
  }
})

const online: readonly ((c: C) => string)[] = [
  (c) => `Я ${c.g('заказал', 'заказала')} на вашем сайте ${c.acc} (заказ № ${c.order}) за ${c.price}.`,
  (c) => `В вашем интернет-магазине я ${c.g('купил', 'купила')} ${c.acc} за ${c.price}.`,
  (c) => `Мой заказ № ${c.order} — ${c.nom} стоимостью ${c.price}, с доставкой на дом.`,
]
const inStore: readonly ((c: C) => string)[] = [
  (c) => `Я ${c.g('купил', 'купила')} ${c.acc} ${c.store} за ${c.price}.`,
  (c) => `Пишу по поводу ${c.gen}, ${c.pg('купленного', 'купленной')} ${c.store} за ${c.price}.`,
  (c) => `Я ${c.g('заплатил', 'заплатила')} ${c.price} за ${c.acc} ${c.store}.`,
]
const bought = [...online, ...inStore]
const visit: readonly ((c: C) => string)[] = [
  (c) => `Я ${c.g('был', 'была')} ${c.store} вместе с сыном.`,
  (c) => `Я ${c.g('пришёл', 'пришла')} ${c.store}, чтобы забрать заказ.`,
  (c) => `Я давно покупаю у вас и часто бываю ${c.store}.`,
]

const lines: Readonly<Record<Scenario, ScenarioLines<C>>> = {
  delivery_late: {
    openings: online,
    problems: [
      (c) => `Доставку обещали ${c.when}, но никто не приехал и даже не позвонил.`,
      (c) => `${c.When} я весь день ${c.g('ждал', 'ждала')} доставку дома, но её так и не привезли.`,
      (c) => `Доставку обещали ${c.when}, а ${c.acc} привезли только с опозданием на ${c.days}.`,
      (c) => `Прошло уже ${c.days} после обещанной даты, а заказ я так и не ${c.g('получил', 'получила')}.`,
      (c) => `На сайте была указана доставка ${c.when}; с тех пор статус заказа — «в обработке».`,
    ],
    details: [
      (c) => `Я ${c.g('взял', 'взяла')} отгул на работе, и всё зря.`,
      (c) => `Каждый раз по телефону мне отвечают, что ${c.nom} «уже в пути».`,
      (c) =>
        `Меня никто не предупредил о задержке, я ${c.g('узнал', 'узнала')} о ней ${c.g('сам', 'сама')} по трекингу.`,
      (c) => `При этом я ${c.g('оплатил', 'оплатила')} срочную доставку.`,
    ],
  },
  delivery_damaged: {
    openings: online,
    problems: [
      (c) => `${c.When} мне привезли ${c.acc} в смятой коробке, на корпусе вмятина.`,
      (c) =>
        `${c.When} курьер оставил коробку под дверью под дождём, и ${c.nom} внутри ${c.pg('оказался повреждён', 'оказалась повреждена')}.`,
      (c) =>
        `${c.Nom}, ${c.pg('доставленный', 'доставленная')} ${c.when}, ${c.pg('весь', 'вся')} в царапинах, а одна деталь отломана.`,
      (c) =>
        `Я ${c.g('открыл', 'открыла')} коробку при курьере ${c.when}, и ${c.nom} ${c.pg('был сломан', 'была сломана')}.`,
    ],
    details: [
      () => 'Курьер отказался ждать, пока я проверю товар.',
      (c) =>
        `Я ${c.g('написал', 'написала')} в накладной «упаковка повреждена» и ${c.g('сделал', 'сделала')} фотографии.`,
      () => 'Вся упаковка у меня сохранилась, если нужно, могу показать.',
    ],
  },
  billing_double: {
    openings: bought,
    problems: [
      (c) => `С меня дважды списали деньги за одну покупку: два платежа по ${c.price} ${c.when}.`,
      (c) => `В банковской выписке ${c.nom} ${c.pg('оплачен', 'оплачена')} дважды, по ${c.price} каждый раз.`,
      (c) =>
        `${c.When} терминал отклонил мою карту, я ${c.g('оплатил', 'оплатила')} повторно, и в итоге прошли оба платежа по ${c.price}.`,
    ],
    details: [
      () => 'В банке говорят, что возврат должен сделать магазин.',
      () => 'Эти деньги были отложены на оплату квартиры.',
      (c) => `Копию выписки я вам уже ${c.g('отправил', 'отправила')}.`,
    ],
  },
  billing_wrong: {
    openings: inStore,
    problems: [
      (c) => `С меня взяли ${c.charged} вместо ${c.price}, указанных на ценнике.`,
      (c) => `В счёте, полученном ${c.when}, стоит ${c.charged}, хотя мы договаривались о ${c.price}.`,
      (c) =>
        `В заказ добавили расширенную гарантию, которую я не ${c.g('просил', 'просила')}: в итоге я ${c.g('заплатил', 'заплатила')} ${c.charged} вместо ${c.price}.`,
      (c) =>
        `Скидку на ${c.acc} на кассе не применили: я ${c.g('заплатил', 'заплатила')} ${c.charged} вместо ${c.price}.`,
    ],
    details: [
      (c) => `${c.Role} ${c.rg('сказал', 'сказала')}, что «система не ошибается».`,
      () => 'Чек и фото ценника у меня сохранились.',
      () => 'Никто так и не смог объяснить мне разницу.',
    ],
  },
  staff_rude: {
    openings: visit,
    problems: [
      (c) =>
        `${c.When} ${c.role} ${c.store} ${c.rg('разговаривал', 'разговаривала')} со мной грубо, при других покупателях.`,
      (c) =>
        `Когда ${c.when} я ${c.g('обратился', 'обратилась')} к ${c.roleDat} за помощью, мне ответили «посмотрите в интернете» и отвернулись.`,
      (c) =>
        `${c.When} ${c.role} ${c.rg('накричал', 'накричала')} на меня за то, что я ${c.g('хотел', 'хотела')} обменять товар.`,
      (c) =>
        `${c.When} я ${c.g('позвонил', 'позвонила')} на горячую линию, оператор грубил, перебивал меня, а потом просто бросил трубку.`,
    ],
    details: [
      () => 'Всё это видели другие покупатели, один из них даже извинился за ваших сотрудников.',
      (c) => `Я ${c.g('попросил', 'попросила')} назвать имя старшего смены, но мне отказали.`,
      (c) => `Я ${c.g('почувствовал', 'почувствовала')} себя ${c.g('униженным', 'униженной')}.`,
      () => 'В моём возрасте со мной ещё никто так не обращался.',
    ],
  },
  defect: {
    openings: bought,
    problems: [
      (c) => `${c.Nom} ${c.pg('сломался', 'сломалась')} всего через ${c.weeks}.`,
      (c) => `${c.Since} ${c.nom} ${c.pg('сам', 'сама')} выключается и громко щёлкает.`,
      (c) => `${c.Nom} с самого начала работает неправильно: через раз ${c.pg('он', 'она')} просто не включается.`,
      (c) =>
        `${c.When} ${c.nom} окончательно ${c.pg('сломался', 'сломалась')} и показывает код ошибки, которого нет в инструкции.`,
    ],
    details: [
      (c) => `Я всё ${c.g('делал', 'делала')} строго по инструкции.`,
      () => 'Сброс настроек, который посоветовали на горячей линии, не помог.',
      (c) => `${c.pg('Он', 'Она')} почти не ${c.pg('использовался', 'использовалась')}.`,
      () => 'У меня есть видео, где видна неисправность.',
    ],
  },
  refund_refused: {
    openings: online,
    problems: [
      (c) =>
        `Я ${c.g('вернул', 'вернула')} ${c.acc} в заводской упаковке в течение 14 дней, но ${c.role} ${c.rg('отказался', 'отказалась')} возвращать деньги и ${c.rg('предложил', 'предложила')} только подарочный сертификат.`,
      (c) =>
        `${c.When} я ${c.g('принёс', 'принесла')} ${c.acc} обратно вместе с чеком, но мне сказали, что этот товар «возврату не подлежит».`,
      (c) => `${c.When} вы подтвердили по электронной почте возврат ${c.refund}, но деньги на счёт так и не поступили.`,
      (c) => `Я ${c.g('отменил', 'отменила')} заказ ${c.when}, ещё до отправки, и до сих пор жду свои ${c.refund}.`,
    ],
    details: [
      () => 'Закон о защите прав потребителей никто не отменял.',
      () => 'Товар в оригинальной упаковке, со всеми аксессуарами.',
      () => 'Мне уже три недели подряд отвечают «на следующей неделе».',
    ],
  },
  safety_fall: {
    openings: visit,
    problems: [
      (c) =>
        `${c.When} ${c.store} я ${c.g('поскользнулся', 'поскользнулась')} на мокром полу у входа — предупреждающей таблички не было.`,
      (c) => `${c.When} ${c.store} с верхней полки упала тяжёлая коробка и ударила меня по плечу.`,
      (c) =>
        `${c.When} ${c.store} я ${c.g('споткнулся', 'споткнулась')} о поддон, оставленный посреди прохода, и ${c.g('упал', 'упала')}.`,
    ],
    details: [
      () => 'Мне пришлось ехать в травмпункт, у меня растяжение запястья.',
      () => 'Врач выписал мне больничный на десять дней.',
      () => 'Никто из сотрудников не подошёл помочь и не записал, что произошло.',
      () => 'Со мной был маленький сын, он очень испугался.',
    ],
  },
  safety_overheat: {
    openings: bought,
    problems: [
      (c) =>
        `${c.When} ${c.nom} ${c.pg('перегрелся и начал', 'перегрелась и начала')} дымиться при обычном использовании.`,
      (c) => `${c.When} от ${c.gen} пошёл сильный запах горелого пластика, и корпус оплавился.`,
      (c) => `${c.When} ${c.nom} так ${c.pg('раскалился', 'раскалилась')}, что я ${c.g('обжёг', 'обожгла')} руку.`,
      (c) => `${c.When} из ${c.gen} посыпались искры, и во всей квартире выбило пробки.`,
    ],
    details: [
      () => 'Мог начаться пожар, а в соседней комнате спали дети.',
      (c) =>
        `Я ${c.g('отключил', 'отключила')} ${c.pg('его', 'её')} от сети и ${c.g('готов', 'готова')} передать на экспертизу.`,
      () => 'У меня есть фотографии следов гари.',
    ],
  },
  privacy: {
    openings: online,
    problems: [
      (c) =>
        `${c.When} я ${c.g('получил', 'получила')} от вас письмо с именем, адресом и деталями заказа другого покупателя.`,
      (c) =>
        `После покупки ${c.gen} мне постоянно звонят и пишут с рекламой, хотя согласия я не ${c.g('давал', 'давала')}.`,
      (c) =>
        `${c.When} ${c.role} ${c.rg('сфотографировал', 'сфотографировала')} мой паспорт на личный телефон при выдаче заказа.`,
      (c) =>
        `${c.When} я ${c.g('попросил', 'попросила')} удалить мои персональные данные, но подтверждения так и не ${c.g('получил', 'получила')}.`,
    ],
    details: [
      () => 'Я хочу знать, у кого есть доступ к моим данным и зачем.',
      () => 'Значит, и мои данные могли отправить кому-то чужому.',
      (c) => `Никаких галочек о согласии на рассылку я не ${c.g('ставил', 'ставила')}.`,
    ],
  },
  warranty: {
    openings: bought,
    problems: [
      (c) =>
        `${c.Nom} ${c.pg('сломался', 'сломалась')} через ${c.months} после покупки, гарантия ещё действует, но сервисный центр утверждает, что случай «не гарантийный».`,
      (c) => `${c.When} я ${c.g('сдал', 'сдала')} ${c.acc} в гарантийный ремонт, и уже ${c.days} никаких новостей.`,
      (c) =>
        `${c.When} мастер заявил, что поломка из-за неправильной эксплуатации, что неправда, и хочет, чтобы я ${c.g('заплатил', 'заплатила')} за ремонт.`,
      (c) => `${c.Nom} уже третий раз уходит в ремонт с одной и той же неисправностью.`,
    ],
    details: [
      () => 'У меня есть чек и гарантийный талон.',
      (c) => `Каждая неделя без ${c.gen} оборачивается для меня лишними расходами.`,
      (c) => `Никто не может сказать, где сейчас ${c.pg('мой', 'моя')} ${c.nom}.`,
    ],
  },
}

const common: CommonLines<C> = {
  followUps: [
    (c) =>
      `Я ${c.times} ${c.g('звонил', 'звонила')} в службу поддержки, и каждый раз мне обещали перезвонить, но так и не перезвонили.`,
    (c) => `Я ${c.g('отправил', 'отправила')} два письма и ${c.g('получил', 'получила')} только автоматические ответы.`,
    (c) => `Я ${c.g('обращался', 'обращалась')} к ${c.roleDat}, но мне сказали написать вам.`,
    () => 'Чек и фотографии у меня сохранены.',
    () => 'Чат-бот на сайте отправляет меня на одну и ту же страницу помощи.',
  ],
  feelings: [
    (c) => `Много лет покупаю у вас и очень ${c.g('разочарован', 'разочарована')}.`,
    () => 'Это просто недопустимо.',
    (c) => `Я ${c.g('пенсионер', 'пенсионерка')}, и для меня это большие деньги.`,
    (c) => `Честно говоря, от такой компании я ${c.g('ожидал', 'ожидала')} большего.`,
    (c) => `Я ${c.g('потратил', 'потратила')} на это кучу времени и нервов.`,
  ],
  closings: [
    () => 'Прошу решить вопрос в кратчайшие сроки.',
    () => 'Если в течение десяти дней ответа не будет, я обращусь в Роспотребнадзор.',
    () => 'Прошу дать ответ в письменном виде.',
    () => 'Жду вашего ответа.',
  ],
}

function remedy(rng: Rng, f: Facts): string {
  const c = context(f)
  switch (f.remedy) {
    case 'refund':
      return pick(rng, [
        `Вернуть мне ${c.refund} в полном объёме.`,
        `Прошу вернуть ${c.refund} на мою карту.`,
        `Верните деньги — ${c.refund}.`,
      ])
    case 'replacement':
      return pick(rng, [
        `Заменить ${c.acc} на ${c.pg('новый', 'новую')} с бесплатной доставкой.`,
        'Обменять на исправный товар или вернуть деньги.',
      ])
    case 'apology':
      if (f.scenario === 'privacy')
        return pick(rng, [
          'Удалить все мои персональные данные и подтвердить это письменно.',
          'Объяснить, как использовались мои данные, и извиниться.',
        ])
      return pick(rng, [
        'Прошу принести письменные извинения.',
        'Извинения от руководства магазина и меры, чтобы это не повторилось.',
        'Хочу, чтобы передо мной извинились, а с сотрудником провели беседу.',
      ])
    case 'compensation':
      if (f.scenario === 'safety_fall') return `Возместить расходы на лечение и выплатить компенсацию ${c.comp}.`
      return pick(rng, [
        `Прошу выплатить компенсацию в размере ${c.comp} за причинённые неудобства.`,
        `Возместить мои расходы и потерянное время — ${c.comp}.`,
      ])
    case 'repair':
      return pick(rng, [
        'Бесплатный гарантийный ремонт в течение недели.',
        `Отремонтировать ${c.acc} бесплатно, как положено по гарантии.`,
      ])
  }
}

function salutation(p: Person): string {
  return `${p.fem ? 'Уважаемая' : 'Уважаемый'} ${p.given}${p.patronymic ? ` ${p.patronymic}` : ''}`
}

const progress: Readonly<Record<string, readonly ((c: C) => string)[]>> = {
  delivery: [() => 'Мы запросили у перевозчика отчёт о доставке и фотографии; сообщим, как только получим их.'],
  billing: [() => 'Бухгалтерия проверяет платежи по вашей карте и подтвердит сумму возврата.'],
  staff: [() => 'Мы поговорили с сотрудниками, работавшими в тот день, и просматриваем записи камер.'],
  product: [(c) => `${c.Acc} сейчас проверяет наш мастер; заключение ожидаем в течение недели.`],
  safety: [() => 'Записи камер и журнал происшествий сохранены, их изучает ответственный за безопасность.'],
  privacy: [() => 'Ответственный за защиту данных выясняет, как использовались ваши данные.'],
  any: [
    () => 'Работа по вашему обращению продолжается; следующее сообщение — в течение недели.',
    () => 'Для продолжения нам нужна копия чека или банковской выписки.',
  ],
}

const triageNotes: Readonly<Record<Scenario, string>> = {
  delivery_late: 'Задержка подтверждена трекингом перевозчика; проверить слот доставки и правила компенсации.',
  delivery_damaged: 'В накладной есть отметка о повреждении; запросить фото у перевозчика.',
  billing_double: 'В журнале платежей два списания по одному заказу; уточнить в банке.',
  billing_wrong: 'Сравнить чек, ценник и действовавшие в тот день акции.',
  staff_rude: 'Конкретное описание (дата, место, сотрудник); опросить персонал, посмотреть записи камер.',
  defect: 'Покупка подтверждена, товар на гарантии; запросить заключение мастера.',
  refund_refused: 'Возврат в установленный срок по датам заказа; отказ нужно проверить.',
  safety_fall: 'Травма в магазине: инцидент безопасности, сохранить видеозаписи и журнал происшествий.',
  safety_overheat: 'Возможный дефект безопасности; проверить другие обращения по этой модели, уведомить поставщика.',
  privacy: 'Возможная утечка персональных данных: оценить и при подтверждении уведомить регулятора.',
  warranty: 'Товар на гарантии; запросить отчёт сервисного центра.',
}

/** What an investigator writes when escalating, by target and kind of stakes. */
const escalationNotes: EscalationNotes = {
  managerIncident: 'Серьёзный случай: руководитель склада уведомлён, запрошены записи камер.',
  managerOther: 'Серьёзный случай: руководитель отдела уведомлён.',
  managerDelegation: 'Компенсация, вероятно, выше моих полномочий: решение за руководителем.',
  legalSafety: 'Возможна наша ответственность: нужна консультация юристов до ответа клиенту.',
  legalPrivacy: 'Возможное нарушение закона о персональных данных: юристы оценят обязанность уведомления.',
  legalOther: 'Спор может дойти до суда: запрошено мнение юриста.',
  policeSafety: 'Клиент подал заявление в полицию; полиция запросила видеозаписи.',
  policeOther: 'Подозрение на мошенничество третьих лиц: сообщено в полицию.',
}

const declineNotes: Readonly<Record<Exclude<DeclineReason, 'duplicate'>, readonly string[]>> = {
  frivolous: [
    'Нарушений с нашей стороны нет: описанная ситуация соответствует обычной работе сервиса.',
    'После проверки фактов с клиентом претензия признана необоснованной.',
  ],
  scam: [
    'Номер чека не соответствует ни одной покупке; чек, похоже, изменён.',
    'Одна и та же претензия отправлена в несколько отделений под разными именами; вероятное мошенничество.',
  ],
  out_of_scope: [
    'Товар куплен у продавца маркетплейса, а не у нас; клиент перенаправлен к продавцу.',
    'Касается договора клиента с перевозчиком, а не нашей доставки.',
  ],
}

function decisionText(rng: Rng, f: Facts, outcome: Outcome): string {
  const c = context(f)
  const sal = `${salutation(f.customer)}! `
  if (outcome === 'granted') {
    switch (f.remedy) {
      case 'refund':
        return `${sal}Мы вернули ${c.refund} на вашу карту; деньги поступят в течение 5 рабочих дней.`
      case 'replacement':
        return `${sal}Мы бесплатно доставим вам ${c.pg('новый', 'новую')} ${c.acc}; наш сотрудник позвонит, чтобы согласовать дату.`
      case 'apology':
        return f.scenario === 'privacy'
          ? `${sal}Ваши данные удалены из наших рассылок; приносим извинения за эту ошибку.`
          : `${sal}Приносим вам искренние извинения. С сотрудниками проведена беседа, команде напомнили о наших стандартах.`
      case 'compensation':
        return `${sal}Мы перечислим вам ${c.comp} в качестве компенсации за причинённые неудобства.`
      case 'repair':
        return `${sal}${c.Nom} будет бесплатно ${c.pg('отремонтирован', 'отремонтирована')} по гарантии; курьер заберёт ${c.pg('его', 'её')} на следующей неделе.`
    }
  }
  if (outcome === 'partial')
    return scenarioGroup[f.scenario] === 'delivery' && chance(rng, 0.5)
      ? `${sal}Мы вернём стоимость доставки и предоставим скидку ${c.comp} на следующую покупку.`
      : `${sal}Мы не можем удовлетворить ваше требование полностью, но предлагаем подарочный сертификат на ${c.comp}.`
  return scenarioGroup[f.scenario] === 'product' && chance(rng, 0.5)
    ? `${sal}По заключению мастера неисправность не является гарантийным случаем, поэтому в требовании отказано.`
    : `${sal}Рассмотрев ваше обращение, мы не нашли нарушений с нашей стороны и не можем удовлетворить требование. Вы вправе обратиться в Роспотребнадзор.`
}

export const russianBank: PhraseBank = {
  language: 'ru',
  person,
  variant,
  // Shelf prices end in 990 (53 990 ₽); compensations are round hundreds.
  localPrice: (_p, eur) => Math.max(1, Math.round((eur * 98) / 1000)) * 1000 - 10,
  localRound: (_p, eur) => Math.max(500, Math.round((eur * 98) / 500) * 500),
  // "руб." and "р." end sentences with their own full stop.
  complaint: (rng, f) => compose(rng, lines[f.scenario], common, context(f)).replaceAll('..', '.'),
  remedy: (rng, f) => remedy(rng, f).replaceAll('..', '.'),
  acknowledgement(rng, f, ref, handler, via) {
    if (via === 'phone') return `Позвонили клиенту: обращение зарегистрировано под № ${ref}, срок ответа — до 30 дней.`
    if (via === 'in_person')
      return `Сообщили клиенту лично: обращение зарегистрировано под № ${ref}, выдана расписка, срок ответа — до 30 дней.`
    const sal = salutation(f.customer)
    return pick(rng, [
      `${sal}! Ваше обращение зарегистрировано под номером ${ref}. Мы ответим вам не позднее чем через 30 дней.`,
      `${sal}! Благодарим за обращение (№ ${ref}). Вашим делом занимается ${handler}.`,
    ])
  },
  progress(rng, f) {
    const c = context(f)
    const group = progress[scenarioGroup[f.scenario]] ?? []
    return pick(rng, chance(rng, 0.6) && group.length > 0 ? group : (progress.any ?? []))(c)
  },
  decision: (rng, f, outcome) => decisionText(rng, f, outcome).replaceAll('..', '.'),
  declined(_rng, f, reason, previousRef) {
    const sal = `${salutation(f.customer)}! `
    switch (reason) {
      case 'frivolous':
        return `${sal}Рассмотрев обращение, мы не нашли нарушений с нашей стороны. Если появятся новые обстоятельства, напишите нам.`
      case 'scam':
        return `${sal}Присланный чек не соответствует ни одной покупке в нашей системе, поэтому мы не можем рассмотреть претензию.`
      case 'out_of_scope':
        return `${sal}Покупка сделана у партнёра нашего маркетплейса; пожалуйста, обратитесь к продавцу напрямую.`
      case 'duplicate':
        return `${sal}Ваше обращение уже рассматривается под номером ${previousRef ?? ''}; ответ придёт в рамках него.`
    }
  },
  triageNote(rng, f) {
    return chance(rng, 0.8) ? triageNotes[f.scenario] : 'Описание правдоподобное, покупка найдена в системе; проверяем.'
  },
  declineNote(rng, _f, reason, previousRef) {
    if (reason === 'duplicate') return `Дубликат обращения ${previousRef ?? 'в работе'}, оно уже рассматривается.`
    return pick(rng, declineNotes[reason])
  },
  escalationNote: (rng, f, to) => pickEscalationNote(escalationNotes, rng, f, to),
}
