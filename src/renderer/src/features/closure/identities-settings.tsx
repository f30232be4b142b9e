import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { unwrap } from '@shared/contract'
import type { IdentitySummary } from '@shared/contract/closure-methods'
import { useProfile } from '../../hooks/use-profile'
import { useApi } from '../../lib/api/api-context'
import { formatDate } from '../../lib/format'
import { failureKey, useIdentities } from './closure-data'
import './closure.css'

/**
 * Signing identities (settings): create a self-signed certificate or import an
 * organisation's PKCS#12; the private key stays in main, sealed by the system or
 * by a passphrase. Organisation certificates this installation trusts.
 */
export function IdentitiesSettings(): ReactNode {
  const { t } = useTranslation()
  const identities = useIdentities()
  const profile = useProfile()
  const list = identities.list
  return (
    <section className="card" id="signing-identities" aria-labelledby="identities-title">
      <h2 id="identities-title">{t('identities.title')}</h2>
      <p className="muted">
        {t(list?.protection === 'os' ? 'identities.protection.os' : 'identities.protection.passphrase')}
      </p>
      {identities.error ? (
        <p role="alert" className="error-message">
          {t(`errors.${identities.error.code}`)}
        </p>
      ) : null}
      {list ? (
        list.identities.length === 0 ? (
          <p className="muted">{t('identities.none')}</p>
        ) : (
          <ul className="identity-list" aria-label={t('identities.listLabel')}>
            {list.identities.map((identity) => (
              <IdentityItem key={identity.id} identity={identity} onRemoved={identities.reload} />
            ))}
          </ul>
        )
      ) : (
        <p aria-busy="true">{t('app.loading')}</p>
      )}
      <div className="identity-forms">
        {/* Once the profile is read: its name and organisation are the defaults. */}
        {profile !== undefined ? (
          <CreateIdentity
            defaults={{ name: profile?.name ?? '', organisation: profile?.organisation ?? '' }}
            passphraseNeeded={list?.protection !== 'os'}
            onCreated={identities.reload}
          />
        ) : null}
        <ImportPkcs12 passphraseNeeded={list?.protection !== 'os'} onImported={identities.reload} />
      </div>
      <TrustedCertificates list={list?.trusted ?? []} onChanged={identities.reload} />
    </section>
  )
}

function IdentityItem({ identity, onRemoved }: { identity: IdentitySummary; onRemoved: () => void }): ReactNode {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const [confirming, setConfirming] = useState(false)
  const remove = async (): Promise<void> => {
    await api.call('identity.remove', { id: identity.id })
    onRemoved()
  }
  return (
    <li className="identity">
      <div>
        <strong>{identity.name}</strong>
        {identity.organisation ? ` — ${identity.organisation}` : ''}
        {identity.email ? <span className="muted"> · {identity.email}</span> : null}
      </div>
      <div className="small">
        {t('closure.fingerprint')} <code className="hash">{identity.fingerprint}</code>
      </div>
      <div className="small muted">
        {t(`identities.source.${identity.source}`)} · {identity.algorithm} ·{' '}
        {t('identities.validUntil', { date: formatDate(identity.notAfter, i18n.language) })}
        {identity.issuer !== identity.name ? ` · ${t('identities.issuedBy', { issuer: identity.issuer })}` : ''}
      </div>
      {confirming ? (
        <span className="inline-confirm">
          {t('identities.removeConfirm')}{' '}
          <button type="button" className="button button--danger" onClick={() => void remove()}>
            {t('identities.removeYes', { name: identity.name })}
          </button>{' '}
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('identities.keep')}
          </button>
        </span>
      ) : (
        <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
          {t('identities.remove', { name: identity.name })}
        </button>
      )}
    </li>
  )
}

function PassphraseFields({
  value,
  confirm,
  onChange,
  onConfirm,
}: {
  value: string
  confirm: string
  onChange: (v: string) => void
  onConfirm: (v: string) => void
}): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-p`}>{t('identities.passphrase')}</label>
        <span className="field__hint">{t('identities.passphraseHint')}</span>
        <input
          id={`${id}-p`}
          type="password"
          autoComplete="new-password"
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-c`}>{t('identities.passphraseConfirm')}</label>
        <input
          id={`${id}-c`}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => onConfirm(e.target.value)}
        />
      </div>
    </>
  )
}

type Message = { ok: boolean; key: string; vars?: Record<string, string> }

/** What a create or import form says after trying: done (a status) or why not (an alert). */
function FormMessage({ message }: { message: Message | null }): ReactNode {
  const { t } = useTranslation()
  if (!message) return null
  return (
    <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'success-message' : 'error-message'}>
      {t(message.key, message.vars ?? {})}
    </p>
  )
}

function passphraseProblem(needed: boolean, value: string, confirm: string): string | null {
  if (!needed) return null
  if (value.length < 8) return 'identities.errors.passphraseShort'
  if (value !== confirm) return 'identities.errors.passphraseMismatch'
  return null
}

