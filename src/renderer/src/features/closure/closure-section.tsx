import { useId, useState, type ReactNode } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { unwrap } from '@shared/contract'
import type { CaseRecord } from '@shared/domain/case'
import {
  blockerKey,
  checkClosureGate,
  nextSignOffRole,
  type ClosureBlocker,
  type ClosureException,
  type SignOff,
  type SignOffRole,
} from '@shared/domain/closure'
import { newId } from '@shared/domain/ids'
import type { Profile } from '@shared/domain/profile'
import type { Language } from '@shared/i18n/languages'
import { buildCaseBundle, recordSignOff, saveClosureDraft } from '../../db/closure-repo'
import { db } from '../../db/db'
import { useApi } from '../../lib/api/api-context'
import { formatDateTime } from '../../lib/format'
import { failureKey, useClosureData, useIdentities, type ClosureData } from './closure-data'
import { ExportPanel } from './export-panel'
import { IdentityChoice, type ChosenIdentity } from './identity-choice'
import './closure.css'

/**
 * Closure (DESIGN section 1, step 5): resolution codes, the gate with a reason
 * for each exception, the handler's signature, the manager's countersignature
 * that closes the case, then the signed closure packet.
 */
export function ClosureSection({ record, profile }: { record: CaseRecord; profile: Profile }): ReactNode {
  const { t } = useTranslation()
  const data = useClosureData(record.id)
  const titleId = useId()
  if (record.status !== 'resolution' && record.status !== 'closed') return null
  return (
    <section className="card closure" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('closure.title')}</h2>
      {data === undefined ? (
        <p aria-busy="true">{t('app.loading')}</p>
      ) : (
        <ClosureBody record={record} profile={profile} data={data} />
      )}
    </section>
  )
}

function ClosureBody({
  record,
  profile,
  data,
}: {
  record: CaseRecord
  profile: Profile
  data: ClosureData
}): ReactNode {
  const signOffs = data.closure?.signOffs ?? []
  const next = nextSignOffRole(data.closure)
  return (
    <>
      {signOffs.length === 0 && record.status === 'resolution' ? (
        <ClosureForm record={record} profile={profile} data={data} />
      ) : (
        <ClosureSummary data={data} language={profile.language} />
      )}
      {signOffs.length > 0 ? <SignOffList signOffs={signOffs} /> : null}
      {next && record.status === 'resolution' ? (
        <SignPanel record={record} profile={profile} data={data} role={next} />
      ) : null}
      {/* Once the handler has signed, a packet can travel: to a manager elsewhere, or to the archive once closed. */}
      {data.closure?.recordSha256 ? <ExportPanel record={record} profile={profile} closure={data.closure} /> : null}
    </>
  )
}

function codeLabel(data: ClosureData, id: string, language: Language): string {
  return data.codes.find((c) => c.id === id)?.labels[language] ?? id
}

function blockerText(t: TFunction, blocker: ClosureBlocker): string {
  return t(`closure.blocker.${blocker.kind}`, { label: blocker.label })
}

