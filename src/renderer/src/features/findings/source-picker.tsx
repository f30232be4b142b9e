import { useId, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { FactSource } from '@shared/domain/investigation'
import type { FindingsData, Names } from './findings-data'

const same = (a: FactSource, b: FactSource): boolean => a.kind === b.kind && a.id === b.id

/**
 * What a fact rests on: the case's evidence items and accounts, and the
 * discrepancies it settles, as checkboxes named the way the register shows them.
 */
export function SourcePicker({
  data,
  names,
  value,
  onChange,
  invalid,
}: {
  data: FindingsData
  names: Names
  value: readonly FactSource[]
  onChange: (next: FactSource[]) => void
  invalid?: boolean
}): ReactNode {
  const { t } = useTranslation()
  const id = useId()
  const groups: { kind: FactSource['kind']; title: string; items: { source: FactSource; label: string }[] }[] = [
    {
      kind: 'evidence',
      title: t('findings.sources.evidence'),
      items: data.evidence.map((e) => ({ source: { kind: 'evidence', id: e.id }, label: e.name })),
    },
    {
      kind: 'account',
      title: t('findings.sources.accounts'),
      items: data.accounts.map((a) => ({ source: { kind: 'account', id: a.id }, label: names.account(a.id) })),
    },
    {
      kind: 'discrepancy',
      title: t('findings.sources.discrepancies'),
      items: data.discrepancies.map((d) => ({
        source: { kind: 'discrepancy', id: d.id },
        label: names.source({ kind: 'discrepancy', id: d.id }),
      })),
    },
  ]
  const offered = groups.filter((g) => g.items.length > 0)
  // A source the fact already names but the case no longer lists stays visible, so saving never drops it silently.
  const orphans = value.filter((s) => !groups.some((g) => g.items.some((item) => same(item.source, s))))
  const toggle = (source: FactSource, on: boolean): void =>
    onChange(on ? [...value, source] : value.filter((s) => !same(s, source)))

  return (
    <fieldset
      className={`choices findings-sources ${invalid ? 'findings-sources--invalid' : ''}`}
      aria-describedby={`${id}-hint`}
    >
      <legend>{t('findings.sources.legend')}</legend>
      <span id={`${id}-hint`} className="field__hint">
        {t('findings.sources.hint')}
      </span>
      {offered.length === 0 && orphans.length === 0 ? (
        <p className="muted small">{t('findings.sources.empty')}</p>
      ) : null}
      {offered.map((group) => (
        <div key={group.kind} role="group" aria-labelledby={`${id}-${group.kind}`} className="findings-sources__group">
          <span id={`${id}-${group.kind}`} className="findings-sources__title">
            {group.title}
          </span>
          <div className="choices__options">
            {group.items.map((item) => (
              <label key={item.source.id} className="choice">
                <input
                  type="checkbox"
                  checked={value.some((s) => same(s, item.source))}
                  onChange={(e) => toggle(item.source, e.target.checked)}
                />
                {item.label}
              </label>
            ))}
          </div>
        </div>
      ))}
      {orphans.length > 0 ? (
        <div className="choices__options">
          {orphans.map((source) => (
            <label key={`${source.kind}:${source.id}`} className="choice">
              <input type="checkbox" checked onChange={(e) => toggle(source, e.target.checked)} />
              {names.source(source)}
            </label>
          ))}
        </div>
      ) : null}
    </fieldset>
  )
}
