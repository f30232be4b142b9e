import type { TFunction } from 'i18next'
import type { ApproximateDate } from '@shared/domain/case'
import type { CaseBundle } from '@shared/domain/case-bundle'
import { builtInResolutionCodes } from '@shared/domain/closure'
import type { EvidenceItem } from '@shared/domain/evidence'
import { credibilityFactors, type FactSource, type Party } from '@shared/domain/investigation'
import type { Compensation, Responsibility } from '@shared/domain/resolution'
import type { Language } from '@shared/i18n/languages'
import { createLayout, type PdfLayout, type RenderedDocument } from './pdf-layout'
import { documentTranslator } from './record-i18n'

export interface ClosureRecordInput {
  readonly bundle: CaseBundle
  /** Language the record is written in. */
  readonly language: Language
  /** Folder holding the Noto Sans TTFs. */
  readonly fontsDir: string
  /** The clock: the PDF's creation date and the "produced on" line. */
  readonly now: Date
  /** Labels of custom resolution codes, by code id; built-in codes carry their own. */
  readonly codesLabels?: Readonly<Record<string, string>>
  /** Time zone the dates are shown in; the machine's by default. */
  readonly timeZone?: string
  /** Told of every message key the catalogs lack (tests fail on it). */
  readonly onMissingMessage?: (key: string) => void
}

/** How much of the latest telling the accounts summary quotes; the full text is in case.json. */
const tellingExcerpt = 600

/**
 * The human-readable closure record (DESIGN section 4: data/closure-record.pdf):
 * everything a reader needs to follow the case from intake to sign-off, in the
 * record's language. Signatures are added afterwards, inside the PDF.
 */
