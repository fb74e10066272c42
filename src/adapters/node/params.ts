import type { RawParams } from '../../core/types.js'

type NextQuery = Record<string, string | string[] | undefined>

function sameValue(fromUrl: string[], value: string | string[]): boolean {
  if (typeof value === 'string') return fromUrl.length === 1 && fromUrl[0] === value
  return fromUrl.length === value.length && fromUrl.every((item, i) => item === value[i])
}

/**
 * Recovers the dynamic segments Next.js mixed into `req.query`: a key is a
 * param when the URL's own query lacks it or has a different value. Next 16
 * also removes query keys named like a segment from `req.url` before the
 * route runs (`/items/5?id=6` on `[id]` arrives as `/items/5` with
 * `req.query.id === '5'`), so params always come out right, but such a
 * query key is lost on the Pages Router; the App Router keeps it. With an
 * older Next that leaves `req.url` alone, an identical key and value
 * (`/items/5?id=5`) counts as query only.
 */
export function separateParams(nextQuery: NextQuery | undefined, url: string): RawParams {
  const params: RawParams = {}
  if (!nextQuery) return params
  const names = Object.keys(nextQuery)
  // Next passes `{}` for a route without segments or query: nothing to separate.
  if (names.length === 0) return params
  const start = url.indexOf('?')
  const search = new URLSearchParams(start === -1 ? '' : url.slice(start + 1))
  for (const name of names) {
    const value = nextQuery[name]
    if (value !== undefined && !sameValue(search.getAll(name), value)) params[name] = value
  }
  return params
}
