import { HttpError } from './http-error.js'
import type { RequestHeaders } from './request-view.js'
import type { RawHeaders, RawQuery } from './types.js'

/**
 * Collects name/value pairs into a record. Repeated names become arrays so
 * a schema can refuse `?id=1&id=2` for a scalar instead of silently keeping
 * one of them. `__proto__` is refused: assigning it would change the
 * record's prototype instead of adding a key.
 */
export function entriesToRecord<V>(entries: Iterable<[string, V]>): Record<string, V | V[]> {
  const record: Record<string, V | V[]> = {}
  for (const [key, value] of entries) {
    if (key === '__proto__') {
      throw HttpError.badRequest('The key "__proto__" is not allowed.', { code: 'forbidden_key' })
    }
    // Own keys only: `constructor` or `toString` must not find Object.prototype's.
    const existing = Object.hasOwn(record, key) ? record[key] : undefined
    if (existing === undefined) record[key] = value
    else if (Array.isArray(existing)) existing.push(value)
    else record[key] = [existing, value]
  }
  return record
}

/**
 * The query string of a URL as a record; repeated keys are arrays. With
 * `withoutEmpty`, a key whose every value is empty is left out (see
 * `validateRequest`); the record is built once, and filtered only when an
 * empty value was seen.
 */
export function parseQuery(url: string, withoutEmpty = false): RawQuery {
  const start = url.indexOf('?')
  if (start === -1) return {}
  const end = url.indexOf('#', start + 1)
  const search = end === -1 ? url.slice(start + 1) : url.slice(start + 1, end)
  if (search === '') return {}
  const record = entriesToRecord(new URLSearchParams(search))
  if (!withoutEmpty) return record
  for (const key in record) {
    const value = record[key]!
    if (value === '' || (Array.isArray(value) && value.includes(''))) return withoutEmptyValues(record)
  }
  return record
}

/**
 * `?limit=` must not become `0` through `z.coerce.number()`: a key whose
 * every value is empty counts as absent, so the schema's own rule for a
 * missing value (required, default, optional) decides.
 */
function withoutEmptyValues(query: RawQuery): RawQuery {
  const kept: RawQuery = {}
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value) ? value.some((item) => item !== '') : value !== '') kept[key] = value
  }
  return kept
}

/** Request headers as a plain record with lower-case names. */
export function headerRecord(headers: RequestHeaders): RawHeaders {
  const record: RawHeaders = {}
  headers.forEach((value, name) => {
    record[name] = value
  })
  return record
}
