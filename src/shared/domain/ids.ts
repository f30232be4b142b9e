import { v7 as uuidv7 } from 'uuid'

/**
 * Record ids are UUIDv7: unique across laptops (cases from several machines can
 * be merged) and sortable by creation time.
 */
export type Id<Brand extends string> = string & { readonly __brand: Brand }

export function newId<Brand extends string>(): Id<Brand> {
  return uuidv7() as Id<Brand>
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

export function isId(value: unknown): value is Id<string> {
  return typeof value === 'string' && uuidPattern.test(value)
}