/** Codes, summary and the gate, editable until the handler signs. */
function ClosureForm({
  record,
  profile,
  data,
}: {
  record: CaseRecord
  profile: Profile
  data: ClosureData
}): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  const language = profile.language
  const [codes, setCodes] = useState<string[]>(() => [...(data.closure?.codes ?? [])])
  const [summary, setSummary] = useState(data.closure?.summary ?? '')
  const [reasons, setReasons] = useState<Record<string, string>>(() =>
    Object.fromEntries((data.closure?.exceptions ?? []).map((e) => [blockerKey(e), e.reason])),
  )
  const [status, setStatus] = useState<'idle' | 'saved' | { key: string }>('idle')
  const offered = data.codes.filter((c) => !c.retired || codes.includes(c.id))

  const save = async (): Promise<void> => {
    const verdict = checkClosureGate(data.blockers, reasons)
    const exceptions: ClosureException[] = verdict.ok
      ? [...verdict.exceptions]
      : data.blockers
          .filter((b) => b.exceptable && (reasons[blockerKey(b)] ?? '').trim().length > 0)
          .map((b) => ({
            kind: b.kind,
            subjectId: b.subjectId,
            label: b.label,
            reason: reasons[blockerKey(b)]!.trim(),
          }))
    try {
      await saveClosureDraft(db, record.id, { name: profile.name }, { codes, exceptions, summary })
      setStatus('saved')
    } catch (failure) {
      setStatus({ key: failureKey(failure).key })
    }
  }

  return (
    <form
      className="closure-form"
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <fieldset className="closure-codes">
        <legend>{t('closure.codes.legend')}</legend>
        {offered.map((code) => (
          <label key={code.id} className="check">
            <input
              type="checkbox"
              checked={codes.includes(code.id)}
              onChange={(event) =>
                setCodes((list) => (event.target.checked ? [...list, code.id] : list.filter((c) => c !== code.id)))
              }
            />
            {code.labels[language]}
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor={`${id}-summary`}>{t('closure.summary')}</label>
        <textarea id={`${id}-summary`} rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
      </div>

      <section aria-labelledby={`${id}-gate`} className="closure-gate">
        <h3 id={`${id}-gate`}>{t('closure.gate.title')}</h3>
        {data.blockers.length === 0 ? (
          <p className="success-message" role="status">
            {t('closure.gate.clear')}
          </p>
        ) : (
          <>
            <p className="muted">{t('closure.gate.hint')}</p>
            <ul className="closure-blockers">
              {data.blockers.map((blocker) => {
                const key = blockerKey(blocker)
                const text = blockerText(t, blocker)
                return (
                  <li key={key}>
                    <span className="closure-blocker__what">{text}</span>
                    {blocker.exceptable ? (
                      <textarea
                        rows={2}
                        aria-label={t('closure.gate.reasonFor', { what: text })}
                        placeholder={t('closure.gate.reasonPlaceholder')}
                        value={reasons[key] ?? ''}
                        onChange={(e) => setReasons((r) => ({ ...r, [key]: e.target.value }))}
                      />
                    ) : (
                      <span className="muted">{t('closure.gate.noException')}</span>
                    )}
                  </li>
                )
              })}
            </ul>
          </>
        )}
      </section>

      <div className="form-actions">
        <button type="submit" className="button">
          {t('closure.save')}
        </button>
        {status === 'saved' ? (
          <span role="status" className="success-message">
            {t('closure.saved')}
          </span>
        ) : typeof status === 'object' ? (
          <span role="alert" className="error-message">
            {t(status.key)}
          </span>
        ) : null}
      </div>
    </form>
  )
}

/** What was decided at closure, read-only once signed. */
function ClosureSummary({ data, language }: { data: ClosureData; language: Language }): ReactNode {
  const { t } = useTranslation()
  const closure = data.closure
  if (!closure) return <p className="muted">{t('closure.none')}</p>
  return (
    <dl className="facts">
      <dt>{t('closure.codes.legend')}</dt>
      <dd>{closure.codes.length > 0 ? closure.codes.map((c) => codeLabel(data, c, language)).join(' · ') : '—'}</dd>
      {closure.summary ? (
        <>
          <dt>{t('closure.summary')}</dt>
          <dd className="prewrap">{closure.summary}</dd>
        </>
      ) : null}
      {closure.exceptions.length > 0 ? (
        <>
          <dt>{t('closure.exceptions')}</dt>
          <dd>
            <ul className="closure-exceptions">
              {closure.exceptions.map((e) => (
                <li key={blockerKey(e)}>
                  {t(`closure.blocker.${e.kind}`, { label: e.label })} — <q>{e.reason}</q>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
    </dl>
  )
}

function SignOffList({ signOffs }: { signOffs: readonly SignOff[] }): ReactNode {
  const { t, i18n } = useTranslation()
  return (
    <ul className="signoffs" aria-label={t('closure.signOffs')}>
      {signOffs.map((s) => (
        <li key={s.id}>
          <strong>{t(`closure.role.${s.role}`)}</strong> · {s.signerName}
          {s.organisation ? ` (${s.organisation})` : ''} · {formatDateTime(s.signedAt, i18n.language)}
          <br />
          <span className="small">
            {t('closure.fingerprint')} <code className="hash">{s.fingerprint}</code>
          </span>
        </li>
      ))}
    </ul>
  )
}

/** Signs the closure record as handler (rendering it), or countersigns it as manager. */
function SignPanel({
  record,
  profile,
  data,
  role,
}: {
  record: CaseRecord
  profile: Profile
  data: ClosureData
  role: SignOffRole
}): ReactNode {
  const { t } = useTranslation()
  const api = useApi()
  const identities = useIdentities()
  const [chosen, setChosen] = useState<ChosenIdentity | null>(null)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<{ key: string; detail?: string } | null>(null)
  const titleId = useId()
  const signedFingerprints = new Set((data.closure?.signOffs ?? []).map((s) => s.fingerprint))
  const sign = async (): Promise<void> => {
    setFailure(null)
    if (!chosen) return
    if (role === 'handler') {
      const closure = data.closure
      const reasons = Object.fromEntries((closure?.exceptions ?? []).map((e) => [blockerKey(e), e.reason]))
      const verdict = checkClosureGate(data.blockers, reasons)
      if (!closure || !verdict.ok) {
        const open = verdict.ok ? [] : verdict.unexcepted
        setFailure({
          key: closure ? 'closure.gate.stopped' : 'closure.gate.saveFirst',
          detail: open.map((b) => blockerText(t, b)).join(' · '),
        })
        return
      }
    }
    setBusy(true)
    try {
      const { bundle } = await buildCaseBundle(db, record.id, {
        name: profile.name,
        organisation: profile.organisation,
      })
      const signed = unwrap(
        await api.call('closure.sign', {
          bundleJson: JSON.stringify(bundle),
          language: profile.language,
          role,
          identityId: chosen.identityId,
          passphrase: chosen.passphrase,
          recordSha256: role === 'handler' ? null : (data.closure?.recordSha256 ?? null),
        }),
      )
      const signOff: SignOff = {
        id: newId<'signoff'>(),
        role,
        signerName: signed.signer.name,
        signerEmail: signed.signer.email,
        organisation: signed.signer.organisation,
        fingerprint: signed.signer.fingerprint,
        certificatePem: signed.signer.certificatePem,
        signedAt: signed.signedAt,
      }
      await recordSignOff(db, record.id, { name: profile.name }, signOff, {
        sha256: signed.recordSha256,
        size: signed.size,
      })
    } catch (error) {
      setFailure({ key: failureKey(error).key })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className="closure-sign" aria-labelledby={titleId}>
      <h3 id={titleId}>{t(role === 'handler' ? 'closure.sign.handlerTitle' : 'closure.sign.managerTitle')}</h3>
      <p className="muted">{t(role === 'handler' ? 'closure.sign.handlerHint' : 'closure.sign.managerHint')}</p>
      <IdentityChoice
        identities={identities}
        exclude={signedFingerprints}
        label={t('closure.sign.identity')}
        onChange={setChosen}
      />
      <div className="form-actions">
        <button type="button" className="button button--primary" disabled={busy || !chosen} onClick={() => void sign()}>
          {t(role === 'handler' ? 'closure.sign.handlerButton' : 'closure.sign.managerButton')}
        </button>
        {busy ? <span aria-busy="true">{t('closure.sign.busy')}</span> : null}
      </div>
      {failure ? (
        <div role="alert" className="error-message">
          <p>{t(failure.key)}</p>
          {failure.detail ? <p className="small">{failure.detail}</p> : null}
        </div>
      ) : null}
    </section>
  )
}
