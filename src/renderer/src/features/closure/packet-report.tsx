import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PacketReport } from '@shared/contract/closure-methods'
import { formatDateTime } from '../../lib/format'

/**
 * What a verification found, as a person reads it: the verdict first, then who
 * signed (and whether this installation trusts them), then every check, failed
 * ones naming the file.
 */
export function PacketReportView({ report }: { report: PacketReport & { name: string } }): ReactNode {
  const { t, i18n } = useTranslation()
  const failed = report.checks.filter((c) => !c.ok)
  return (
    <div className="packet-report">
      <p role="status" className={report.ok ? 'success-message packet-verdict' : 'error-message packet-verdict'}>
        {report.ok
          ? t('packets.verdict.ok', { name: report.name, ref: report.caseRef ?? '—' })
          : t('packets.verdict.failed', { name: report.name, count: failed.length })}
      </p>
      {report.signers.length > 0 ? (
        <table className="packet-signers">
          <caption>{t('packets.signers.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('packets.signers.name')}</th>
              <th scope="col">{t('closure.fingerprint')}</th>
              <th scope="col">{t('packets.signers.time')}</th>
              <th scope="col">{t('packets.signers.where')}</th>
              <th scope="col">{t('packets.signers.trust')}</th>
            </tr>
          </thead>
          <tbody>
            {report.signers.map((s) => (
              <tr key={`${s.fingerprint}-${s.in}`}>
                <td>
                  {s.name}
                  {s.organisation ? <span className="small muted"> — {s.organisation}</span> : null}
                </td>
                <td>
                  <code className="hash">{s.fingerprint}</code>
                </td>
                <td>{s.signingTime ? formatDateTime(s.signingTime, i18n.language) : '—'}</td>
                <td>{t(`packets.signers.in.${s.in}`)}</td>
                <td>
                  <span className={`badge packet-trust packet-trust--${s.trust}`}>{t(`packets.trust.${s.trust}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <table className="packet-checks">
        <caption>{t('packets.checks.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('packets.checks.check')}</th>
            <th scope="col">{t('packets.checks.subject')}</th>
            <th scope="col">{t('packets.checks.result')}</th>
          </tr>
        </thead>
        <tbody>
          {report.checks.map((c, i) => (
            <tr key={`${c.check}-${c.subject ?? ''}-${i}`} className={c.ok ? undefined : 'packet-check--failed'}>
              <td>{t(`packets.check.${c.check}`, { defaultValue: c.check })}</td>
              <td>{c.subject ? <code>{c.subject}</code> : '—'}</td>
              <td>
                {c.ok
                  ? t('packets.checks.passed')
                  : t(`packets.problem.${c.problem ?? 'unknown'}`, { defaultValue: t('packets.problem.unknown') })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
