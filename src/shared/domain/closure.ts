import type { CaseId } from './case'
import type { Id } from './ids'
import type { Discrepancy, Task } from './investigation'
import type { Language } from '../i18n/languages'

export type LetterId = Id<'letter'>
export type SignOffId = Id<'signoff'>

/** The customer's response letter: drafted from a template, edited, rendered to PDF, then sent. */
export interface Letter {
  readonly id: LetterId
  readonly caseId: CaseId
  /** Language the letter is written in (the customer's, by default). */
  readonly language: Language
  readonly subject: string
  /** The letter's text after the placeholders were filled and the handler edited it. */
  readonly body: string
  /** SHA-256 of the rendered PDF in the vault, once rendered; null for a draft never rendered. */
  readonly pdfSha256: string | null
  readonly pdfSize: number | null
  readonly status: 'draft' | 'sent'
  /** When and how it went to the customer; null while a draft. */
  readonly sentAt: string | null
  readonly sentBy: string | null
  readonly sentChannel: 'email' | 'letter' | 'in_person' | null
  readonly createdAt: string
  readonly createdBy: string
  readonly updatedAt: string
}

/** A resolution code the closer can tick: built-in ones come with labels in every language. */
export interface ResolutionCode {
  /** Stable key, e.g. refund_issued; custom codes get custom_<n>. */
  readonly id: string
  readonly labels: Readonly<Record<Language, string>>
  /** Hidden from new closures but still shown on cases that used it. */
  readonly retired: boolean
  readonly builtIn: boolean
}

export const builtInResolutionCodes: readonly ResolutionCode[] = [
  code('refund_issued', 'Refund issued', 'Remboursement effectué', 'Đã hoàn tiền', 'Возврат средств произведён'),
  code('credit_granted', 'Credit granted', 'Avoir accordé', 'Đã cấp tín dụng', 'Предоставлен кредит'),
  code('replacement_sent', 'Replacement sent', 'Remplacement envoyé', 'Đã gửi hàng thay thế', 'Отправлена замена'),
  code('process_corrected', 'Process corrected', 'Processus corrigé', 'Đã sửa quy trình', 'Процесс исправлен'),
  code('staff_trained', 'Staff trained', 'Personnel formé', 'Đã đào tạo nhân viên', 'Персонал обучен'),
  code('apology_given', 'Apology given', 'Excuses présentées', 'Đã xin lỗi khách hàng', 'Принесены извинения'),
  code(
    'complaint_unfounded',
    'Complaint unfounded',
    'Réclamation non fondée',
    'Khiếu nại không có cơ sở',
    'Жалоба необоснованна',
  ),
  code(
    'referred_elsewhere',
    'Referred elsewhere',
    'Transmise à un autre service',
    'Đã chuyển nơi khác xử lý',
    'Передана в другую службу',
  ),
]

function code(id: string, en: string, fr: string, vi: string, ru: string): ResolutionCode {
  return { id, labels: { en, fr, vi, ru }, retired: false, builtIn: true }
}

/** What stands in the way of closing: each must be settled, or excepted with a written reason. */
export const closureBlockerKinds = [
  'open_task',
  'unverified_measure',
  'open_discrepancy',
  'unsent_letter',
  'no_resolution',
] as const
export type ClosureBlockerKind = (typeof closureBlockerKinds)[number]

export interface ClosureBlocker {
  readonly kind: ClosureBlockerKind
  /** The task, measure, discrepancy or letter it is about; the case id for case-level blockers. */
  readonly subjectId: string
  /** What to show: the task's text, the discrepancy's topic… */
  readonly label: string
  /** False for blockers no reason can lift (a case without a decision cannot close). */
  readonly exceptable: boolean
}

/** A blocker the closer chose to close over, with the reason that goes into the record. */
export interface ClosureException {
  readonly kind: ClosureBlockerKind
  readonly subjectId: string
  readonly label: string
  readonly reason: string
}

/** The closure record of a case: codes, exceptions and who signed it off. */
export interface Closure {
  readonly id: Id<'closure'>
  readonly caseId: CaseId
  /** Resolution codes ticked, by id. */
  readonly codes: readonly string[]
  readonly exceptions: readonly ClosureException[]
  readonly summary: string
  /** Sign-offs in the order they were made: the handler's first, then the manager's. */
  readonly signOffs: readonly SignOff[]
  /** SHA-256 (vault) of the closure record PDF carrying every signature so far. */
  readonly recordSha256: string | null
  readonly recordSize: number | null
  readonly createdAt: string
  readonly createdBy: string
  readonly updatedAt: string
}

