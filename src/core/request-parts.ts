import type { RawHeaders, RawQuery } from './types.js'

/**
 * The query string as a record. Repeated keys become arrays so a schema can
 * refuse `?id=1&id=2` for a scalar instead of silently keeping one of them.
 */
export function parseQuery(url: string): RawQuery {
  const query: RawQuery = {}
  const start = url.indexOf('?')
  if (start === -1) return query
  const search = new URLSearchParams(url.slice(start + 1).split('#', 1)[0])
  for (const [key, value] of search) {
    const existing = query[key]
    if (existing === undefined) query[key] = value
    else if (Array.isArray(existing)) existing.push(value)
    else query[key] = [existing, value]
  }
  return query
}

/** Request headers as a plain record with lower-case names. */
export function headerRecord(headers: Headers): RawHeaders {
  const record: RawHeaders = {}
  headers.forEach((value, name) => {
    record[name] = value
  })
  return record
}