export async function renderClosureRecord(input: ClosureRecordInput): Promise<RenderedDocument> {
  const { bundle, language } = input
  const t = documentTranslator(language, input.onMissingMessage)
  const f = formatters(language, input.timeZone)
  const c = bundle.case
  const layout = await createLayout({
    fontsDir: input.fontsDir,
    info: {
      title: t('record.documentTitle', { ref: c.ref }),
      author: bundle.organisation,
      subject: t('record.documentSubject', { ref: c.ref, organisation: bundle.organisation }),
      keywords: [c.ref],
      language,
      now: input.now,
    },
    footerReference: `${c.ref} · ${bundle.organisation}`,
    pageLabel: (page, total) => t('record.page', { page, total }),
  })
  const parties = new Map(bundle.parties.map((p) => [p.id as string, p]))
  const evidence = new Map(bundle.evidence.map((e) => [e.id as string, e]))
  const accounts = new Map(bundle.accounts.map((a) => [a.id as string, a]))
  const partyName = (id: string | null): string => (id ? (parties.get(id)?.name ?? t('findings.unknownParty')) : '')
  const none = t('record.none')
  const orNone = (text: string | null | undefined): string => (text && text.trim() !== '' ? text : none)

  // Title block
  layout.heading(t('record.title'), 1)
  layout.paragraph(c.ref, { weight: 'bold', size: 13 })
  layout.space(6)
  layout.keyValue(t('record.organisation'), bundle.organisation)
  layout.keyValue(t('record.status'), t(`status.${c.status}`))
  layout.keyValue(t('record.produced'), t('findings.byAt', { by: bundle.exportedBy, at: f.dateTime(input.now) }))

  // The case
  layout.heading(t('record.sections.case'))
  layout.keyValue(t('record.fields.received'), f.dateTime(c.receivedAt))
  layout.keyValue(t('record.fields.receivedBy'), c.receivedBy)
  layout.keyValue(t('record.fields.department'), orNone(c.department))
  layout.keyValue(t('record.fields.channel'), t(`channel.${c.channel}`))
  layout.keyValue(t('record.fields.category'), c.category ? t(`category.${c.category}`) : none)
  layout.keyValue(t('record.fields.severity'), c.triage ? t(`severity.${c.triage.severity}`) : none)
  layout.keyValue(t('record.fields.customer'), c.customer.name)
  const contact = [c.customer.address, c.customer.phone, c.customer.email].filter((s) => s.trim() !== '').join('\n')
  layout.keyValue(t('record.fields.contact'), orNone(contact))
  layout.keyValue(t('record.fields.eventDate'), f.approximate(c.eventDate))
  layout.heading(t('record.fields.complaint'), 3)
  layout.paragraph(orNone(c.complaint))
  layout.heading(t('record.fields.remedy'), 3)
  layout.paragraph(orNone(c.remedy))

  // Triage
  layout.heading(t('record.sections.triage'))
  if (!c.triage) layout.paragraph(t('record.noTriage'))
  else {
    const triage = c.triage
    layout.keyValue(t('triage.decision'), t(`triage.decisions.${triage.decision}`))
    if (triage.declineReason)
      layout.keyValue(t('triage.declineReason'), t(`triage.declineReasons.${triage.declineReason}`))
    layout.keyValue(t('record.fields.reason'), orNone(triage.reason))
    layout.keyValue(t('record.fields.severity'), t(`severity.${triage.severity}`))
    layout.keyValue(
      t('record.fields.criteria'),
      triage.criteria.length ? triage.criteria.map((k) => t(`triage.criteria.${k}`)).join(', ') : none,
    )
    layout.keyValue(
      t('record.fields.decided'),
      t('findings.byAt', { by: triage.decidedBy, at: f.dateTime(triage.decidedAt) }),
    )
  }
  layout.heading(t('record.fields.escalations'), 3)
  if (c.escalations.length === 0) layout.paragraph(none)
  for (const e of c.escalations) {
    layout.bullet(
      `${t('triage.escalatedTo', { to: t(`triage.targets.${e.to}`) })} — ${t('findings.byAt', { by: e.by, at: f.dateTime(e.at) })}\n${e.reason}`,
    )
  }

  // Parties
  layout.heading(t('record.sections.parties'))
  if (bundle.parties.length === 0) layout.paragraph(none)
  for (const party of bundle.parties) renderParty(layout, t, party, none)

  // Accounts
  layout.heading(t('record.sections.accounts'))
  if (bundle.accounts.length === 0) layout.paragraph(none)
  for (const account of bundle.accounts) {
    const versions = bundle.accountVersions.filter((v) => v.accountId === account.id).sort((a, b) => a.n - b.n)
    const latest = versions[versions.length - 1]
    layout.heading(`${partyName(account.partyId)} — ${account.title}`, 3)
    layout.keyValue(t('record.fields.tellings'), t('record.tellingCount', { count: versions.length }))
    if (latest) {
      layout.keyValue(t('record.fields.source'), t(`accounts.sources.${latest.source}`))
      layout.keyValue(t('record.fields.date'), f.dateTime(latest.toldAt))
      layout.paragraph(excerpt(latest.text, tellingExcerpt), { indent: 12 })
    }
  }

  // Evidence
  layout.heading(t('record.sections.evidence'))
  if (bundle.evidence.length === 0) layout.paragraph(none)
  for (const item of bundle.evidence) {
    layout.heading(item.name, 3)
    layout.keyValue('SHA-256', item.sha256, { stacked: true, valueSize: 9 })
    layout.keyValue(t('record.fields.size'), f.bytes(item.size))
    layout.keyValue(t('record.fields.type'), item.type ? item.type.mime : t('record.unknownType'))
    layout.keyValue(t('record.fields.providedBy'), orNone(item.providedBy))
    layout.keyValue(
      t('record.fields.acquired'),
      t('findings.byAt', { by: item.acquiredBy, at: f.dateTime(item.acquiredAt) }),
    )
  }

  // Discrepancies
  layout.heading(t('record.sections.discrepancies'))
  if (bundle.discrepancies.length === 0) layout.paragraph(none)
  for (const d of bundle.discrepancies) {
    layout.heading(d.topic, 3)
    layout.keyValue(
      t('findings.discrepancies.firstSide'),
      t('record.quote', { party: partyName(d.a.partyId), quote: d.a.quote }),
    )
    layout.keyValue(
      t('findings.discrepancies.secondSide'),
      t('record.quote', { party: partyName(d.b.partyId), quote: d.b.quote }),
    )
    layout.keyValue(t('record.fields.status'), t(`findings.discrepancies.status.${d.status}`))
    if (d.note.trim() !== '') layout.keyValue(t('findings.discrepancies.note'), d.note)
    const r = d.resolution
    if (r) {
      const settledBy =
        r.settledBy.kind === 'evidence'
          ? t('record.settledByEvidence', { name: evidenceName(evidence.get(r.settledBy.evidenceId), t) })
          : t('record.settledByStatement', {
              party: partyName(accounts.get(r.settledBy.accountId)?.partyId ?? null),
              n:
                bundle.accountVersions.find((v) => v.id === (r.settledBy as { versionId: string }).versionId)?.n ?? '?',
            })
      layout.keyValue(t('findings.discrepancies.settledBy'), settledBy)
      const bearsOut =
        r.bearsOut === 'a'
          ? t('findings.discrepancies.bearsOutA', { party: partyName(d.a.partyId) })
          : r.bearsOut === 'b'
            ? t('findings.discrepancies.bearsOutB', { party: partyName(d.b.partyId) })
            : t('findings.discrepancies.bearsOutNeither')
      layout.keyValue(t('findings.discrepancies.bearsOut'), bearsOut)
      layout.keyValue(t('findings.discrepancies.how'), orNone(r.how))
      layout.keyValue(t('findings.discrepancies.resolvedBy'), t('findings.byAt', { by: r.by, at: f.dateTime(r.at) }))
    }
  }

  // Facts
  layout.heading(t('record.sections.facts'))
  if (bundle.facts.length === 0) layout.paragraph(none)
  else {
    const sourceLabel = (s: FactSource): string => {
      if (s.kind === 'evidence') return evidenceName(evidence.get(s.id), t)
      if (s.kind === 'account') {
        const account = accounts.get(s.id)
        return t('findings.sources.account', {
          party: partyName(account?.partyId ?? null),
          title: account?.title ?? '',
        })
      }
      const d = bundle.discrepancies.find((x) => x.id === s.id)
      return t('findings.sources.discrepancy', { topic: d?.topic ?? t('findings.removed') })
    }
    layout.table(
      [
        { header: t('findings.facts.statement'), width: 4 },
        { header: t('findings.facts.status'), width: 1.4 },
        { header: t('findings.facts.sources'), width: 3 },
      ],
      bundle.facts.map((fact) => [
        fact.note.trim() ? `${fact.statement}\n(${fact.note})` : fact.statement,
        t(`findings.facts.statuses.${fact.status}`),
        fact.sources.length ? fact.sources.map(sourceLabel).join('\n') : none,
      ]),
    )
  }

  // Resolution
  layout.heading(t('record.sections.resolution'))
  const resolution = bundle.resolution
  if (!resolution) layout.paragraph(t('caseReview.noDecision'))
  else {
    layout.keyValue(t('review.columns.outcome'), t(`review.outcomes.${resolution.outcome}`))
    layout.keyValue(
      t('record.fields.responsibility'),
      resolution.responsibility.length
        ? resolution.responsibility.map((r) => responsibilityLine(r, t, f, partyName)).join('\n')
        : none,
    )
    layout.keyValue(
      t('review.columns.rootCause'),
      [t(`review.rootCauses.${resolution.rootCause.category}`), resolution.rootCause.text].filter(Boolean).join('\n'),
    )
    layout.keyValue(t('caseReview.decision'), orNone(resolution.decision))
    layout.keyValue(
      t('caseReview.compensation'),
      resolution.compensation.length ? resolution.compensation.map((x) => compensationLine(x, t, f)).join('\n') : none,
    )
    layout.keyValue(
      t('record.fields.decided'),
      t('findings.byAt', { by: resolution.decidedBy, at: f.dateTime(resolution.decidedAt) }),
    )
  }

  // Action plan
  layout.heading(t('record.sections.actionPlan'))
  const measures = bundle.tasks.filter((task) => task.kind === 'measure')
  if (measures.length === 0) layout.paragraph(none)
  for (const m of measures) {
    layout.bullet(m.text, { weight: 'bold' })
    layout.keyValue(t('record.fields.owner'), orNone(m.owner), { indent: 12 })
    layout.keyValue(t('record.fields.due'), m.due ? f.dateTime(m.due) : none, { indent: 12 })
    const v = m.verification
    const verification = v
      ? [
          t('record.verifiedBy', { by: v.by, at: f.dateTime(v.at) }),
          v.note,
          v.evidenceId ? t('record.verificationEvidence', { name: evidenceName(evidence.get(v.evidenceId), t) }) : '',
        ]
          .filter((s) => s.trim() !== '')
          .join('\n')
      : t('record.notVerified')
    layout.keyValue(t('record.fields.verification'), verification, { indent: 12 })
  }

  // Follow-up tasks
  layout.heading(t('record.sections.followUps'))
  const followUps = bundle.tasks.filter((task) => task.kind === 'follow_up')
  if (followUps.length === 0) layout.paragraph(none)
  for (const task of followUps) {
    const state = t(`findings.facts.followUpState.${task.status}`)
    const meta = [
      t('record.labelValue', { label: t('record.fields.owner'), value: orNone(task.owner) }),
      task.due ? t('record.labelValue', { label: t('record.fields.due'), value: f.dateTime(task.due) }) : '',
      task.status === 'done' && task.doneBy
        ? t('findings.byAt', { by: task.doneBy, at: f.dateTime(task.doneAt ?? '') })
        : '',
    ].filter(Boolean)
    layout.bullet(`${task.text} — ${state}\n${meta.join(' · ')}`)
  }

  // Letters
  layout.heading(t('record.sections.letters'))
  const sent = bundle.letters.filter((l) => l.status === 'sent')
  if (sent.length === 0) layout.paragraph(none)
  else {
    layout.table(
      [
        { header: t('record.fields.date'), width: 1.6 },
        { header: t('record.fields.channel'), width: 1.2 },
        { header: t('record.fields.subject'), width: 4 },
      ],
      sent.map((l) => [
        l.sentAt ? f.dateTime(l.sentAt) : none,
        l.sentChannel ? t(`communications.channels.${l.sentChannel}`) : none,
        l.subject,
      ]),
    )
  }

  // Closure
  layout.heading(t('record.sections.closure'))
  const closure = bundle.closure
  if (!closure) layout.paragraph(none)
  else {
    if (closure.summary.trim() !== '') layout.paragraph(closure.summary)
    layout.heading(t('record.fields.codes'), 3)
    if (closure.codes.length === 0) layout.paragraph(none)
    for (const id of closure.codes) {
      const builtIn = builtInResolutionCodes.find((code) => code.id === id)
      layout.bullet(`${builtIn?.labels[language] ?? input.codesLabels?.[id] ?? id}`)
    }
    layout.heading(t('record.fields.exceptions'), 3)
    if (closure.exceptions.length === 0) layout.paragraph(none)
    for (const e of closure.exceptions) {
      const kind = t(`record.blockers.${e.kind}`)
      const what = e.label.trim() ? t('record.labelValue', { label: kind, value: e.label }) : kind
      layout.bullet(`${what}\n${t('record.labelValue', { label: t('record.fields.reason'), value: e.reason })}`)
    }

    // Sign-offs
    layout.heading(t('record.sections.signOffs'))
    if (closure.signOffs.length === 0) layout.paragraph(none)
    for (const s of closure.signOffs) {
      layout.heading(t(`record.signOffRoles.${s.role}`), 3)
      layout.keyValue(t('record.fields.name'), [s.signerName, s.signerEmail].filter(Boolean).join(' · '))
      layout.keyValue(t('record.organisation'), orNone(s.organisation))
      layout.keyValue(t('record.fields.fingerprint'), s.fingerprint, { stacked: true, valueSize: 8 })
      layout.keyValue(t('record.fields.signedAt'), f.dateTime(s.signedAt))
    }
  }
  layout.space(10)
  layout.paragraph(t('record.signaturesInPanel'), { color: 'muted' })
  return layout.save()
}

