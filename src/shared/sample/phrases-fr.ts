import type { DeclineReason } from '../domain/case'
import {
  asciiLocal,
  cap,
  compose,
  lastOnly,
  digits,
  datePhrases,
  memo,
  groupDigits,
  groupPhone,
  scenarioGroup,
  stripAccents,
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

const women = [
  'Élodie',
  'Sophie',
  'Camille',
  'Hélène',
  'Amélie',
  'Céline',
  'Chloé',
  'Léa',
  'Manon',
  'Nathalie',
  'Isabelle',
  'Françoise',
  'Valérie',
  'Aurélie',
  'Mélanie',
  'Béatrice',
  'Zoé',
  'Inès',
  'Maëlle',
  'Noémie',
  'Agnès',
  'Martine',
  'Sandrine',
  'Geneviève',
  'Leïla',
]
const men = [
  'Stéphane',
  'Jérôme',
  'Frédéric',
  'François',
  'Benoît',
  'Julien',
  'Nicolas',
  'Thierry',
  'Raphaël',
  'Clément',
  'Sébastien',
  'Jean-Luc',
  'André',
  'Hervé',
  'Grégoire',
  'Loïc',
  'Théo',
  'Noël',
  'Rémi',
  'Cédric',
  'Olivier',
  'Pierre',
  'Gaël',
  'Jérémy',
  'Karim',
]
const families = [
  'Marchand',
  'Lefèvre',
  'Dubois',
  'Moreau',
  'Girard',
  'Rousseau',
  'Fontaine',
  'Chevalier',
  'Lemaître',
  'Gauthier',
  'Mercier',
  'Faure',
  'Perrin',
  'Bonnet',
  'Lambert',
  'Fournier',
  'Leclerc',
  'Garnier',
  'Barthélemy',
  'Hébert',
  'Ménard',
  'Thébault',
  'Dupré',
  'Gérard',
  'Bouchard',
  'Caron',
  'Boyer',
  'Roussel',
  'Benali',
  'Martin',
  'Bernard',
  'Petit',
  'Durand',
  'Leroy',
  'Morel',
  'Lacroix',
  'Prévost',
  'Féraud',
  'Crépin',
  'Da Silva',
]
const streets = [
  'rue de la République',
  'avenue Jean-Jaurès',
  'rue Victor-Hugo',
  'boulevard des Belges',
  'rue Garibaldi',
  'cours Lafayette',
  'rue de Sèze',
  'quai Saint-Vincent',
  'rue Mercière',
  'impasse des Lilas',
  'allée des Châtaigniers',
  'chemin des Écoliers',
  "rue de l'Église",
  'avenue Félix-Faure',
  'rue Paul-Bert',
  'montée de la Grande-Côte',
  'rue Édouard-Herriot',
  'place du Marché',
  'rue des Tanneurs',
  'avenue du Général-Leclerc',
]
const towns: readonly (readonly [string, string])[] = [
  ['69003', 'Lyon'],
  ['69007', 'Lyon'],
  ['69006', 'Lyon'],
  ['69004', 'Lyon'],
  ['69008', 'Lyon'],
  ['69100', 'Villeurbanne'],
  ['69200', 'Vénissieux'],
  ['69500', 'Bron'],
  ['69300', 'Caluire-et-Cuire'],
  ['69130', 'Écully'],
  ['69600', 'Oullins'],
  ['42000', 'Saint-Étienne'],
  ['38000', 'Grenoble'],
  ['38200', 'Vienne'],
  ['01000', 'Bourg-en-Bresse'],
  ['71000', 'Mâcon'],
  ['74000', 'Annecy'],
  ['73000', 'Chambéry'],
  ['75011', 'Paris'],
  ['13006', 'Marseille'],
]
const residences = [
  'Résidence Les Tilleuls, bât. B',
  'Résidence du Parc, appt 12',
  'Appartement 34, 3e étage',
  'Le Clos des Vignes, bât. A',
]

function frenchPhone(d: string, style: number): string {
  if (style === 0) return `+33 ${groupPhone(d, [1, 2, 2, 2, 2], ' ')}`
  if (style === 1) return `0${groupPhone(d, [1, 2, 2, 2, 2], ' ')}`
  if (style === 2) return `0${groupPhone(d, [1, 2, 2, 2, 2], '.')}`
  return `0${d}`
}

type EmailForm = (given: string, family: string, rng: Rng, postcode: string) => string

const emailForms: readonly EmailForm[] = [
  (g, f) => `${g}.${f}`,
  (g, f) => `${g}${f}`,
  (g, f) => `${g[0]}.${f}`,
  (g, f, _rng, postcode) => `${f}.${g}${postcode.slice(0, 2)}`,
  (g, f, rng) => `${g}.${f}${int(rng, 60, 99)}`,
]

function person(rng: Rng): Person {
  const fem = chance(rng, 0.52)
  const given = pick(rng, fem ? women : men)
  const family = pick(rng, families)
  const [postcode, town] = pick(rng, towns)
  const bis = chance(rng, 0.08) ? ' bis' : ''
  const extra = chance(rng, 0.2) ? `${pick(rng, residences)}\n` : ''
  const address = `${extra}${int(rng, 1, 148)}${bis} ${pick(rng, streets)}\n${postcode} ${town}`
  // Mostly mobiles; some older customers give the Lyon landline (04).
  const phoneDigits = `${chance(rng, 0.15) ? '4' : pick(rng, ['6', '6', '7'])}${digits(rng, 8)}`
  const g = asciiLocal(given)
  const f = asciiLocal(family)
  const local = pick(rng, emailForms)(g, f, rng, postcode)
  return {
    language: 'fr',
    fem,
    given,
    family,
    patronymic: '',
    name: `${given} ${family}`,
    address,
    phone: frenchPhone(phoneDigits, int(rng, 0, 3)),
    email: `${local}@${pick(rng, ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com', 'sfr.fr', 'wanadoo.fr', 'hotmail.fr', 'yahoo.fr'])}`,
    phoneDigits,
    region: 'fr',
  }
}

function variant(rng: Rng, p: Person): ContactVariant {
  const r = rng()
  // Staff type names as they hear them: without accents, or in the administrative "NOM Prénom" order.
  const name =
    r < 0.5
      ? stripAccents(p.name)
      : r < 0.7
        ? `${p.family.toUpperCase()} ${p.given}`
        : r < 0.8
          ? p.name.toLowerCase()
          : p.name
  const email = chance(rng, 0.4) ? p.email.replace(/^./, (ch) => ch.toUpperCase()) : p.email
  return { name, phone: frenchPhone(p.phoneDigits, int(rng, 0, 3)), email }
}

interface FrProduct {
  readonly n: string
  readonly m: boolean
}

const products: Readonly<Record<ProductKey, FrProduct>> = {
  washer: { n: 'lave-linge', m: true },
  fridge: { n: 'réfrigérateur', m: true },
  laptop: { n: 'ordinateur portable', m: true },
  phone: { n: 'smartphone', m: true },
  tv: { n: 'téléviseur', m: true },
  vacuum: { n: 'aspirateur sans fil', m: true },
  microwave: { n: 'four à micro-ondes', m: true },
  coffee: { n: 'machine à café', m: false },
  kettle: { n: 'bouilloire', m: false },
  heater: { n: 'radiateur électrique', m: true },
  sofa: { n: "canapé d'angle", m: true },
  mattress: { n: 'matelas', m: true },
  printer: { n: 'imprimante', m: false },
  speaker: { n: 'enceinte Bluetooth', m: false },
  hairdryer: { n: 'sèche-cheveux', m: true },
  scooter: { n: 'trottinette électrique', m: false },
}

interface FrRole {
  readonly def: string
  readonly Def: string
  readonly au: string
  readonly m: boolean
}

const roles: Readonly<Record<StaffRole, FrRole>> = {
  sales: { def: 'le vendeur', Def: 'Le vendeur', au: 'au vendeur', m: true },
  cashier: { def: 'la caissière', Def: 'La caissière', au: 'à la caissière', m: false },
  security: { def: "l'agent de sécurité", Def: "L'agent de sécurité", au: "à l'agent de sécurité", m: true },
  driver: { def: 'le livreur', Def: 'Le livreur', au: 'au livreur', m: true },
  manager: {
    def: 'la responsable du magasin',
    Def: 'La responsable du magasin',
    au: 'à la responsable du magasin',
    m: false,
  },
  agent: {
    def: 'la conseillère du service client',
    Def: 'La conseillère du service client',
    au: 'à la conseillère du service client',
    m: false,
  },
  technician: { def: 'le technicien', Def: 'Le technicien', au: 'au technicien', m: true },
}

const stores: Readonly<Record<StoreKey, string>> = {
  lyon: 'votre magasin de Lyon Part-Dieu',
  hanoi: 'votre magasin de Hanoï',
  hcmc: 'votre magasin de Hô Chi Minh-Ville',
  moscow: 'votre point de retrait de Moscou',
}

const months = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
]