function CreateIdentity({
  defaults,
  passphraseNeeded,
  onCreated,
}: {
  defaults: { name: string; organisation: string }
  passphraseNeeded: boolean
  onCreated: () => void
}): ReactNode {
  const { t } = useTranslation()
  const api = useApi()
  const id = useId()
  const [name, setName] = useState(defaults.name)
  const [email, setEmail] = useState('')
  const [organisation, setOrganisation] = useState(defaults.organisation)
  const [algorithm, setAlgorithm] = useState<'ecdsa-p256' | 'rsa-3072'>('rsa-3072')
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState<Message | null>(null)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setMessage(null)
    if (name.trim().length === 0) return setMessage({ ok: false, key: 'identities.errors.nameRequired' })
    const problem = passphraseProblem(passphraseNeeded, passphrase, confirm)
    if (problem) return setMessage({ ok: false, key: problem })
    setBusy(true)
    try {
      const created = unwrap(
        await api.call('identity.create', {
          name: name.trim(),
          email: email.trim() || null,
          organisation: organisation.trim() || null,
          algorithm,
          passphrase: passphraseNeeded ? passphrase : null,
        }),
      )
      setPassphrase('')
      setConfirm('')
      setMessage({
        ok: true,
        key: 'identities.created',
        vars: { name: created.name, fingerprint: created.fingerprint },
      })
      onCreated()
    } catch (failure) {
      setMessage({ ok: false, key: failureKey(failure).key })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="identity-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${id}-title`}>{t('identities.create.title')}</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('identities.name')}</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>{t('identities.email')}</label>
        <input id={`${id}-email`} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-org`}>{t('identities.organisation')}</label>
        <input id={`${id}-org`} value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-alg`}>{t('identities.algorithm')}</label>
        <select id={`${id}-alg`} value={algorithm} onChange={(e) => setAlgorithm(e.target.value as typeof algorithm)}>
          <option value="rsa-3072">{t('identities.algorithms.rsa')}</option>
          <option value="ecdsa-p256">{t('identities.algorithms.ecdsa')}</option>
        </select>
      </div>
      {passphraseNeeded ? (
        <PassphraseFields value={passphrase} confirm={confirm} onChange={setPassphrase} onConfirm={setConfirm} />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('identities.create.button')}
        </button>
        {busy ? <span aria-busy="true">{t('identities.create.busy')}</span> : null}
      </div>
      <FormMessage message={message} />
    </form>
  )
}

function ImportPkcs12({
  passphraseNeeded,
  onImported,
}: {
  passphraseNeeded: boolean
  onImported: () => void
}): ReactNode {
  const { t } = useTranslation()
  const api = useApi()
  const id = useId()
  const [password, setPassword] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const [confirm, setConfirm] = useState('')
  const [message, setMessage] = useState<Message | null>(null)

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    setMessage(null)
    const problem = passphraseProblem(passphraseNeeded, passphrase, confirm)
    if (problem) return setMessage({ ok: false, key: problem })
    try {
      const picked = unwrap(
        await api.call('dialog.openFile', {
          title: t('identities.import.pickTitle'),
          filters: [{ name: t('identities.import.filter'), extensions: ['p12', 'pfx'] }],
        }),
      )
      if (picked.canceled || !picked.files[0]) return
      const imported = unwrap(
        await api.call('identity.importPkcs12', {
          grant: picked.files[0].grant,
          password,
          passphrase: passphraseNeeded ? passphrase : null,
        }),
      )
      setPassword('')
      setMessage({
        ok: true,
        key: 'identities.created',
        vars: { name: imported.name, fingerprint: imported.fingerprint },
      })
      onImported()
    } catch (failure) {
      setMessage({ ok: false, key: failureKey(failure).key })
    }
  }

  return (
    <form className="identity-form" aria-labelledby={`${id}-title`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${id}-title`}>{t('identities.import.title')}</h3>
      <p className="muted small">{t('identities.import.hint')}</p>
      <div className="field">
        <label htmlFor={`${id}-pw`}>{t('identities.import.password')}</label>
        <input
          id={`${id}-pw`}
          type="password"
          autoComplete="off"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </div>
      {passphraseNeeded ? (
        <PassphraseFields value={passphrase} confirm={confirm} onChange={setPassphrase} onConfirm={setConfirm} />
      ) : null}
      <div className="form-actions">
        <button type="submit" className="button">
          {t('identities.import.button')}
        </button>
      </div>
      <FormMessage message={message} />
    </form>
  )
}

function TrustedCertificates({
  list,
  onChanged,
}: {
  list: ReadonlyArray<{ fingerprint: string; name: string; organisation: string | null; notAfter: string }>
  onChanged: () => void
}): ReactNode {
  const { t, i18n } = useTranslation()
  const api = useApi()
  const id = useId()
  const [failure, setFailure] = useState<string | null>(null)
  const add = async (): Promise<void> => {
    setFailure(null)
    try {
      const picked = unwrap(
        await api.call('dialog.openFile', {
          title: t('identities.trusted.pickTitle'),
          filters: [{ name: t('identities.trusted.filter'), extensions: ['pem', 'crt', 'cer', 'der'] }],
        }),
      )
      if (picked.canceled || !picked.files[0]) return
      unwrap(await api.call('identity.importTrusted', { grant: picked.files[0].grant }))
      onChanged()
    } catch (error) {
      setFailure(failureKey(error).key)
    }
  }
  return (
    <section aria-labelledby={`${id}-title`} className="trusted-certificates">
      <h3 id={`${id}-title`}>{t('identities.trusted.title')}</h3>
      <p className="muted small">{t('identities.trusted.hint')}</p>
      {list.length > 0 ? (
        <ul className="identity-list" aria-label={t('identities.trusted.listLabel')}>
          {list.map((cert) => (
            <li key={cert.fingerprint} className="identity">
              <div>
                <strong>{cert.name}</strong>
                {cert.organisation ? ` — ${cert.organisation}` : ''}
              </div>
              <div className="small">
                <code className="hash">{cert.fingerprint}</code> ·{' '}
                {t('identities.validUntil', { date: formatDate(cert.notAfter, i18n.language) })}
              </div>
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  void api.call('identity.removeTrusted', { fingerprint: cert.fingerprint }).then(() => onChanged())
                }
              >
                {t('identities.trusted.remove', { name: cert.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <button type="button" className="button" onClick={() => void add()}>
        {t('identities.trusted.add')}
      </button>
      {failure ? (
        <p role="alert" className="error-message">
          {t(failure)}
        </p>
      ) : null}
    </section>
  )
}
