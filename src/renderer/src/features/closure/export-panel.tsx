import { useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { unwrap } from '@shared/contract'
import type { CaseRecord } from '@shared/domain/case'
import type { Closure } from '@shared/domain/closure'
import type { Profile } from '@shared/domain/profile'
import { auditToJsonl, buildCaseBundle } from '../../db/closure-repo'
import { db } from '../../db/db'
import { useApi } from '../../lib/api/api-context'
import { formatBytes } from '../../lib/bytes'
import { failureKey, useIdentities, useTaskProgress } from './closure-data'
import { TaskProgress } from './task-progress'

/** A safe default file name: the case reference and the date. */
function packetName(ref: string): string {
  return `${ref.replace(/[^A-Za-z0-9_-]+/g, '-')}-closure-${new Date().toISOString().slice(0, 10)}.zip`
}

/**
 * Exports the signed closure packet (DESIGN section 4). The identities here that
 * signed the record seal the tag manifest too, each with a CMS signature.
 */
export function ExportPanel({
  record,
  profile,
  closure,
}: {
  record: CaseRecord
  profile: Profile
  closure: Closure
}): ReactNode {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const id = useId()
  const identities = useIdentities()
  const task = useTaskProgress()
  const signed = new Set(closure.signOffs.map((s) => s.fingerprint))
  const [picked, setPicked] = useState<Record<string, boolean>>({})
  const [passphrases, setPassphrases] = useState<Record<string, string>>({})
  const [outcome, setOutcome] = useState<{ ok: true; name: string; bytes: number } | { ok: false; key: string } | null>(
    null,
  )
  const list = identities.list
  const needsPassphrase = list?.protection === 'passphrase'
  const isPicked = (identityId: string, fingerprint: string): boolean => picked[identityId] ?? signed.has(fingerprint)
  const seals = (list?.identities ?? [])
    .filter((i) => isPicked(i.id, i.fingerprint))
    .map((i) => ({ identityId: i.id, passphrase: needsPassphrase ? (passphrases[i.id] ?? '') : null }))
  const ready = seals.length > 0 && seals.every((s) => s.passphrase === null || s.passphrase.length > 0)

  const exportPacket = async (): Promise<void> => {
    setOutcome(null)
    try {
      const target = unwrap(
        await api.call('dialog.saveFile', {
          title: t('closure.export.saveTitle'),
          suggestedName: packetName(record.ref),
          filters: [{ name: t('closure.export.fileFilter'), extensions: ['zip'] }],
        }),
      )
      if (target.canceled) return
      const { bundle, audit } = await buildCaseBundle(db, record.id, {
        name: profile.name,
        organisation: profile.organisation,
      })
      const taskId = task.begin()
      const written = unwrap(
        await api.call('packet.export', {
          bundleJson: JSON.stringify(bundle),
          auditJsonl: auditToJsonl(audit),
          grant: target.grant,
          taskId,
          seals,
        }),
      )
      setOutcome({ ok: true, name: written.name, bytes: written.bytes })
    } catch (failure) {
      setOutcome({ ok: false, key: failureKey(failure).key })
    } finally {
      task.end()
    }
  }

  return (
    <section className="closure-export" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('closure.export.title')}</h3>
      <p className="muted">{t('closure.export.hint')}</p>
      {record.status !== 'closed' ? <p className="muted">{t('closure.export.forCountersignature')}</p> : null}
      {list ? (
        <fieldset className="closure-seals">
          <legend>{t('closure.export.seals')}</legend>
          {list.identities.map((identity) => (
            <div key={identity.id} className="closure-seal">
              <label className="check">
                <input
                  type="checkbox"
                  checked={isPicked(identity.id, identity.fingerprint)}
                  onChange={(e) => setPicked((p) => ({ ...p, [identity.id]: e.target.checked }))}
                />
                {identity.name}
                {identity.organisation ? ` — ${identity.organisation}` : ''}
              </label>
              {needsPassphrase && isPicked(identity.id, identity.fingerprint) ? (
                <input
                  type="password"
                  autoComplete="off"
                  aria-label={t('closure.identity.passphraseOf', { name: identity.name })}
                  placeholder={t('closure.identity.passphrase')}
                  value={passphrases[identity.id] ?? ''}
                  onChange={(e) => setPassphrases((p) => ({ ...p, [identity.id]: e.target.value }))}
                />
              ) : null}
            </div>
          ))}
        </fieldset>
      ) : null}
      <div className="form-actions">
        <button
          type="button"
          className="button button--primary"
          disabled={!ready || task.progress !== null}
          onClick={() => void exportPacket()}
        >
          {t('closure.export.button')}
        </button>
      </div>
      {task.progress ? (
        <TaskProgress label={t('closure.export.running')} progress={task.progress} onCancel={task.cancel} />
      ) : null}
      {outcome?.ok ? (
        <p role="status" className="success-message">
          {t('closure.export.done', { name: outcome.name, size: formatBytes(outcome.bytes, i18n.language) })}
        </p>
      ) : outcome ? (
        <p role="alert" className="error-message">
          {t(outcome.key === 'errors.canceled' ? 'closure.export.canceled' : outcome.key)}
        </p>
      ) : null}
    </section>
  )
}