interface C {
  readonly p: string
  /** le lave-linge, la bouilloire, l'imprimante */
  readonly le: string
  readonly Le: string
  readonly un: string
  readonly mon: string
  readonly du: string
  readonly il: string
  readonly Il: string
  /** Object pronoun before a consonant: le, la. */
  readonly lo: string
  /** Agreement with the product: '' or 'e'. */
  readonly pe: string
  /** Agreement with the customer: '' or 'e'. */
  readonly e: string
  readonly neuf: string
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
  readonly au: string
  /** Agreement with the staff member: '' or 'e'. */
  readonly re: string
  readonly store: string
  readonly order: string
  readonly days: number
  readonly weeks: number
  readonly months: number
  readonly times: string
}

const formatMoney = memo((key: number): string => {
  const style = key % 4
  const total = (key - style) / 4
  const whole = Math.floor(total / 100)
  const cents = total - whole * 100
  const number =
    (style === 1 ? String(whole) : groupDigits(whole, ' ')) + (cents === 0 ? '' : `,${String(cents).padStart(2, '0')}`)
  if (style === 2) return `${number}€`
  if (style === 3) return `${number} euros`
  return `${number} €`
})

/** "1 249,99 €", "1249,99 €", "1 249,99€" or "1 249,99 euros": each customer has a habit. */
function money(amount: number, style: number): string {
  return formatMoney(Math.round(amount * 100) * 4 + style)
}