function renderParty(layout: PdfLayout, t: TFunction, party: Party, none: string): void {
  layout.heading(`${party.name} — ${t(`parties.roles.${party.role}`)}`, 3)
  layout.keyValue(t('record.fields.relation'), party.relation.trim() ? party.relation : none)
  const assessed = credibilityFactors.filter(
    (k) => party.credibility[k].finding !== 'not_assessed' || party.credibility[k].note.trim(),
  )
  if (assessed.length === 0) {
    layout.keyValue(t('record.fields.credibility'), t('parties.credibility.findings.not_assessed'))
    return
  }
  for (const factor of assessed) {
    const note = party.credibility[factor]
    layout.keyValue(
      t(`parties.credibility.factors.${factor}`),
      [t(`parties.credibility.findings.${note.finding}`), note.note].filter((s) => s.trim() !== '').join(' — '),
      { indent: 12, labelWidth: 138 },
    )
  }
}

function evidenceName(item: EvidenceItem | undefined, t: TFunction): string {
  return item ? item.name : t('findings.removed')
}

function responsibilityLine(
  r: Responsibility,
  t: TFunction,
  f: Formatters,
  partyName: (id: string | null) => string,
): string {
  const who = r.kind === 'party' ? partyName(r.partyId) : t(`record.responsibleKinds.${r.kind}`)
  const share = r.share === null ? '' : ` (${f.percent(r.share)})`
  return `${who}${share}${r.note.trim() ? ` — ${r.note}` : ''}`
}

