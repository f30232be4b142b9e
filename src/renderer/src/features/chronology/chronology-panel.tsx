import { useLiveQuery } from 'dexie-react-hooks'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ApproximateDate, CaseRecord } from '@shared/domain/case'
import { approximateStart } from '@shared/domain/evidence'
import { db } from '../../db/db'
import { formatApproximateDate, formatDateTime } from '../../lib/format'

/** One dated thing in the case's story; approximate dates keep their precision. */
interface Moment {
  readonly key: string
  /** For ordering: ISO instant or the start of an approximate period. */
  readonly sortKey: string
  readonly when: { readonly exact: string } | { readonly approximate: ApproximateDate }
  readonly label: string
}

/** The case's events in time order: what happened, what was received, said and collected. */
export function ChronologyPanel({ record }: { record: CaseRecord }): ReactNode {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const data = useLiveQuery(async () => {
    const [evidence, communications, parties, interviews, accounts, versions, discrepancies] = await Promise.all([
      db.evidence.where('caseId').equals(record.id).toArray(),
      db.communications.where('caseId').equals(record.id).toArray(),
      db.parties.where('caseId').equals(record.id).toArray(),
      db.interviews.where('caseId').equals(record.id).toArray(),
      db.accounts.where('caseId').equals(record.id).toArray(),
      db.accountVersions.where('caseId').equals(record.id).toArray(),
      db.discrepancies.where('caseId').equals(record.id).toArray(),
    ])
    return { evidence, communications, parties, interviews, accounts, versions, discrepancies }
  }, [record.id])
  if (!data) return null
  const partyName = (id: string): string => data.parties.find((p) => p.id === id)?.name ?? '—'

  const moments: Moment[] = [
    {
      key: 'event',
      sortKey: approximateStart(record.eventDate),
      when: { approximate: record.eventDate },
      label: t('chronology.event'),
    },
    {
      key: 'received',
      sortKey: record.receivedAt,
      when: { exact: record.receivedAt },
      label: t('chronology.received', { by: record.receivedBy }),
    },
    ...(record.triage
      ? [
          {
            key: 'triage',
            sortKey: record.triage.decidedAt,
            when: { exact: record.triage.decidedAt },
            label: t('chronology.triaged', { decision: t(`triage.decisions.${record.triage.decision}`) }),
          },
        ]
      : []),
    ...record.escalations.map((e) => ({
      key: `escalation-${e.to}-${e.at}`,
      sortKey: e.at,
      when: { exact: e.at },
      label: t('triage.escalatedTo', { to: t(`triage.targets.${e.to}`) }),
    })),
    ...data.communications.map((c) => ({
      key: `communication-${c.id}`,
      sortKey: c.at,
      when: { exact: c.at },
      label: `${t(`communications.kinds.${c.kind}`)} (${t(`communications.channels.${c.channel}`)})`,
    })),
    ...data.evidence.flatMap((e) => [
      ...(e.eventDate
        ? [
            {
              key: `evidence-event-${e.id}`,
              sortKey: approximateStart(e.eventDate),
              when: { approximate: e.eventDate },
              label: t('chronology.documented', { name: e.name }),
            },
          ]
        : []),
      {
        key: `evidence-${e.id}`,
        sortKey: e.acquiredAt,
        when: { exact: e.acquiredAt },
        label: t('chronology.acquired', { name: e.name }),
      },
    ]),
    ...data.interviews.map((i) => ({
      key: `interview-${i.id}`,
      sortKey: i.at,
      when: { exact: i.at },
      label: t('chronology.interviewed', { name: partyName(i.partyId) }),
    })),
    ...data.versions.map((v) => {
      const account = data.accounts.find((a) => a.id === v.accountId)
      return {
        key: `telling-${v.id}`,
        sortKey: v.toldAt,
        when: { approximate: { value: v.toldAt, precision: 'day' as const } },
        label: t('chronology.told', {
          name: account ? partyName(account.partyId) : '—',
          title: account?.title ?? '—',
          n: v.n,
        }),
      }
    }),
    ...data.discrepancies.flatMap((d) =>
      d.resolution
        ? [
            {
              key: `settled-${d.id}`,
              sortKey: d.resolution.at,
              when: { exact: d.resolution.at },
              label: t('chronology.settled', { topic: d.topic }),
            },
          ]
        : [],
    ),
  ].sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0))

  return (
    <section className="card" aria-labelledby="case-chronology">
      <h2 id="case-chronology">{t('chronology.title')}</h2>
      <ol className="chronology">
        {moments.map((m) => (
          <li key={m.key}>
            <span className="chronology__when">
              {'exact' in m.when
                ? formatDateTime(m.when.exact, locale)
                : formatApproximateDate(m.when.approximate, locale)}
              {'approximate' in m.when && m.when.approximate.precision !== 'day' ? (
                <span className="badge">{t(`intake.approximate.${m.when.approximate.precision}`)}</span>
              ) : null}
            </span>
            <span>{m.label}</span>
          </li>
        ))}
      </ol>
    </section>
  )
}