function dayName(day: number): string {
  return day === 1 ? '1er' : String(day)
}

const dates = datePhrases((e) => {
  const month = months[e.month - 1] as string
  if (e.precision === 'day') {
    const date = `le ${dayName(e.day)} ${month}${e.yearsAgo === 0 ? '' : ` ${e.year}`}`
    return { when: date, since: `depuis ${date}` }
  }
  if (e.precision === 'month') {
    const date = `${month}${e.yearsAgo === 0 ? '' : e.yearsAgo === 1 ? ' dernier' : ` ${e.year}`}`
    return { when: `en ${date}`, since: `depuis ${date}` }
  }
  if (e.yearsAgo === 0) return { when: "en début d'année", since: "depuis le début de l'année" }
  if (e.yearsAgo === 1) return { when: "l'année dernière", since: "depuis l'année dernière" }
  return { when: `en ${e.year}`, since: `depuis ${e.year}` }
})

/** Every form of a product name the sentences need, with articles and agreement. */
interface ProductForms {
  readonly p: string
  readonly le: string
  readonly Le: string
  readonly un: string
  readonly mon: string
  readonly du: string
  readonly il: string
  readonly Il: string
  readonly lo: string
  readonly pe: string
  readonly neuf: string
}

const productForms = Object.fromEntries(
  Object.entries(products).map(([key, prod]) => {
    const vowel = /^[aeiouéèêâîôûœh]/i.test(prod.n)
    const le = vowel ? `l'${prod.n}` : `${prod.m ? 'le' : 'la'} ${prod.n}`
    const forms: ProductForms = {
      p: prod.n,
      le,
      Le: cap(le),
      un: `${prod.m ? 'un' : 'une'} ${prod.n}`,
      mon: `${vowel || prod.m ? 'mon' : 'ma'} ${prod.n}`,
      du: vowel ? `de l'${prod.n}` : `${prod.m ? 'du' : 'de la'} ${prod.n}`,
      il: prod.m ? 'il' : 'elle',
      Il: prod.m ? 'Il' : 'Elle',
      lo: prod.m ? 'le' : 'la',
      pe: prod.m ? '' : 'e',
      neuf: prod.m ? 'neuf' : 'neuve',
    }
    return [key, forms]
  }),
) as Record<ProductKey, ProductForms>

const times = ['deux fois', 'trois fois', 'quatre fois', 'cinq fois']

const context = lastOnly((f: Facts): C => {
  const d = dates(f)
  const pf = productForms[f.product]
  const role = roles[f.role]
  const s = f.moneyStyle
  const price = money(f.price, s)
  return {
    p: pf.p,
    le: pf.le,
    Le: pf.Le,
    un: pf.un,
    mon: pf.mon,
    du: pf.du,
    il: pf.il,
    Il: pf.Il,
    lo: pf.lo,
    pe: pf.pe,
    e: f.customer.fem ? 'e' : '',
    neuf: pf.neuf,
    price,
    charged: f.charged === f.price ? price : money(f.charged, s),
    refund: f.refund === f.price ? price : money(f.refund, s),
    comp: money(f.compensation, s),
    when: d.when,
    When: d.When,
    since: d.since,
    Since: d.Since,
    role: role.def,
    Role: role.Def,
    au: role.au,
    re: role.m ? '' : 'e',
    store: stores[f.store],
    order: f.orderNo,
    days: f.days,
    weeks: f.weeks,
    months: f.months,
    times: times[f.times % 4] as string,
  }
})