function compensationLine(x: Compensation, t: TFunction, f: Formatters): string {
  const kind = t(`caseReview.compensationKinds.${x.kind}`)
  return x.amount !== null && x.currency
    ? t('record.labelValue', { label: kind, value: f.money(x.amount, x.currency) })
    : kind
}

/** The start of a text, cut between graphemes at a word boundary when one is near, with an ellipsis. */
function excerpt(text: string, length: number): string {
  const clean = text.normalize('NFC').trim()
  const graphemes = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(clean)].map((s) => s.segment)
  if (graphemes.length <= length) return clean
  let head = graphemes.slice(0, length).join('')
  const lastSpace = head.lastIndexOf(' ')
  if (lastSpace > length * 0.8) head = head.slice(0, lastSpace)
  return `${head.trimEnd()}…`
}

interface Formatters {
  /** An ISO date-time, or a plain YYYY-MM-DD day, in the record's language. */
  dateTime(value: string | Date): string
  approximate(date: ApproximateDate): string
  bytes(size: number): string
  percent(share: number): string
  money(amount: number, currency: string): string
}

function formatters(language: Language, timeZone: string | undefined): Formatters {
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'short', timeZone })
  // Calendar days carry no time zone: formatted in UTC so they never shift by a day.
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' })
  const month = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' })
  const year = new Intl.DateTimeFormat(language, { year: 'numeric', timeZone: 'UTC' })
  const asDate = (value: string): Date | null => {
    const d = new Date(value)
    return Number.isNaN(d.getTime()) ? null : d
  }
  return {
    dateTime(value) {
      if (value instanceof Date) return dateTime.format(value)
      if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        const d = asDate(`${value}T00:00:00Z`)
        return d ? day.format(d) : value
      }
      const d = asDate(value)
      return d ? dateTime.format(d) : value
    },
    approximate(date) {
      const d = asDate(
        `${date.value}${date.precision === 'year' ? '-01-01' : date.precision === 'month' ? '-01' : ''}T00:00:00Z`,
      )
      if (!d) return date.value
      return (date.precision === 'year' ? year : date.precision === 'month' ? month : day).format(d)
    },
    bytes(size) {
      const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
      let value = size
      let unit = 0
      while (value >= 1024 && unit < units.length - 1) {
        value /= 1024
        unit += 1
      }
      const rounded = new Intl.NumberFormat(language, {
        style: 'unit',
        unit: units[unit],
        unitDisplay: unit === 0 ? 'long' : 'short',
        maximumFractionDigits: unit === 0 ? 0 : 1,
      }).format(value)
      // The exact count matters to whoever checks the file against the record.
      return unit === 0 ? rounded : `${rounded} (${new Intl.NumberFormat(language).format(size)})`
    },
    percent(share) {
      return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(share / 100)
    },
    money(amount, currency) {
      try {
        return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount)
      } catch {
        // An unknown currency code still shows the amount, with the code as written.
        return `${new Intl.NumberFormat(language).format(amount)} ${currency}`
      }
    },
  }
}