export const signOffRoles = ['handler', 'manager'] as const
export type SignOffRole = (typeof signOffRoles)[number]

/** One signature on the closure record: who signed, as what, with which certificate, when. */
export interface SignOff {
  readonly id: SignOffId
  readonly role: SignOffRole
  readonly signerName: string
  readonly signerEmail: string | null
  readonly organisation: string | null
  /** SHA-256 fingerprint of the signing certificate (AA:BB:…). */
  readonly fingerprint: string
  readonly certificatePem: string
  readonly signedAt: string
}

export interface ClosureGateInput {
  readonly caseId: CaseId
  readonly tasks: readonly Task[]
  readonly discrepancies: readonly Discrepancy[]
  readonly letters: readonly Letter[]
  readonly hasResolution: boolean
}

/**
 * Everything that keeps a case from closing (DESIGN section 1, step 5): open
 * follow-ups, measures not verified as carried out, open discrepancies, no decision
 * letter sent, no decision at all.
 */
export function closureBlockers(input: ClosureGateInput): ClosureBlocker[] {
  const blockers: ClosureBlocker[] = []
  if (!input.hasResolution) {
    blockers.push({ kind: 'no_resolution', subjectId: input.caseId, label: '', exceptable: false })
  }
  for (const task of input.tasks) {
    if (task.kind === 'follow_up' && task.status === 'open') {
      blockers.push({ kind: 'open_task', subjectId: task.id, label: task.text, exceptable: true })
    }
    if (task.kind === 'measure' && task.verification === null) {
      blockers.push({ kind: 'unverified_measure', subjectId: task.id, label: task.text, exceptable: true })
    }
  }
  for (const discrepancy of input.discrepancies) {
    if (discrepancy.status === 'open') {
      blockers.push({ kind: 'open_discrepancy', subjectId: discrepancy.id, label: discrepancy.topic, exceptable: true })
    }
  }
  if (!input.letters.some((letter) => letter.status === 'sent')) {
    blockers.push({ kind: 'unsent_letter', subjectId: input.caseId, label: '', exceptable: true })
  }
  return blockers
}

export type ClosureGateVerdict =
  | { readonly ok: true; readonly exceptions: readonly ClosureException[] }
  | { readonly ok: false; readonly unexcepted: readonly ClosureBlocker[] }

/**
 * The gate: the case may close when every blocker is settled or carries a reason
 * (at least a few words). Reasons for blockers that no longer exist are dropped.
 */
export function checkClosureGate(
  blockers: readonly ClosureBlocker[],
  reasons: Readonly<Record<string, string>>,
): ClosureGateVerdict {
  const unexcepted: ClosureBlocker[] = []
  const exceptions: ClosureException[] = []
  for (const blocker of blockers) {
    const reason = (reasons[blockerKey(blocker)] ?? '').trim()
    if (!blocker.exceptable || reason.length < minimumReasonLength) unexcepted.push(blocker)
    else exceptions.push({ kind: blocker.kind, subjectId: blocker.subjectId, label: blocker.label, reason })
  }
  return unexcepted.length > 0 ? { ok: false, unexcepted } : { ok: true, exceptions }
}

/** A reason is a few words, not a letter or a space. */
export const minimumReasonLength = 5

export function blockerKey(blocker: Pick<ClosureBlocker, 'kind' | 'subjectId'>): string {
  return `${blocker.kind}:${blocker.subjectId}`
}

/** A measure past its due date and not verified shows like an overdue case. */
export function isMeasureOverdue(task: Task, today: string): boolean {
  return task.kind === 'measure' && task.verification === null && task.due !== null && task.due < today
}

/** The next sign-off a closure needs, or null when both are made. */
export function nextSignOffRole(closure: Pick<Closure, 'signOffs'> | null): SignOffRole | null {
  const roles = new Set((closure?.signOffs ?? []).map((s) => s.role))
  if (!roles.has('handler')) return 'handler'
  if (!roles.has('manager')) return 'manager'
  return null
}