const online: readonly ((c: C) => string)[] = [
  (c) => `J'ai commandé ${c.un} sur votre site internet (commande n° ${c.order}) pour ${c.price}.`,
  (c) => `J'ai acheté ${c.un} sur votre boutique en ligne au prix de ${c.price}.`,
  (c) => `Ma commande n° ${c.order} concerne ${c.un} payé${c.pe} ${c.price}, livraison à domicile comprise.`,
]
const inStore: readonly ((c: C) => string)[] = [
  (c) => `J'ai acheté ${c.un} dans ${c.store} pour ${c.price}.`,
  (c) => `Je vous écris au sujet ${c.du} acheté${c.pe} ${c.price} dans ${c.store}.`,
  (c) => `J'ai payé ${c.price} pour ${c.un} dans ${c.store}.`,
]
const bought = [...online, ...inStore]
const visit: readonly ((c: C) => string)[] = [
  (c) => `J'étais en courses dans ${c.store} avec mon fils.`,
  (c) => `Je suis venu${c.e} dans ${c.store} pour voir ${c.un}.`,
  (c) => `Je suis client${c.e} fidèle de ${c.store}.`,
]

const lines: Readonly<Record<Scenario, ScenarioLines<C>>> = {
  delivery_late: {
    openings: online,
    problems: [
      (c) => `La livraison était prévue ${c.when} et personne n'est venu, sans appel ni message.`,
      (c) => `${c.When}, j'ai attendu toute la journée chez moi et la livraison n'est jamais arrivée.`,
      (c) => `La livraison était prévue ${c.when}, mais ${c.le} n'est arrivé${c.pe} qu'avec ${c.days} jours de retard.`,
      (c) => `${c.days} jours après la date promise, je n'ai toujours rien reçu.`,
      (c) => `Votre site annonçait une livraison ${c.when} ; depuis, le suivi indique « en préparation ».`,
    ],
    details: [
      () => "J'avais posé un jour de congé pour rien.",
      (c) => `À chaque appel, on me répond que ${c.le} est « en cours d'acheminement ».`,
      (c) => `Personne ne m'a prévenu${c.e} du retard : je l'ai découvert moi-même sur le suivi.`,
      () => "J'avais pourtant payé la livraison express.",
    ],
  },
  delivery_damaged: {
    openings: online,
    problems: [
      (c) => `À la livraison ${c.when}, le carton était écrasé et ${c.le} était cabossé${c.pe}.`,
      (c) =>
        `${c.When}, le livreur a laissé le colis devant ma porte sous la pluie ; ${c.le} à l'intérieur est abîmé${c.pe}.`,
      (c) =>
        `${c.Le} livré${c.pe} ${c.when} a une grosse rayure et une pièce cassée : ${c.il} n'a visiblement pas été manipulé${c.pe} avec soin.`,
      (c) => `J'ai ouvert le carton devant le livreur ${c.when} et ${c.le} était cassé${c.pe}.`,
    ],
    details: [
      () => "Le livreur a refusé d'attendre que je vérifie le colis.",
      () => "J'ai noté « colis endommagé » sur le bon de livraison et pris des photos.",
      () => "J'ai gardé tout l'emballage au cas où vous voudriez le voir.",
    ],
  },
  billing_double: {
    openings: bought,
    problems: [
      (c) => `J'ai été débité${c.e} deux fois pour le même achat : deux prélèvements de ${c.price} ${c.when}.`,
      (c) => `Mon relevé bancaire montre ${c.le} payé${c.pe} deux fois, ${c.price} à chaque fois.`,
      (c) =>
        `${c.When}, le terminal de paiement a refusé ma carte, j'ai donc payé une seconde fois, et les deux paiements de ${c.price} sont passés.`,
    ],
    details: [
      () => 'Ma banque me dit que le remboursement doit venir de vous.',
      () => 'Cet argent devait servir à payer mon loyer ce mois-ci.',
      () => 'Je vous ai déjà envoyé une copie de mon relevé.',
    ],
  },
  billing_wrong: {
    openings: inStore,
    problems: [
      (c) => `On m'a facturé ${c.charged} au lieu des ${c.price} affichés sur l'étiquette.`,
      (c) => `La facture reçue ${c.when} indique ${c.charged}, alors que le prix convenu était de ${c.price}.`,
      (c) =>
        `Une extension de garantie que je n'ai jamais demandée a été ajoutée à ma commande : j'ai payé ${c.charged} au lieu de ${c.price}.`,
      (c) =>
        `La promotion annoncée sur ${c.le} n'a pas été appliquée en caisse : j'ai payé ${c.charged} au lieu de ${c.price}.`,
    ],
    details: [
      (c) => `${c.Role} m'a dit que « le système ne peut pas se tromper ».`,
      () => "J'ai gardé le ticket de caisse et une photo de l'étiquette.",
      () => "Personne n'a pu m'expliquer la différence.",
    ],
  },
  staff_rude: {
    openings: visit,
    problems: [
      (c) => `${c.When}, ${c.role} de ${c.store} m'a parlé de manière très agressive devant d'autres clients.`,
      (c) =>
        `Quand j'ai demandé de l'aide ${c.au} ${c.when}, on m'a répondu d'« aller voir sur internet » avant de me tourner le dos.`,
      (c) => `${c.When}, ${c.role} s'est moqué${c.re} de mon accent et a refusé de me servir.`,
      (c) =>
        `${c.When}, j'ai appelé votre service client et la conseillère a été désagréable, m'a coupé la parole puis a raccroché.`,
    ],
    details: [
      () => "D'autres clients ont tout vu, l'un d'eux s'est même excusé à votre place.",
      () => "J'ai demandé le nom du responsable et on me l'a refusé.",
      (c) => `Je me suis senti${c.e} humilié${c.e}.`,
      (c) => `À mon âge, je n'ai jamais été traité${c.e} ainsi.`,
    ],
  },
  defect: {
    openings: bought,
    problems: [
      (c) => `${c.Le} est tombé${c.pe} en panne au bout de seulement ${c.weeks} semaines.`,
      (c) => `${c.Since}, ${c.le} s'arrête ${c.pe ? 'toute seule' : 'tout seul'} et fait un bruit de claquement.`,
      (c) => `${c.Le} ne fonctionne pas correctement depuis le début : une fois sur deux, ${c.il} ne s'allume pas.`,
      (c) =>
        `${c.When}, ${c.le} est complètement tombé${c.pe} en panne et affiche un code d'erreur que la notice n'explique pas.`,
    ],
    details: [
      () => "J'ai pourtant suivi la notice à la lettre.",
      () => "J'ai fait la réinitialisation conseillée par votre hotline, sans résultat.",
      (c) => `${c.Il} n'a presque pas servi.`,
      () => "J'ai une vidéo qui montre le problème.",
    ],
  },
  refund_refused: {
    openings: online,
    problems: [
      (c) =>
        `J'ai rapporté ${c.le} encore emballé${c.pe} sous 14 jours, mais ${c.role} a refusé de me rembourser et m'a proposé un simple avoir.`,
      (c) =>
        `${c.When}, j'ai rapporté ${c.le} avec le ticket et on m'a dit que le remboursement était « impossible » sur cet article.`,
      (c) =>
        `Vous m'avez confirmé par e-mail ${c.when} un remboursement de ${c.refund}, mais je n'ai jamais rien reçu sur mon compte.`,
      (c) => `J'ai annulé ma commande ${c.when}, avant l'expédition, et j'attends toujours mes ${c.refund}.`,
    ],
    details: [
      () => 'Vos propres conditions générales prévoient un délai de rétractation de 14 jours.',
      () => "L'article est dans son emballage d'origine avec tous ses accessoires.",
      () => 'On me répond « la semaine prochaine » depuis trois semaines.',
    ],
  },
  safety_fall: {
    openings: visit,
    problems: [
      (c) =>
        `${c.When}, j'ai glissé sur un sol mouillé près de l'entrée de ${c.store}, sans aucun panneau de signalisation.`,
      (c) => `${c.When}, un carton lourd est tombé d'une étagère haute dans ${c.store} et m'a heurté${c.e} à l'épaule.`,
      (c) =>
        `${c.When}, j'ai trébuché sur une palette laissée au milieu d'une allée dans ${c.store} et je suis tombé${c.e}.`,
    ],
    details: [
      () => "J'ai dû aller aux urgences et j'ai une entorse au poignet.",
      () => "Mon médecin m'a prescrit dix jours d'arrêt de travail.",
      () => "Aucun membre du personnel n'est venu m'aider ni n'a noté ce qui s'était passé.",
      () => 'Mon petit garçon était avec moi et a eu très peur.',
    ],
  },
  safety_overheat: {
    openings: bought,
    problems: [
      (c) => `${c.When}, ${c.le} a surchauffé et s'est mis${c.pe} à fumer alors que je l'utilisais normalement.`,
      (c) => `${c.When}, ${c.le} a dégagé une forte odeur de plastique brûlé et le boîtier a fondu.`,
      (c) => `${c.Le} est devenu${c.pe} si chaud${c.pe} ${c.when} que je me suis brûlé la main en ${c.lo} touchant.`,
      (c) => `${c.When}, des étincelles sont sorties ${c.du} et le courant a sauté dans tout l'appartement.`,
    ],
    details: [
      () => "Cela aurait pu provoquer un incendie : mes enfants dormaient dans la pièce d'à côté.",
      (c) => `Je l'ai débranché${c.pe} et je ${c.lo} garde à votre disposition pour expertise.`,
      () => "J'ai des photos des traces de brûlure.",
    ],
  },
  privacy: {
    openings: online,
    problems: [
      (c) =>
        `${c.When}, j'ai reçu de votre part un e-mail contenant le nom, l'adresse et le détail de commande d'un autre client.`,
      (c) =>
        `Depuis mon achat ${c.du}, je reçois des appels et des SMS publicitaires alors que je n'ai jamais donné mon accord.`,
      (c) =>
        `${c.When}, ${c.role} a photographié ma carte d'identité avec son téléphone personnel lors du retrait de ma commande.`,
      (c) =>
        `Je vous ai demandé ${c.when} de supprimer mes données personnelles et je n'ai toujours reçu aucune confirmation.`,
    ],
    details: [
      () => 'Je souhaite savoir qui a accès à mes données et pourquoi.',
      () => "Cela veut dire que mes propres coordonnées ont peut-être été envoyées à quelqu'un d'autre.",
      () => "Je n'ai jamais coché la moindre case acceptant la prospection commerciale.",
    ],
  },
  warranty: {
    openings: bought,
    problems: [
      (c) =>
        `${c.Le} est tombé${c.pe} en panne ${c.months} mois après l'achat, sous garantie légale, mais votre service après-vente affirme que la panne « n'est pas couverte ».`,
      (c) =>
        `J'ai envoyé ${c.le} en réparation sous garantie ${c.when} et je n'ai aucune nouvelle depuis ${c.days} jours.`,
      (c) =>
        `${c.When}, le technicien a prétendu que la panne venait d'une mauvaise utilisation, ce qui est faux, et veut me faire payer la réparation.`,
      (c) => `C'est la troisième fois que ${c.le} repart en réparation pour la même panne.`,
    ],
    details: [
      () => "J'ai la facture et le certificat de garantie.",
      (c) => `Chaque semaine sans ${c.mon} me coûte de l'argent.`,
      (c) => `Personne ne sait me dire où se trouve ${c.mon} aujourd'hui.`,
    ],
  },
}

