import type { MethodOutput } from '@shared/contract'

export type AppInfo = MethodOutput<'app.info'>

export interface AppInfoService {
  readonly info: () => Promise<AppInfo>
}

/** Facts about the running build; Electron-only values arrive as plain data from index.ts. */
export function createAppInfoService(facts: AppInfo): AppInfoService {
  const frozen = Object.freeze({ ...facts, versions: Object.freeze({ ...facts.versions }) })
  return { info: async () => frozen }
}
