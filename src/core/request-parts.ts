import { HttpError } from './http-error.js'
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

/** The query string of a URL as a record; repeated keys are arrays. */
export function parseQuery(url: string): RawQuery {
  const start = url.indexOf('?')
  if (start === -1) return {}
  return entriesToRecord(new URLSearchParams(url.slice(start + 1).split('#', 1)[0]))
}

/** Request headers as a plain record with lower-case names. */
export function headerRecord(headers: Headers): RawHeaders {
  const record: RawHeaders = {}
  headers.forEach((value, name) => {
    record[name] = value
  })
  return record
}