const common: CommonLines<C> = {
  followUps: [
    (c) =>
      `J'ai appelé votre service client ${c.times}, et à chaque fois on m'a promis un rappel qui n'est jamais venu.`,
    () => "J'ai envoyé deux e-mails et n'ai reçu que des réponses automatiques.",
    (c) => `J'en ai parlé ${c.au}, qui m'a simplement dit de vous écrire.`,
    () => "J'ai conservé le ticket de caisse et des photos de tout.",
    () => "Votre assistant en ligne me renvoie toujours vers la même page d'aide.",
  ],
  feelings: [
    (c) => `Je suis client${c.e} chez vous depuis des années et je suis très déçu${c.e}.`,
    () => "C'est tout simplement inadmissible.",
    (c) => `Je suis retraité${c.e} et cette somme compte pour moi.`,
    () => "Franchement, j'attendais mieux d'une enseigne comme la vôtre.",
    () => "Tout cela m'a fait perdre beaucoup de temps et d'énergie.",
  ],
  closings: [
    () => 'Je souhaite que ce problème soit réglé rapidement.',
    () => 'Sans réponse de votre part sous quinze jours, je saisirai le médiateur de la consommation.',
    () => 'Merci de me répondre par écrit.',
    () => "Dans l'attente de votre réponse, je vous prie d'agréer mes salutations distinguées.",
  ],
}

