import { useEffect, useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ApiErrorShape } from '@shared/contract'
import type { IdentityList } from './closure-data'

export interface ChosenIdentity {
  readonly identityId: string
  /** Null when the system keeps the keys (Electron's safeStorage). */
  readonly passphrase: string | null
}

/**
 * Picks one of this installation's signing identities, with its passphrase when
 * keys are sealed by one (the harness). Shows each identity's fingerprint.
 */
export function IdentityChoice({
  identities,
  exclude,
  label,
  onChange,
}: {
  identities: { list: IdentityList | null; error: ApiErrorShape | null }
  exclude?: ReadonlySet<string>
  label: string
  onChange: (chosen: ChosenIdentity | null) => void
}): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  const [identityId, setIdentityId] = useState('')
  const [passphrase, setPassphrase] = useState('')
  const list = identities.list
  const offered = (list?.identities ?? []).filter((i) => !exclude?.has(i.fingerprint))
  const needsPassphrase = list?.protection === 'passphrase'
  const chosen = offered.find((i) => i.id === identityId) ?? null

  useEffect(() => {
    if (!chosen || (needsPassphrase && passphrase.length === 0)) onChange(null)
    else onChange({ identityId: chosen.id, passphrase: needsPassphrase ? passphrase : null })
  }, [chosen, needsPassphrase, passphrase, onChange])

  if (identities.error) {
    return (
      <p role="alert" className="error-message">
        {t(`errors.${identities.error.code}`)}
      </p>
    )
  }
  if (!list) return <p aria-busy="true">{t('app.loading')}</p>
  if (offered.length === 0) {
    return (
      <p className="muted">
        {t('closure.identity.none')} <Link to="/settings#signing-identities">{t('closure.identity.create')}</Link>
      </p>
    )
  }
  return (
    <div className="identity-choice">
      <div className="field">
        <label htmlFor={`${id}-identity`}>{label}</label>
        <select id={`${id}-identity`} value={identityId} onChange={(e) => setIdentityId(e.target.value)}>
          <option value="">{t('closure.identity.choose')}</option>
          {offered.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
              {i.organisation ? ` — ${i.organisation}` : ''}
            </option>
          ))}
        </select>
        {chosen ? (
          <span className="field__hint">
            {t('closure.fingerprint')} <code className="hash">{chosen.fingerprint}</code>
          </span>
        ) : null}
      </div>
      {needsPassphrase && chosen ? (
        <div className="field">
          <label htmlFor={`${id}-passphrase`}>{t('closure.identity.passphraseOf', { name: chosen.name })}</label>
          <input
            id={`${id}-passphrase`}
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </div>
      ) : null}
    </div>
  )
}
