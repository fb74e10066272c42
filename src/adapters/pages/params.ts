import type { RawParams, RawQuery } from '../../core/types.js'

type NextQuery = Record<string, string | string[] | undefined>

function sameValue(a: string | string[] | undefined, b: string | string[]): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b
  return a !== undefined && a.length === b.length && a.every((item, i) => item === b[i])
}

/**
 * Recovers the dynamic segments Next.js mixed into `req.query`. Next builds
 * `req.query` as the URL's query overlaid with the route's params, and does
 * not expose the params alone, so a key is a param when the URL's own query
 * lacks it or has a different value. One ambiguity remains and is resolved
 * towards the query: `/items/5?id=5` on `[id]` looks exactly like `/items/5`
 * with a query `id=5`, so `id` is then in the query only.
 */
export function separateParams(nextQuery: NextQuery | undefined, urlQuery: RawQuery): RawParams {
  const params: RawParams = {}
  if (!nextQuery) return params
  for (const [name, value] of Object.entries(nextQuery)) {
    if (value !== undefined && !sameValue(urlQuery[name], value)) params[name] = value
  }
  return params
}