function remedy(rng: Rng, f: Facts): string {
  const c = context(f)
  switch (f.remedy) {
    case 'refund':
      return pick(rng, [
        `Le remboursement intégral de ${c.refund}.`,
        `Le remboursement de ${c.refund} sur ma carte bancaire.`,
        `Je demande à être remboursé${c.e} de ${c.refund}.`,
      ])
    case 'replacement':
      return pick(rng, [
        `Le remplacement ${c.du} par un article neuf, livré gratuitement.`,
        `Un échange contre ${c.un} ${c.neuf} ou, à défaut, le remboursement.`,
      ])
    case 'apology':
      if (f.scenario === 'privacy')
        return pick(rng, [
          'La suppression de toutes mes données personnelles, confirmée par écrit.',
          "Des explications sur l'utilisation de mes données et des excuses.",
        ])
      return pick(rng, [
        'Des excuses écrites.',
        "Des excuses du responsable du magasin et l'assurance que cela ne se reproduira pas.",
        "Je veux des excuses et que la personne concernée soit rappelée à l'ordre.",
      ])
    case 'compensation':
      if (f.scenario === 'safety_fall')
        return `Le remboursement de mes frais médicaux et un dédommagement de ${c.comp}.`
      return pick(rng, [
        `Un dédommagement de ${c.comp} pour le préjudice subi.`,
        `${c.comp} pour couvrir mes frais et le temps perdu.`,
      ])
    case 'repair':
      return pick(rng, [
        "La réparation gratuite sous garantie, dans un délai d'une semaine.",
        `La réparation ${c.du} sans frais, comme le prévoit la garantie.`,
      ])
  }
}

