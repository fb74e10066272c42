// routekit/client: typed calls to an app's own routes, from the route map's
// types alone. It imports nothing from the server side at run time, so a
// client component carries this file and no handler, schema or secret.
import { ClientError } from './client-error.js'
import { encodeBody, fillPath, queryString } from './request.js'
import { readResult } from './result.js'
import type { HeadersInit } from '../core/http-error.js'
import type { Client, FetchCache } from './types.js'

export { ClientError } from './client-error.js'
export type {
  CallArgs, CallOptions, ChallengeFailure, FetchCache, Client, ClientFailure, ClientSuccess, JsonOf, NetworkFailure, PathParams, ProblemOf,
  ResultOf, UndeclaredFailure,
} from './types.js'
export type { RouteMap, RoutesOf, RouteTypes } from '../core/route-types.js'

/**
 * Options for {@link createClient}.
 *
 * @example
 * ```ts
 * const api = createClient<typeof routes>({ baseUrl: process.env.APP_URL, headers: async () => ({ authorization: `Bearer ${await token()}` }) })
 * ```
 */
export interface ClientOptions {
  /**
   * Where the app is served, with its `basePath` if it has one
   * (`https://example.com/shop`); paths are appended to it. Needed outside
   * the browser (server components, scripts); in the browser a bare
   * `basePath` (`/shop`) works too.
   */
  baseUrl?: string | URL
  /** Headers for every call (a function is asked per call); a call's own headers win. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>)
  /** The `fetch` to call; the global one by default, read at call time (Next patches it). */
  fetch?: typeof fetch
  /** Options for every `fetch` (`credentials`, `cache`, ...); a call's own win. */
  init?: RequestInit
}

interface RawCall {
  params?: Record<string, string | number | readonly (string | number)[] | undefined>
  query?: Record<string, never>
  body?: unknown
  headers?: HeadersInit
  signal?: AbortSignal
  cache?: FetchCache
  next?: object
  init?: RequestInit
  throwOnError?: boolean
}

const methods = ['get', 'post', 'put', 'patch', 'delete'] as const

/**
 * A client typed from the app's route map (`import type` it: only its
 * types are used). `api(path)` has a method per method the path's handler
 * defines; each resolves to a result to narrow by `ok` and `status`.
 *
 * @example
 * ```ts
 * import type { routes } from '@/lib/routes'
 * const api = createClient<typeof routes>()
 * const result = await api('/api/notes/[id]').get({ params: { id: '1' } })
 * if (result.ok) console.log(result.data.text)
 * else if (result.status === 404) console.log(result.problem.detail)
 * ```
 */
export function createClient<TRoutes>(options: ClientOptions = {}): Client<TRoutes> {
  const call = async (path: string, method: string, args: RawCall = {}): Promise<unknown> => {
    const { baseUrl } = options
    if (baseUrl === undefined && typeof location === 'undefined') {
      throw new TypeError('routekit/client: outside the browser, give createClient() a baseUrl (the app\'s origin).')
    }
    const target = fillPath(path, args.params) + queryString(args.query)
    // Joined, not resolved: a base with a path (Next's basePath) keeps it.
    const url = baseUrl === undefined ? target : String(baseUrl).replace(/\/+$/, '') + target
    const shared = typeof options.headers === 'function' ? await options.headers() : options.headers
    // Later sources win, name by name: the client's init, its headers, the call's init, its headers.
    const headers = new Headers(options.init?.headers)
    for (const source of [shared, args.init?.headers, args.headers]) new Headers(source).forEach((value, name) => headers.set(name, value))
    const init: RequestInit & { next?: object } = { ...options.init, ...args.init, method: method.toUpperCase(), headers }
    const body = encodeBody(args.body, headers)
    if (body !== undefined) init.body = body
    if (args.signal !== undefined) init.signal = args.signal
    if (args.cache !== undefined) init.cache = args.cache
    if (args.next !== undefined) init.next = args.next
    let response: Response
    try {
      response = await (options.fetch ?? fetch)(url, init)
    } catch (error) {
      if (args.throwOnError) throw error
      return { ok: false, status: null, problem: null, error, response: null }
    }
    const result = await readResult(response, init.method!)
    if (args.throwOnError && !result.ok) {
      if (result.status === null) throw result.error
      throw new ClientError(result)
    }
    return result
  }
  const client = (path: string) => Object.fromEntries(methods.map((method) => [method, (args?: RawCall) => call(path, method, args)]))
  return client as unknown as Client<TRoutes>
}
