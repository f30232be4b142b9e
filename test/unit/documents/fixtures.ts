import { join } from 'node:path'
import type { CaseId } from '../../../src/shared/domain/case'
import { caseBundleSchema, caseBundleVersion, type CaseBundle } from '../../../src/shared/domain/case-bundle'
import type { Id } from '../../../src/shared/domain/ids'
import type {
  Account,
  AccountVersion,
  Credibility,
  Party,
  PartyRole,
  Task,
} from '../../../src/shared/domain/investigation'

export const fontsDir = join(__dirname, '../../../resources/fonts')

/** Ids that read well in a failing assertion; the renderer never cares what an id looks like. */
const id = <B extends string>(text: string): Id<B> => text as Id<B>

export const caseId = id<'case'>('case-1') as CaseId
export const customerSentence =
  'Tôi đã đặt mua một chiếc tủ lạnh vào ngày 3 tháng 3, nhưng người giao hàng để nó ngoài trời mưa và cánh tủ bị móp.'
export const russianHandler = 'Дмитрий Иванович Соколов'
export const russianWitness = 'Екатерина Павловна Орлова'
export const frenchStaff = 'François Lefèvre-Ménard'
export const customerName = 'Nguyễn Thị Hằng'
export const invoiceSha = 'a3f5c2e19b7d4480e6c1f0b2d9a8e7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0'
export const exceptionReason = 'Le transporteur a fermé son agence de Lyon; vérification impossible avant 2027.'

const at = (day: number, hour = 10): string =>
  `2026-03-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:15:00.000Z`

const notAssessed: Credibility = {
  corroboration: { finding: 'not_assessed', note: '' },
  consistency: { finding: 'not_assessed', note: '' },
  plausibility: { finding: 'not_assessed', note: '' },
  motive: { finding: 'not_assessed', note: '' },
  omissions: { finding: 'not_assessed', note: '' },
}

export function party(n: number, role: PartyRole, name: string, relation: string, credibility = notAssessed): Party {
  return {
    id: id<'party'>(`party-${n}`),
    caseId,
    role,
    name,
    phone: '',
    email: '',
    address: '',
    relation,
    credibility,
    createdAt: at(5),
    createdBy: russianHandler,
    updatedAt: at(5),
  }
}

function task(n: number, overrides: Partial<Task>): Task {
  return {
    id: id<'task'>(`task-${n}`),
    caseId,
    kind: 'measure',
    text: '',
    owner: russianHandler,
    due: '2026-04-30',
    status: 'open',
    origin: null,
    doneAt: null,
    doneBy: null,
    verification: null,
    createdAt: at(20),
    createdBy: russianHandler,
    updatedAt: at(20),
    ...overrides,
  }
}