function salutation(p: Person): string {
  return `${p.fem ? 'Madame' : 'Monsieur'} ${p.family}`
}

const progress: Readonly<Record<string, readonly ((c: C) => string)[]>> = {
  delivery: [
    () =>
      'Nous avons demandé au transporteur son rapport de livraison et ses photos ; nous revenons vers vous dès réception.',
  ],
  billing: [
    () =>
      'Notre service comptable vérifie les paiements passés sur votre carte et vous confirmera le montant à rembourser.',
  ],
  staff: [() => 'Nous avons entendu le personnel présent ce jour-là et visionnons les images de vidéosurveillance.'],
  product: [(c) => `${c.Le} est en cours d'examen par notre technicien ; nous attendons son rapport sous une semaine.`],
  safety: [
    () =>
      'Les images de vidéosurveillance et le registre des incidents ont été conservés ; notre responsable sécurité les analyse.',
  ],
  privacy: [() => "Notre délégué à la protection des données enquête sur l'utilisation de vos coordonnées."],
  any: [
    (c) => `Votre dossier avance ; nous vous tiendrons informé${c.e} d'ici une semaine.`,
    () => "Pour poursuivre, nous avons besoin d'une copie de votre ticket de caisse ou de votre relevé bancaire.",
  ],
}

const triageNotes: Readonly<Record<Scenario, string>> = {
  delivery_late: 'Retard confirmé par le suivi du transporteur ; vérifier le créneau et la politique de dédommagement.',
  delivery_damaged: 'Réserves notées sur le bon de livraison ; demander les photos au transporteur.',
  billing_double:
    'Deux autorisations de paiement sur la même commande dans le journal des paiements ; vérifier avec la banque.',
  billing_wrong: "Comparer le ticket de caisse, l'étiquette et les promotions du jour.",
  staff_rude: 'Récit précis (date, lieu, personne) ; entendre le personnel et visionner la vidéosurveillance.',
  defect: 'Achat confirmé, produit sous garantie ; obtenir le rapport du technicien.',
  refund_refused: 'Retour dans le délai de rétractation selon les dates de commande ; refus à vérifier.',
  safety_fall: 'Blessure en magasin : incident de sécurité, conserver la vidéo et le registre des incidents.',
  safety_overheat:
    "Défaut de sécurité possible ; rechercher d'autres signalements sur le même modèle et prévenir le fournisseur.",
  privacy:
    "Violation possible de données personnelles : évaluer et notifier l'autorité sous 72 h si elle est confirmée.",
  warranty: 'Produit sous garantie légale ; demander le rapport du service après-vente.',
}

/** What an investigator writes when escalating, by target and kind of stakes. */
const escalationNotes: EscalationNotes = {
  managerIncident: 'Cas majeur : responsable du magasin informé, visionnage de la vidéo demandé.',
  managerOther: 'Cas majeur : responsable du service informé.',
  managerDelegation: 'Dédommagement probablement au-delà de ma délégation : décision du responsable.',
  legalSafety: 'Mise en cause possible de notre responsabilité : avis du service juridique avant toute réponse.',
  legalPrivacy: "Manquement possible au RGPD : le juridique évalue l'obligation de notification.",
  legalOther: "Litige de consommation susceptible d'aller en justice : avis juridique demandé.",
  policeSafety: 'Le client a porté plainte ; la police demande les images de vidéosurveillance.',
  policeOther: 'Soupçon de fraude par un tiers : signalement à la police.',
}

