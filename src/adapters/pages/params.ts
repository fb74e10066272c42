import type { RawParams } from '../../core/types.js'

type NextQuery = Record<string, string | string[] | undefined>

function sameValue(fromUrl: string[], value: string | string[]): boolean {
  if (typeof value === 'string') return fromUrl.length === 1 && fromUrl[0] === value
  return fromUrl.length === value.length && fromUrl.every((item, i) => item === value[i])
}

/**
 * Recovers the dynamic segments Next.js mixed into `req.query`. Next builds
 * `req.query` as the URL's query overlaid with the route's params, and does
 * not expose the params alone, so a key is a param when the URL's own query
 * lacks it or has a different value. One ambiguity remains and is resolved
 * towards the query: `/items/5?id=5` on `[id]` looks exactly like `/items/5`
 * with a query `id=5`, so `id` is then in the query only.
 */
export function separateParams(nextQuery: NextQuery | undefined, url: string): RawParams {
  const params: RawParams = {}
  if (!nextQuery) return params
  const start = url.indexOf('?')
  const search = new URLSearchParams(start === -1 ? '' : url.slice(start + 1))
  for (const [name, value] of Object.entries(nextQuery)) {
    if (value !== undefined && !sameValue(search.getAll(name), value)) params[name] = value
  }
  return params
}
