import { RedressDb } from './redress-db'

/** The one database instance of the running app. */
export const db = new RedressDb()