const declineNotes: Readonly<Record<Exclude<DeclineReason, 'duplicate'>, readonly string[]>> = {
  frivolous: [
    'Aucun manquement constaté : la situation décrite correspond au fonctionnement normal du service.',
    'Réclamation sans objet après vérification des faits avec le client.',
  ],
  scam: [
    'Aucun achat ne correspond au numéro de ticket fourni ; le ticket semble modifié.',
    'Même demande envoyée à plusieurs magasins sous des noms différents ; tentative de fraude probable.',
  ],
  out_of_scope: [
    "Article acheté auprès d'un vendeur de la place de marché, pas chez nous ; client orienté vers le vendeur.",
    'Concerne le contrat du client avec le transporteur, pas notre livraison.',
  ],
}

export const frenchBank: PhraseBank = {
  language: 'fr',
  person,
  variant,
  localPrice: (_p, eur) => eur,
  localRound: (_p, eur) => Math.max(10, Math.round(eur / 10) * 10),
  complaint: (rng, f) => compose(rng, lines[f.scenario], common, context(f)),
  remedy,
  acknowledgement(rng, f, ref, handler, via) {
    if (via === 'phone')
      return `Appel au client : réclamation enregistrée sous la référence ${ref}, réponse promise sous 30 jours.`
    if (via === 'in_person')
      return `Vu le client au magasin : réclamation enregistrée sous la référence ${ref}, récépissé remis, réponse sous 30 jours.`
    const sal = salutation(f.customer)
    return pick(rng, [
      `${sal}, nous avons bien reçu votre réclamation, enregistrée sous la référence ${ref}. Nous vous répondrons au plus tard sous 30 jours.`,
      `${sal}, nous accusons réception de votre réclamation (réf. ${ref}). Votre dossier est suivi par ${handler}.`,
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
          return `${sal}nous avons procédé au remboursement de ${c.refund} sur votre carte ; il apparaîtra sous 5 jours ouvrés.`
        case 'replacement':
          return `${sal}nous vous livrerons gratuitement ${c.un} ${c.neuf} ; notre équipe vous appellera pour fixer une date.`
        case 'apology':
          return f.scenario === 'privacy'
            ? `${sal}vos données ont été supprimées de nos fichiers de prospection ; nous vous prions d'excuser cette erreur.`
            : `${sal}nous vous présentons nos sincères excuses. Les personnes concernées ont été reçues et l'équipe a été rappelée à nos règles.`
        case 'compensation':
          return `${sal}nous vous versons ${c.comp} en dédommagement du préjudice subi.`
        case 'repair':
          return `${sal}votre ${c.p} sera réparé${c.pe} gratuitement sous garantie ; l'enlèvement est prévu la semaine prochaine.`
      }
    }
    if (outcome === 'partial')
      return scenarioGroup[f.scenario] === 'delivery' && chance(rng, 0.5)
        ? `${sal}nous remboursons les frais de livraison et vous offrons ${c.comp} de réduction sur votre prochain achat.`
        : `${sal}nous ne pouvons pas accéder à l'intégralité de votre demande, mais nous vous proposons un bon d'achat de ${c.comp} à titre commercial.`
    return scenarioGroup[f.scenario] === 'product' && chance(rng, 0.5)
      ? `${sal}le rapport de notre technicien montre que la panne n'est pas couverte par la garantie ; nous ne pouvons donc pas accéder à votre demande.`
      : `${sal}après examen de votre dossier, nous n'avons constaté aucun manquement de notre part et ne pouvons donner suite à votre demande. Vous pouvez saisir le médiateur de la consommation.`
  },
  declined(_rng, f, reason, previousRef) {
    const sal = `${salutation(f.customer)}, `
    switch (reason) {
      case 'frivolous':
        return `${sal}après examen, votre réclamation ne relève d'aucun manquement de notre part. Nous restons à votre disposition pour tout élément nouveau.`
      case 'scam':
        return `${sal}nous n'avons pu rattacher le ticket transmis à aucun achat enregistré ; nous ne pouvons donc pas donner suite.`
      case 'out_of_scope':
        return `${sal}cet achat a été effectué auprès d'un vendeur partenaire de notre place de marché ; nous vous invitons à le contacter directement.`
      case 'duplicate':
        return `${sal}votre réclamation est déjà traitée sous la référence ${previousRef ?? ''} ; nous vous répondrons dans ce dossier.`
    }
  },
  triageNote(rng, f) {
    return chance(rng, 0.8)
      ? triageNotes[f.scenario]
      : 'Récit plausible, achat retrouvé dans nos systèmes ; à instruire.'
  },
  declineNote(rng, _f, reason, previousRef) {
    if (reason === 'duplicate') return `Doublon de ${previousRef ?? 'un dossier ouvert'}, déjà en cours de traitement.`
    return pick(rng, declineNotes[reason])
  },
  escalationNote: (rng, f, to) => pickEscalationNote(escalationNotes, rng, f, to),
}
