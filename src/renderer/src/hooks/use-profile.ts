import { useLiveQuery } from 'dexie-react-hooks'
import { defaultSla, type Profile, type SlaSettings } from '@shared/domain/profile'
import { db } from '../db/db'

/** The profile, null before first run, undefined while loading. */
export function useProfile(): Profile | null | undefined {
  return useLiveQuery(async () => (await db.profile.get('me')) ?? null, [])
}

export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** Service levels from settings, or the defaults (24 h, 30/10 days, this computer's time zone). */
export function useSla(): SlaSettings {
  return (
    useLiveQuery(async () => (await db.settings.get('sla')) ?? defaultSla(systemTimeZone()), []) ??
    defaultSla(systemTimeZone())
  )
}