/** A closed delivery complaint from a Vietnamese customer, investigated by a Russian-speaking handler in Lyon. */
export function richBundle(overrides: Partial<CaseBundle> = {}): CaseBundle {
  const parties: Party[] = [
    party(1, 'complainant', customerName, 'Khách hàng, người nhận hàng', {
      ...notAssessed,
      consistency: { finding: 'supports', note: 'Same account in the form and at the interview.' },
    }),
    party(2, 'staff', frenchStaff, 'Livreur de la tournée du 3 mars', {
      ...notAssessed,
      motive: { finding: 'concern', note: 'Risque de sanction interne s’il reconnaît la faute.' },
      consistency: { finding: 'neutral', note: 'Deux versions, l’heure change de 30 minutes.' },
    }),
    party(3, 'witness', russianWitness, 'Соседка, видела доставку из окна'),
  ]
  const accounts: Account[] = [
    {
      id: id<'account'>('account-1'),
      caseId,
      partyId: parties[0]!.id,
      title: 'Lời kể về việc giao hàng',
      createdAt: at(6),
      createdBy: russianHandler,
    },
    {
      id: id<'account'>('account-2'),
      caseId,
      partyId: parties[1]!.id,
      title: 'Récit de la livraison',
      createdAt: at(7),
      createdBy: russianHandler,
    },
  ]
  const longTelling = `${customerSentence} Tôi đã gọi tổng đài hai lần. `.repeat(12)
  const accountVersions: AccountVersion[] = [
    {
      id: id<'accountVersion'>('v-1-1'),
      accountId: accounts[0]!.id,
      caseId,
      n: 1,
      toldAt: at(6),
      source: 'written',
      interviewId: null,
      text: customerSentence,
      createdAt: at(6),
      createdBy: russianHandler,
    },
    {
      id: id<'accountVersion'>('v-1-2'),
      accountId: accounts[0]!.id,
      caseId,
      n: 2,
      toldAt: at(9),
      source: 'interview',
      interviewId: null,
      text: longTelling,
      createdAt: at(9),
      createdBy: russianHandler,
    },
    {
      id: id<'accountVersion'>('v-2-1'),
      accountId: accounts[1]!.id,
      caseId,
      n: 1,
      toldAt: at(7),
      source: 'phone',
      interviewId: null,
      text: 'J’ai posé le réfrigérateur sous l’auvent à 14 h, il ne pleuvait pas.',
      createdAt: at(7),
      createdBy: russianHandler,
    },
  ]
  const evidence = [
    {
      id: id<'evidence'>('evidence-1'),
      caseId,
      sha256: invoiceSha,
      name: 'hoa-don-tu-lanh.pdf',
      size: 184_322,
      type: { mime: 'application/pdf', ext: 'pdf' },
      providedBy: customerName,
      acquiredAt: at(5),
      acquiredBy: russianHandler,
      description: 'Invoice',
      eventDate: null,
      reliability: 'verified' as const,
      reliabilityNote: '',
      bookmarks: [],
      createdAt: at(5),
      createdBy: russianHandler,
    },
    {
      id: id<'evidence'>('evidence-2'),
      caseId,
      sha256: 'b'.repeat(64),
      name: 'photo-pluie-livraison.jpg',
      size: 2_400_100,
      type: { mime: 'image/jpeg', ext: 'jpg' },
      providedBy: russianWitness,
      acquiredAt: at(8),
      acquiredBy: russianHandler,
      description: 'Photo',
      eventDate: { value: '2026-03-03', precision: 'day' as const },
      reliability: 'verified' as const,
      reliabilityNote: '',
      bookmarks: [],
      createdAt: at(8),
      createdBy: russianHandler,
    },
  ]
  const discrepancy = {
    id: id<'discrepancy'>('discrepancy-1'),
    caseId,
    topic: 'Thời tiết lúc giao hàng / météo à la livraison',
    a: {
      claimId: id<'claim'>('claim-1'),
      accountId: accounts[0]!.id,
      partyId: parties[0]!.id,
      quote: 'người giao hàng để nó ngoài trời mưa',
    },
    b: {
      claimId: id<'claim'>('claim-2'),
      accountId: accounts[1]!.id,
      partyId: parties[1]!.id,
      quote: 'il ne pleuvait pas',
    },
    note: '',
    status: 'resolved' as const,
    resolution: {
      how: 'La photo horodatée de la voisine montre la pluie à 14 h 05.',
      settledBy: { kind: 'evidence' as const, evidenceId: evidence[1]!.id },
      bearsOut: 'a' as const,
      factId: id<'fact'>('fact-1'),
      at: at(12),
      by: russianHandler,
    },
    createdAt: at(10),
    createdBy: russianHandler,
    updatedAt: at(12),
  }
  const tasks: Task[] = [
    task(1, {
      text: 'Former les livreurs à la protection des colis par temps de pluie',
      owner: frenchStaff,
      status: 'done',
      verification: { by: russianHandler, at: at(28), note: 'Feuille de présence signée', evidenceId: evidence[0]!.id },
    }),
    task(2, { text: 'Équiper les camions de housses imperméables', owner: 'Service logistique' }),
    task(3, {
      kind: 'follow_up',
      text: 'Investigate further: time of delivery',
      status: 'done',
      doneAt: at(14),
      doneBy: russianHandler,
    }),
  ]
  return {
    schema: caseBundleSchema,
    schemaVersion: caseBundleVersion,
    exportedAt: at(30),
    exportedBy: russianHandler,
    organisation: 'Électroménager Rhône SARL',
    case: {
      id: caseId,
      ref: 'LYON-2026-0042',
      status: 'closed',
      channel: 'letter',
      receivedAt: at(4, 9),
      receivedBy: 'Amélie Durand',
      department: 'Livraison',
      customer: {
        name: customerName,
        address: '12 rue Sébastien-Gryphe\n69007 Lyon',
        phone: '+33 6 12 34 56 78',
        email: 'hang.nguyen@example.org',
        language: 'vi',
      },
      eventDate: { value: '2026-03-03', precision: 'day' },
      complaint: `${customerSentence}\nTôi yêu cầu được đổi tủ mới.`,
      remedy: 'Đổi tủ lạnh mới và hoàn lại phí giao hàng.',
      signature: null,
      triage: {
        decision: 'investigate',
        declineReason: null,
        reason: 'Dommage matériel, enjeu financier.',
        severity: 'major',
        criteria: ['financial'],
        decidedAt: at(4, 15),
        decidedBy: russianHandler,
      },
      category: 'delivery',
      escalations: [{ to: 'manager', at: at(4, 16), by: russianHandler, reason: 'Montant supérieur à 500 €' }],
      due: { acknowledge: at(5, 9), resolve: at(25, 9) },
      acknowledgedAt: at(4, 17),
      assignee: russianHandler,
      closedAt: at(30),
      createdAt: at(4, 9),
      createdBy: 'Amélie Durand',
      updatedAt: at(30),
    },
    communications: [],
    evidence,
    custody: [],
    parties,
    interviews: [],
    accounts,
    accountVersions,
    claims: [],
    topicVerdicts: [],
    discrepancies: [discrepancy],
    facts: [
      {
        id: id<'fact'>('fact-1'),
        caseId,
        statement: 'Il pleuvait au moment de la livraison (14 h 05).',
        status: 'confirmed',
        sources: [
          { kind: 'evidence', id: evidence[1]!.id },
          { kind: 'discrepancy', id: discrepancy.id },
        ],
        note: '',
        taskId: null,
        createdAt: at(12),
        createdBy: russianHandler,
        updatedAt: at(12),
      },
      {
        id: id<'fact'>('fact-2'),
        caseId,
        statement: 'Cánh tủ bị móp khi giao.',
        status: 'doubtful',
        sources: [{ kind: 'account', id: accounts[0]!.id }],
        note: 'Aucune photo avant déballage.',
        taskId: null,
        createdAt: at(13),
        createdBy: russianHandler,
        updatedAt: at(13),
      },
    ],
    tasks,
    resolution: {
      id: id<'resolution'>('resolution-1'),
      caseId,
      responsibility: [
        { kind: 'party', partyId: parties[1]!.id, share: 70, note: '' },
        { kind: 'supplier', partyId: null, share: null, note: 'Transporteur sous-traitant' },
      ],
      rootCause: { category: 'process', text: 'Pas de consigne pour les livraisons sous la pluie.' },
      outcome: 'upheld',
      decision: 'Remplacement du réfrigérateur et remboursement des frais de livraison.',
      compensation: [
        { kind: 'replacement', amount: null, currency: null },
        { kind: 'refund', amount: 1234.5, currency: 'EUR' },
      ],
      decidedAt: at(20),
      decidedBy: russianHandler,
      createdAt: at(20),
      createdBy: russianHandler,
      updatedAt: at(20),
    },
    letters: [
      {
        id: id<'letter'>('letter-1'),
        caseId,
        language: 'vi',
        subject: 'Quyết định về khiếu nại LYON-2026-0042',
        body: 'Kính gửi Quý khách…',
        pdfSha256: 'c'.repeat(64),
        pdfSize: 40_000,
        status: 'sent',
        sentAt: at(21),
        sentBy: russianHandler,
        sentChannel: 'email',
        createdAt: at(21),
        createdBy: russianHandler,
        updatedAt: at(21),
      },
    ],
    closure: {
      id: id<'closure'>('closure-1'),
      caseId,
      codes: ['replacement_sent', 'refund_issued', 'custom_1'],
      exceptions: [
        {
          kind: 'unverified_measure',
          subjectId: 'task-2',
          label: 'Équiper les camions de housses imperméables',
          reason: exceptionReason,
        },
      ],
      summary: '',
      signOffs: [
        {
          id: id<'signoff'>('signoff-1'),
          role: 'handler',
          signerName: russianHandler,
          signerEmail: 'd.sokolov@example.org',
          organisation: 'Électroménager Rhône SARL',
          fingerprint:
            'AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89',
          certificatePem: '',
          signedAt: at(30, 11),
        },
      ],
      recordSha256: null,
      recordSize: null,
      createdAt: at(30),
      createdBy: russianHandler,
      updatedAt: at(30, 11),
    },
    surveys: [],
    lessons: [],
    ...overrides,
  }
}
