import type { DeclineReason } from '../domain/case'
import {
  cap,
  compose,
  lastOnly,
  digits,
  datePhrases,
  memo,
  groupDigits,
  scenarioGroup,
  stripAccents,
  asciiLocal,
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

// UK and Irish customers: names, addresses and phone formats follow the country.
const ukWomen = ['Margaret', 'Sarah', 'Emma', 'Charlotte', 'Rachel', 'Hannah', 'Claire', 'Gillian', 'Fiona', 'Olivia']
const ukWomen2 = ['Lucy', 'Eleanor', 'Joanne', 'Priya', 'Amira', 'Zoë', 'Bethan', 'Judith']
const ukMen = ['James', 'David', 'Thomas', 'Oliver', 'Michael', 'Gareth', 'Rhys', 'Callum', 'Stephen', 'Richard']
const ukMen2 = ['Daniel', 'Harry', 'Andrew', 'Imran', 'Graham', 'Nigel', 'Owen']
const ukFamilies = [
  'Whitaker',
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Evans',
  'Thompson',
  'Hughes',
  'Roberts',
  'Patel',
  'Khan',
  'MacDonald',
  'Campbell',
  'Davies',
  'Clarke',
  'Ashworth',
  'Pemberton',
  "O'Neill",
  'Llewellyn',
  'Fairbairn',
]
const ieWomen = ['Siobhán', 'Aoife', 'Niamh', 'Sinéad', 'Deirdre', 'Máire', 'Orla', 'Gráinne', 'Clodagh', 'Róisín']
const ieMen = ['Seán', 'Ciarán', 'Eoin', 'Pádraig', 'Darragh', 'Cian', 'Colm', 'Declan', 'Conor', 'Diarmuid']
const ieFamilies = [
  "O'Neill",
  'Murphy',
  'Kelly',
  "O'Brien",
  'Byrne',
  'Walsh',
  'Ryan',
  "O'Connor",
  'McCarthy',
  'Doyle',
  "O'Sullivan",
  'Fitzgerald',
]

const ukStreets = [
  'Elm Grove',
  'Victoria Road',
  'Church Lane',
  'Station Road',
  'Park Avenue',
  'Mill Lane',
  "Queen's Road",
  'Albert Street',
  'Kingsway',
  'The Crescent',
  'Beech Drive',
  'Hawthorn Close',
  'Windsor Terrace',
]
const ukTowns: readonly (readonly [string, readonly string[]])[] = [
  ['London', ['SW19', 'E17', 'N16', 'SE22', 'NW5', 'W4']],
  ['Manchester', ['M14', 'M20', 'M21']],
  ['Birmingham', ['B13', 'B29']],
  ['Leeds', ['LS6', 'LS8']],
  ['Bristol', ['BS6', 'BS7']],
  ['Edinburgh', ['EH10', 'EH6']],
  ['Glasgow', ['G12', 'G41']],
  ['Cardiff', ['CF14', 'CF24']],
  ['Belfast', ['BT9', 'BT7']],
]
const ieStreets = [
  'Clontarf Road',
  'Castle Avenue',
  'Leinster Road',
  'Ranelagh Road',
  "St Mary's Terrace",
  'Griffith Avenue',
  'Church Street',
  'Seafield Road',
]
const ieAreas: readonly (readonly [string, string])[] = [
  ['Clontarf, Dublin 3', 'D03'],
  ['Rathmines, Dublin 6', 'D06'],
  ['Phibsborough, Dublin 7', 'D07'],
  ['Drumcondra, Dublin 9', 'D09'],
  ['Douglas, Cork', 'T12'],
  ['Salthill, Galway', 'H91'],
  ['Limerick', 'V94'],
]
const postcodeLetters = 'ABDEFGHJLNPQRSTUWXYZ'
const eircodeChars = '0123456789ACDEFHKNPRTVWXY'

function letters(rng: Rng, alphabet: string, count: number): string {
  let out = ''
  for (let i = 0; i < count; i++) out += alphabet[Math.floor(rng() * alphabet.length)]
  return out
}

type EmailForm = (given: string, family: string, rng: Rng) => string

const emailForms: readonly EmailForm[] = [
  (g, f) => `${g}.${f}`,
  (g, f) => `${g}${f}`,
  (g, f) => `${g[0]}.${f}`,
  (g, f, rng) => `${f}${g[0]}${int(rng, 10, 99)}`,
  (g, f, rng) => `${g}.${f}${int(rng, 1, 9)}`,
]

function person(rng: Rng): Person {
  const irish = chance(rng, 0.35)
  const fem = chance(rng, 0.52)
  const given = irish
    ? pick(rng, fem ? ieWomen : ieMen)
    : pick(rng, fem ? (chance(rng, 0.6) ? ukWomen : ukWomen2) : chance(rng, 0.6) ? ukMen : ukMen2)
  // Irish-form surnames differ by sex (Ní for women, Ó for men).
  const family = irish
    ? chance(rng, 0.1)
      ? fem
        ? 'Ní Bhriain'
        : 'Ó Ceallaigh'
      : pick(rng, ieFamilies)
    : pick(rng, ukFamilies)
  let address: string
  let phoneDigits: string
  let phone: string
  let domains: readonly string[]
  if (irish) {
    const [area, key] = pick(rng, ieAreas)
    address = `${int(rng, 1, 140)} ${pick(rng, ieStreets)}\n${area}\n${key} ${letters(rng, 'ACDEFHKNPRTVWXY', 1)}${letters(rng, eircodeChars, 3)}`
    phoneDigits = `8${pick(rng, ['3', '5', '6', '7', '9'])}${digits(rng, 7)}`
    phone = irishPhone(phoneDigits, int(rng, 0, 2))
    domains = ['gmail.com', 'eircom.net', 'outlook.ie', 'hotmail.com', 'yahoo.ie']
  } else {
    const [town, districts] = pick(rng, ukTowns)
    const flat = chance(rng, 0.25) ? `Flat ${int(rng, 1, 12)}, ` : ''
    const postcode = `${pick(rng, districts)} ${int(rng, 1, 9)}${letters(rng, postcodeLetters, 2)}`
    address = `${flat}${int(rng, 1, 180)} ${pick(rng, ukStreets)}\n${town} ${postcode}`
    // Ofcom keeps 07700 900000–900999 for fiction: realistic and never someone's number.
    phoneDigits = `7700900${digits(rng, 3)}`
    phone = ukPhone(phoneDigits, int(rng, 0, 2))
    domains = ['gmail.com', 'outlook.com', 'btinternet.com', 'hotmail.co.uk', 'yahoo.co.uk']
  }
  const g = asciiLocal(given)
  const f = asciiLocal(family)
  const local = pick(rng, emailForms)(g, f, rng)
  return {
    language: 'en',
    fem,
    given,
    family,
    patronymic: '',
    name: `${given} ${family}`,
    address,
    phone,
    email: `${local}@${pick(rng, domains)}`,
    phoneDigits,
    region: irish ? 'ie' : 'uk',
  }
}

function ukPhone(d: string, style: number): string {
  if (style === 0) return `0${d.slice(0, 4)} ${d.slice(4)}`
  if (style === 1) return `+44 ${d.slice(0, 4)} ${d.slice(4)}`
  return `0${d}`
}

function irishPhone(d: string, style: number): string {
  if (style === 0) return `0${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}`
  if (style === 1) return `+353 ${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5)}`
  return `0${d}`
}

function variant(rng: Rng, p: Person): ContactVariant {
  const plain = stripAccents(p.name)
  const name = plain !== p.name && chance(rng, 0.6) ? plain : chance(rng, 0.5) ? p.name.replace("'", '') : p.name
  const style = int(rng, 0, 2)
  const phone = p.region === 'ie' ? irishPhone(p.phoneDigits, style) : ukPhone(p.phoneDigits, style)
  const email = chance(rng, 0.5) ? cap(p.email) : p.email
  return { name, phone, email }
}

const products: Readonly<Record<ProductKey, string>> = {
  washer: 'washing machine',
  fridge: 'fridge-freezer',
  laptop: 'laptop',
  phone: 'smartphone',
  tv: 'television',
  vacuum: 'cordless vacuum cleaner',
  microwave: 'microwave',
  coffee: 'coffee machine',
  kettle: 'kettle',
  heater: 'electric heater',
  sofa: 'corner sofa',
  mattress: 'mattress',
  printer: 'printer',
  speaker: 'Bluetooth speaker',
  hairdryer: 'hair dryer',
  scooter: 'electric scooter',
}

const roles: Readonly<Record<StaffRole, string>> = {
  sales: 'the sales assistant',
  cashier: 'the cashier',
  security: 'the security guard',
  driver: 'the delivery driver',
  manager: 'the store manager',
  agent: 'the customer-service adviser',
  technician: 'the technician',
}

const stores: Readonly<Record<StoreKey, string>> = {
  lyon: 'your Part-Dieu store in Lyon',
  hanoi: 'your Hanoi branch',
  hcmc: 'your Ho Chi Minh City branch',
  moscow: 'your Moscow pickup point',
}

const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

interface C {
  readonly p: string
  readonly ap: string
  readonly price: string
  readonly charged: string
  readonly refund: string
  readonly comp: string
  readonly when: string
  readonly When: string
  readonly since: string
  readonly Since: string
  readonly role: string
  readonly Role: string
  readonly store: string
  readonly order: string
  readonly days: number
  readonly weeks: number
  readonly months: number
  readonly times: string
  readonly body: string
}

const formatMoney = memo((key: number): string => {
  const symbol = key % 2 === 1 ? '€' : '£'
  const style = ((key - (key % 2)) / 2) % 4
  const total = (key - (key % 8)) / 8
  const whole = Math.floor(total / 100)
  const cents = total - whole * 100
  if (cents === 0 && style % 2 === 1) return `${symbol}${groupDigits(whole, ',')}`
  return `${symbol}${groupDigits(whole, ',')}.${String(cents).padStart(2, '0')}`
})

/** Pounds in the UK, euros in Ireland; some write £120, others £120.00. */
function money(ie: boolean, amount: number, style: number): string {
  return formatMoney(Math.round(amount * 100) * 8 + style * 2 + (ie ? 1 : 0))
}

const dates = datePhrases((e) => {
  const month = months[e.month - 1] as string
  if (e.precision === 'day') {
    const date = `${e.day} ${month}${e.yearsAgo === 0 ? '' : ` ${e.year}`}`
    return { when: `on ${date}`, since: `since ${date}` }
  }
  if (e.precision === 'month') {
    const date = `${month}${e.yearsAgo === 0 ? '' : e.yearsAgo === 1 ? ' last year' : ` ${e.year}`}`
    return { when: `in ${date}`, since: `since ${date}` }
  }
  if (e.yearsAgo === 0) return { when: 'earlier this year', since: 'since the start of the year' }
  if (e.yearsAgo === 1) return { when: 'last year', since: 'since last year' }
  return { when: `in ${e.year}`, since: `since ${e.year}` }
})

const withArticle = Object.fromEntries(
  Object.entries(products).map(([key, p]) => [key, (/^[aeiou]/i.test(p) ? 'an ' : 'a ') + p]),
) as Record<ProductKey, string>
const capitalRoles = Object.fromEntries(Object.entries(roles).map(([key, r]) => [key, cap(r)])) as Record<
  StaffRole,
  string
>
const times = ['twice', 'three times', 'four times', 'five times']

const context = lastOnly((f: Facts): C => {
  const d = dates(f)
  const s = f.moneyStyle
  const ie = f.customer.region === 'ie'
  const price = money(ie, f.price, s)
  return {
    p: products[f.product],
    ap: withArticle[f.product],
    price,
    charged: f.charged === f.price ? price : money(ie, f.charged, s),
    refund: f.refund === f.price ? price : money(ie, f.refund, s),
    comp: money(ie, f.compensation, s),
    when: d.when,
    When: d.When,
    since: d.since,
    Since: d.Since,
    role: roles[f.role],
    Role: capitalRoles[f.role],
    store: stores[f.store],
    order: f.orderNo,
    days: f.days,
    weeks: f.weeks,
    months: f.months,
    times: times[f.times % 4] as string,
    body: ie ? 'the CCPC' : 'Citizens Advice',
  }
})

const online: readonly ((c: C) => string)[] = [
  (c) => `I ordered ${c.ap} from your website (order no. ${c.order}) and paid ${c.price}.`,
  (c) => `I bought ${c.ap} from your online shop for ${c.price}.`,
  (c) => `My order no. ${c.order} was for ${c.ap} costing ${c.price}, with home delivery.`,
]
const inStore: readonly ((c: C) => string)[] = [
  (c) => `I bought ${c.ap} at ${c.store} for ${c.price}.`,
  (c) => `I am writing about the ${c.p} I bought at ${c.store}, which cost me ${c.price}.`,
  (c) => `I paid ${c.price} for ${c.ap} at ${c.store}.`,
]
// English speakers mostly buy online: their addresses are in the UK and Ireland.
const bought = online
const visit: readonly ((c: C) => string)[] = [
  (c) => `I was shopping at ${c.store} with my son.`,
  (c) => `I went to ${c.store} to look at ${c.ap}.`,
  (c) => `I am a regular customer at ${c.store}.`,
]

const lines: Readonly<Record<Scenario, ScenarioLines<C>>> = {
  delivery_late: {
    openings: online,
    problems: [
      (c) => `The delivery was due ${c.when}, but nobody came and nobody called or sent a message.`,
      (c) => `${c.When}, I waited at home all day for the delivery and it never arrived.`,
      (c) => `The delivery was due ${c.when}, but the ${c.p} arrived ${c.days} days late.`,
      (c) => `${c.days} days after the promised date, I still have not received my order.`,
      (c) => `Your website promised delivery ${c.when}; since then the tracking has said "in preparation".`,
    ],
    details: [
      () => 'I took a day off work to be at home, for nothing.',
      (c) => `Every time I call, I am told the ${c.p} is "on its way".`,
      () => 'Nobody warned me about the delay; I found out by checking the tracking myself.',
      () => 'I had even paid extra for express delivery.',
    ],
  },
  delivery_damaged: {
    openings: online,
    problems: [
      (c) => `When the ${c.p} was delivered ${c.when}, the box was crushed and the ${c.p} itself was dented.`,
      (c) => `${c.When}, the driver left the parcel outside my door in the rain, and the ${c.p} inside is damaged.`,
      (c) => `The ${c.p} delivered ${c.when} has a deep scratch and a broken part; it is clearly not new.`,
      (c) => `I opened the box in front of the driver ${c.when} and the ${c.p} was broken.`,
    ],
    details: [
      () => 'The driver would not wait while I checked the parcel and drove off straight away.',
      () => 'I wrote "packaging damaged" on the delivery note and took photos.',
      () => 'I have kept all the packaging in case you need to see it.',
    ],
  },
  billing_double: {
    openings: bought,
    problems: [
      (c) =>
        `I was charged twice for the same purchase: two payments of ${c.price} were taken from my account ${c.when}.`,
      (c) => `My bank statement shows the ${c.p} paid for twice, ${c.price} each time.`,
      (c) =>
        `${c.When}, the card machine declined my payment, so I paid again, and now both payments of ${c.price} have gone through.`,
    ],
    details: [
      () => 'My bank says the refund has to come from you.',
      () => 'That money was meant for my rent this month.',
      () => 'I have already sent you a copy of the bank statement.',
    ],
  },
  billing_wrong: {
    openings: inStore,
    problems: [
      (c) => `I was charged ${c.charged} instead of the ${c.price} shown on the price label.`,
      (c) => `The invoice I received ${c.when} says ${c.charged}, but the price I agreed to was ${c.price}.`,
      (c) =>
        `An extended warranty I never asked for was added to my order, so I paid ${c.charged} instead of ${c.price}.`,
      (c) =>
        `The promotion advertised for the ${c.p} was not applied at the till: I paid ${c.charged} instead of ${c.price}.`,
    ],
    details: [
      (c) => `${c.Role} told me that "the system cannot be wrong".`,
      () => 'I have kept the receipt and a photo of the shelf label.',
      () => 'Nobody could explain the difference to me.',
    ],
  },
  staff_rude: {
    openings: visit,
    problems: [
      (c) => `${c.When}, ${c.role} at ${c.store} spoke to me very rudely in front of other customers.`,
      (c) => `When I asked ${c.role} for help ${c.when}, I was told to "look it up on the internet" and then ignored.`,
      (c) => `${c.When}, ${c.role} shouted at me because I wanted to exchange an item.`,
      (c) => `${c.When}, I called your customer line and the adviser was rude, kept interrupting me and then hung up.`,
    ],
    details: [
      () => 'Other customers saw everything, and one of them even apologised to me on behalf of the shop.',
      () => "I asked for the duty manager's name and was refused.",
      () => 'I felt humiliated.',
      () => 'At my age, I have never been treated like that.',
    ],
  },
  defect: {
    openings: bought,
    problems: [
      (c) => `The ${c.p} stopped working after only ${c.weeks} weeks.`,
      (c) => `${c.Since}, the ${c.p} has been switching itself off and making a loud clicking noise.`,
      (c) => `The ${c.p} was faulty from the start: half the time it will not turn on.`,
      (c) => `${c.When}, the ${c.p} broke down completely and shows an error code the manual does not explain.`,
    ],
    details: [
      () => 'I have followed the instructions in the manual to the letter.',
      () => 'I tried the reset your hotline suggested, with no result.',
      () => 'It has hardly been used.',
      () => 'I have a video showing the problem.',
    ],
  },
  refund_refused: {
    openings: online,
    problems: [
      (c) =>
        `I returned the ${c.p} unopened within 14 days, but ${c.role} refused to refund me and offered only a voucher.`,
      (c) =>
        `${c.When}, I brought the ${c.p} back with the receipt and was told refunds are "not possible" on this item.`,
      (c) =>
        `You confirmed by email ${c.when} that I would be refunded ${c.refund}, but the money has never reached my account.`,
      (c) => `I cancelled my order ${c.when}, before it was shipped, and I am still waiting for my ${c.refund}.`,
    ],
    details: [
      () => 'Your own terms and conditions say I have 14 days to change my mind.',
      () => 'The item is in its original packaging with all its accessories.',
      () => 'I have been told "next week" three weeks in a row.',
    ],
  },
  safety_fall: {
    openings: visit,
    problems: [
      (c) => `${c.When}, I slipped on a wet floor near the entrance of ${c.store}; there was no warning sign.`,
      (c) => `${c.When}, a heavy box fell from a top shelf at ${c.store} and hit me on the shoulder.`,
      (c) => `${c.When}, I tripped over a pallet left in the middle of an aisle at ${c.store} and fell.`,
    ],
    details: [
      () => 'I had to go to A&E and I now have a sprained wrist.',
      () => 'My doctor has signed me off work for ten days.',
      () => 'None of the staff came to help me or wrote down what had happened.',
      () => 'My little boy was with me and was very frightened.',
    ],
  },
  safety_overheat: {
    openings: bought,
    problems: [
      (c) => `${c.When}, the ${c.p} overheated and started to smoke while I was using it normally.`,
      (c) => `${c.When}, the ${c.p} gave off a strong smell of burning plastic and the casing melted.`,
      (c) => `The ${c.p} got so hot ${c.when} that I burnt my hand when I touched it.`,
      (c) => `${c.When}, sparks came out of the ${c.p} and the power went off in the whole flat.`,
    ],
    details: [
      () => 'It could have caused a fire; my children were asleep in the next room.',
      () => 'I have unplugged it and kept it as it is, in case you want to examine it.',
      () => 'I have photos of the burn marks.',
    ],
  },
  privacy: {
    openings: online,
    problems: [
      (c) => `${c.When}, I received an email from you containing another customer's name, address and order details.`,
      (c) => `Since I bought ${c.ap}, I have been getting marketing calls and texts, although I never gave my consent.`,
      (c) => `${c.When}, ${c.role} photographed my passport with a personal phone when I collected my order.`,
      (c) => `I asked you ${c.when} to delete my personal data and I have still had no confirmation.`,
    ],
    details: [
      () => 'I would like to know who has access to my data and why.',
      () => 'This means my own details may have been sent to someone else too.',
      () => 'I never ticked any box accepting marketing.',
    ],
  },
  warranty: {
    openings: bought,
    problems: [
      (c) =>
        `The ${c.p} broke down ${c.months} months after I bought it, still under the two-year warranty, but your after-sales service says the fault is "not covered".`,
      (c) => `I sent the ${c.p} for repair under warranty ${c.when} and I have had no news for ${c.days} days.`,
      (c) =>
        `${c.When}, the technician said the fault was caused by misuse, which is untrue, and wants me to pay for the repair.`,
      (c) => `This is the third time the ${c.p} has gone back for the same fault under warranty.`,
    ],
    details: [
      () => 'I have the invoice and the warranty card.',
      () => 'Every week without it costs me money.',
      (c) => `Nobody can tell me where my ${c.p} is now.`,
    ],
  },
}

const common: CommonLines<C> = {
  followUps: [
    (c) => `I have called your customer service ${c.times}, and each time I was promised a call back that never came.`,
    () => 'I sent two emails and received only automatic replies.',
    (c) => `I spoke to ${c.role} about it, who just told me to write to you.`,
    () => 'I have kept the receipt and photos of everything.',
    () => 'Your chat assistant keeps sending me back to the same help page.',
  ],
  feelings: [
    () => 'I have been a loyal customer for years and I am very disappointed.',
    () => 'This is simply not acceptable.',
    () => 'I am a pensioner and this money matters to me.',
    () => 'Frankly, I expected better from a company like yours.',
    () => 'All this has cost me a great deal of time and stress.',
  ],
  closings: [
    () => 'I would like this sorted out quickly.',
    (c) => `If I have not heard from you within two weeks, I will contact ${c.body}.`,
    () => 'Please reply to me in writing.',
    () => 'I look forward to your prompt reply.',
  ],
}

function remedy(rng: Rng, f: Facts): string {
  const c = context(f)
  switch (f.remedy) {
    case 'refund':
      return pick(rng, [
        `A full refund of ${c.refund}.`,
        `Refund of ${c.refund} to my card.`,
        `My money back: ${c.refund}.`,
      ])
    case 'replacement':
      return pick(rng, [
        `A replacement ${c.p}, delivered free of charge.`,
        `Please replace the ${c.p} with a new one.`,
        'An exchange for a new one, or a full refund.',
      ])
    case 'apology':
      if (f.scenario === 'privacy')
        return pick(rng, [
          'Deletion of all my personal data, confirmed in writing.',
          'An explanation of what happened to my data, and an apology.',
        ])
      return pick(rng, [
        'A written apology.',
        'An apology from the store manager and an assurance that this will not happen again.',
        'I want an apology, and the member of staff to be spoken to.',
      ])
    case 'compensation':
      if (f.scenario === 'safety_fall') return `Reimbursement of my medical costs and ${c.comp} in compensation.`
      return pick(rng, [
        `Compensation of ${c.comp} for the inconvenience.`,
        `${c.comp} to cover my costs and lost time.`,
      ])
    case 'repair':
      return pick(rng, ['A free repair under warranty, within a week.', `Repair of the ${c.p} at no cost to me.`])
  }
}

function salutation(p: Person): string {
  return `Dear ${p.fem ? 'Ms' : 'Mr'} ${p.family}`
}

const progress: Readonly<Record<string, readonly ((c: C) => string)[]>> = {
  delivery: [
    () => 'We have asked the carrier for its delivery report and photos, and will write again as soon as we have them.',
  ],
  billing: [
    () => 'Our accounts team is checking the payments made on your card and will confirm the amount to be refunded.',
  ],
  staff: [() => 'We have spoken to the staff on duty that day and are reviewing the CCTV footage.'],
  product: [(c) => `Your ${c.p} is being examined by our technician; we expect the report within a week.`],
  safety: [() => 'The CCTV footage and the incident log have been secured, and our safety officer is reviewing them.'],
  privacy: [() => 'Our data protection officer is looking into how your details were used.'],
  any: [
    () => 'Your case is progressing; we will update you again within a week.',
    () => 'To continue, we need a copy of your receipt or bank statement; please send it by reply.',
  ],
}

const triageNotes: Readonly<Record<Scenario, string>> = {
  delivery_late: 'Carrier tracking confirms the delay; check the booked slot and the compensation policy.',
  delivery_damaged: 'Reservations written on the delivery note; ask the carrier for its photos.',
  billing_double: 'Two card authorisations for the same order in the payment log; check with the bank.',
  billing_wrong: "Compare the till receipt, the shelf label and that day's promotions.",
  staff_rude: 'Specific account (date, place, staff member); interview the staff and check the CCTV.',
  defect: "Purchase confirmed and under warranty; get the technician's report.",
  refund_refused: 'Return within the withdrawal period according to the order dates; the refusal needs checking.',
  safety_fall: 'Injury in store: safety incident, keep the CCTV and the incident log.',
  safety_overheat: 'Possible product safety defect; look for other reports on the same model and inform the supplier.',
  privacy: 'Possible personal data breach: assess, and notify the authority within 72 hours if confirmed.',
  warranty: 'Product under warranty; ask the after-sales service for its report.',
}

/** What an investigator writes when escalating, by target and kind of stakes. */
const escalationNotes: EscalationNotes = {
  managerIncident: 'Major case: store manager informed and asked to review the CCTV.',
  managerOther: 'Major case: head of department informed.',
  managerDelegation: "Compensation likely above the investigator's authority: manager to decide.",
  legalSafety: 'Possible liability claim: legal counsel to advise before any reply.',
  legalPrivacy: 'Possible breach of data protection law: legal to assess the duty to notify.',
  legalOther: 'Consumer dispute that may go to court: legal opinion requested.',
  policeSafety: 'The customer has reported the incident to the police, who have asked for the CCTV footage.',
  policeOther: 'Suspected fraud by a third party: reported to the police.',
}

const declineNotes: Readonly<Record<Exclude<DeclineReason, 'duplicate'>, readonly string[]>> = {
  frivolous: [
    'No fault on our side: what the customer describes is the normal working of the service.',
    'After checking the facts with the customer, the complaint has no basis.',
  ],
  scam: [
    'The receipt number matches no purchase; the receipt appears to have been altered.',
    'The same claim was sent to several branches under different names; likely refund fraud.',
  ],
  out_of_scope: [
    'Item bought from a marketplace seller, not from us; customer referred to the seller.',
    "Concerns the customer's own contract with the carrier, not our delivery.",
  ],
}

export const englishBank: PhraseBank = {
  language: 'en',
  person,
  variant,
  localPrice: (p, eur) => (p.region === 'ie' ? eur : Math.max(5, Math.round(eur * 0.86)) - 0.01),
  localRound: (p, eur) => Math.max(5, Math.round((p.region === 'ie' ? eur : eur * 0.86) / 5) * 5),
  complaint: (rng, f) => compose(rng, lines[f.scenario], common, context(f)),
  remedy,
  acknowledgement(rng, f, ref, handler, via) {
    const sal = salutation(f.customer)
    if (via === 'phone') return `Called the customer: complaint registered as ${ref}, reply promised within 30 days.`
    if (via === 'in_person')
      return `Told the customer in person: complaint registered as ${ref}, reply within 30 days; receipt handed over.`
    return pick(rng, [
      `${sal}, thank you for your message. Your complaint has been registered under reference ${ref} and we will reply within 30 days at the latest.`,
      `${sal}, we acknowledge receipt of your complaint (ref. ${ref}). ${handler} is handling your case.`,
    ])
  },
  progress(rng, f) {
    const c = context(f)
    const group = progress[scenarioGroup[f.scenario]] ?? []
    return pick(rng, chance(rng, 0.6) && group.length > 0 ? group : (progress.any ?? []))(c)
  },
  decision(rng, f, outcome: Outcome) {
    const c = context(f)
    const sal = `${salutation(f.customer)}, `
    if (outcome === 'granted') {
      switch (f.remedy) {
        case 'refund':
          return `${sal}we have refunded ${c.refund} to your card; it will appear within 5 working days.`
        case 'replacement':
          return `${sal}a new ${c.p} will be delivered to you free of charge; our team will call you to arrange a date.`
        case 'apology':
          return f.scenario === 'privacy'
            ? `${sal}your personal data has been deleted from our marketing systems, and we apologise for this error.`
            : `${sal}please accept our sincere apologies. The staff concerned have been spoken to and the team reminded of our standards.`
        case 'compensation':
          return `${sal}we are sending you ${c.comp} in compensation for the inconvenience caused.`
        case 'repair':
          return `${sal}your ${c.p} will be repaired free of charge under warranty; collection is arranged for next week.`
      }
    }
    if (outcome === 'partial')
      return scenarioGroup[f.scenario] === 'delivery' && chance(rng, 0.5)
        ? `${sal}we will refund the delivery costs and offer you ${c.comp} off your next purchase.`
        : `${sal}we cannot grant your request in full, but we are offering you a voucher of ${c.comp} as a gesture of goodwill.`
    return scenarioGroup[f.scenario] === 'product' && chance(rng, 0.5)
      ? `${sal}our technician's report shows the fault is not covered by the warranty, so we cannot grant your request.`
      : `${sal}after examining your case we found no fault on our part and cannot grant your request. You may contact ${c.body} if you disagree.`
  },
  declined(_rng, f, reason, previousRef) {
    const sal = `${salutation(f.customer)}, `
    switch (reason) {
      case 'frivolous':
        return `${sal}after examining your complaint, we have found nothing that calls for an investigation. We remain available if you have new information.`
      case 'scam':
        return `${sal}we could not match the receipt you sent to any purchase in our records, so we cannot take your claim further.`
      case 'out_of_scope':
        return `${sal}this purchase was made from a marketplace seller and not from us; please contact the seller directly.`
      case 'duplicate':
        return `${sal}this complaint is already being handled under reference ${previousRef ?? ''}; we will reply to you there.`
    }
  },
  triageNote(rng, f) {
    return chance(rng, 0.8)
      ? triageNotes[f.scenario]
      : 'Plausible account and the purchase is on file; worth investigating.'
  },
  declineNote(rng, _f, reason, previousRef) {
    if (reason === 'duplicate') return `Duplicate of ${previousRef ?? 'an open case'}, already being handled.`
    return pick(rng, declineNotes[reason])
  },
  escalationNote: (rng, f, to) => pickEscalationNote(escalationNotes, rng, f, to),
}
