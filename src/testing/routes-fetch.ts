import { toAppRoute } from '../adapters/app.js'
import { dynamicSegment } from '../client/request.js'
import type { RequestHandler } from '../core/handler.js'
import { configError } from '../core/options.js'

interface CompiledPath {
  readonly pattern: RegExp
  readonly names: { name: string; catchAll: boolean }[]
  /** Per segment: static 0, `[x]` 1, `[...x]` 2, `[[...x]]` 3. Next tries the lowest first, segment by segment. */
  readonly ranks: number[]
  readonly route: ReturnType<typeof toAppRoute>
}

function byNextsOrder(a: CompiledPath, b: CompiledPath): number {
  for (let i = 0; i < Math.min(a.ranks.length, b.ranks.length); i++) if (a.ranks[i] !== b.ranks[i]) return a.ranks[i]! - b.ranks[i]!
  return a.ranks.length - b.ranks.length
}

function compile(path: string, handler: RequestHandler): CompiledPath {
  const names: CompiledPath['names'] = []
  const ranks: number[] = []
  let source = ''
  for (const segment of path.split('/').slice(1)) {
    const dynamic = dynamicSegment(segment)
    if (dynamic === undefined) {
      source += `/${segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`
      ranks.push(0)
      continue
    }
    const { name, catchAll, optional } = dynamic
    names.push({ name, catchAll })
    ranks.push(catchAll ? (optional ? 3 : 2) : 1)
    source += catchAll ? (optional ? '(?:/([^/]+(?:/[^/]+)*))?' : '/([^/]+(?:/[^/]+)*)') : '/([^/]+)'
  }
  return { pattern: new RegExp(`^${source}$`), names, ranks, route: toAppRoute(handler) }
}

/**
 * A `fetch` that answers from an app's route map in memory, the way Next
 * would route it: file paths with `[id]`, `[...slug]` and `[[...slug]]`,
 * static paths before dynamic ones, each through the App Router adapter.
 * Pass it to `createClient({ fetch })` to test code that calls your routes
 * through `routekit/client`, without a server. A path no route matches is
 * a 404, as Next answers it.
 *
 * @example
 * ```ts
 * const api = createClient<typeof routes>({ baseUrl: 'http://localhost', fetch: routesFetch(routes) })
 * const result = await api('/api/notes').get()
 * expect(result.status).toBe(200)
 * ```
 */
export function routesFetch(routes: Record<string, RequestHandler | object>): typeof fetch {
  const compiled = Object.entries(routes)
    .filter((entry): entry is [string, RequestHandler] => typeof (entry[1] as RequestHandler).handle === 'function')
    .map(([path, handler]) => {
      if (!path.startsWith('/')) throw configError('routekit/testing', `route paths start with "/": ${path}`)
      return compile(path, handler)
    })
    .sort(byNextsOrder)
  return async (input, init) => {
    const request = new Request(input, init)
    // As a real fetch does: an aborted call rejects with the signal's reason (an AbortError).
    request.signal.throwIfAborted()
    // Next answers a trailing slash with a redirect to the path without it; here it is the same path.
    const pathname = new URL(request.url).pathname.replace(/(.)\/+$/, '$1')
    for (const { pattern, names, route } of compiled) {
      const match = pattern.exec(pathname)
      if (match === null) continue
      const params: Record<string, string | string[] | undefined> = {}
      try {
        names.forEach(({ name, catchAll }, index) => {
          const value = match[index + 1]
          params[name] = value === undefined ? undefined : catchAll ? value.split('/').map(decodeURIComponent) : decodeURIComponent(value)
        })
      } catch {
        return new Response('Bad Request', { status: 400, headers: { 'content-type': 'text/plain' } }) // malformed percent-encoding, as Next answers it
      }
      const method = route[request.method as keyof typeof route]
      if (method === undefined) return new Response(null, { status: 405 })
      return method(request, { params: Promise.resolve(params) })
    }
    return new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } })
  }
}
