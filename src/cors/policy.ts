import { configError, checkOptionNames, optionNames } from '../core/options.js'

import { type CorsOrigin, type OriginMatcher, originMatcher } from './origin-policy.js'
import { type VaryList, varyList } from './vary.js'

/**
 * Options for {@link cors}. `origin` is required: there is no default that
 * is safe for every API. `'*'` cannot be combined with `credentials: true`
 * (a compile error where the types can see it, a TypeError otherwise).
 *
 * @example
 * ```ts
 * const options: CorsOptions = {
 *   origin: ['https://app.example.com'],
 *   credentials: true,
 *   exposedHeaders: ['location'],
 *   maxAge: 600,
 * }
 * ```
 */
export interface CorsOptions<TOrigin extends CorsOrigin = CorsOrigin> {
  /** Who may read the answers; see {@link CorsOrigin}. */
  origin: TOrigin
  /**
   * Let pages send cookies and HTTP authentication and read the answer
   * (`Access-Control-Allow-Credentials: true`). Default false.
   */
  credentials?: [TOrigin] extends ['*'] ? false : boolean
  /**
   * Request headers a page may send, answered to preflights. Default: the
   * headers the preflight asks for, reflected (with `Vary:
   * Access-Control-Request-Headers`). `'*'` is a wildcard only without
   * credentials, and never covers `Authorization`.
   */
  allowedHeaders?: readonly string[]
  /** Response headers a page may read besides the CORS-safelisted ones, such as `location`. */
  exposedHeaders?: readonly string[]
  /** Seconds a browser may cache a preflight (`Access-Control-Max-Age`). Browsers cap it (Chromium at 7200). */
  maxAge?: number
}

/** Everything about the answers that depends only on the options, computed once. */
export interface CorsPolicy {
  /** `'*'` for a public API; otherwise whether an Origin value is allowed. */
  readonly allow: '*' | OriginMatcher
  /** Headers every granted preflight carries besides origin, methods and reflected headers. */
  readonly preflightHeaders: readonly (readonly [string, string])[]
  /** Headers every response to an allowed origin carries besides the origin itself. */
  readonly responseHeaders: readonly (readonly [string, string])[]
  /** Reflect `Access-Control-Request-Headers` in preflights (no fixed `allowedHeaders`). */
  readonly reflectHeaders: boolean
  /** What answers to OPTIONS depend on. */
  readonly optionsVary: VaryList
  /** What other answers depend on: the Origin, unless the API is public. */
  readonly responseVary: VaryList
}

const known = optionNames<CorsOptions>({
  origin: true, credentials: true, allowedHeaders: true, exposedHeaders: true, maxAge: true
})
// RFC 9110 §5.1: a field name is a token.
const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/** Validates the options and computes the constant parts of every answer. */
export function corsPolicy(options: CorsOptions): CorsPolicy {
  checkOptionNames('routekit/cors', options, known, { methods: 'the methods granted are the routes the handler has' })
  const { origin, maxAge } = options
  if (origin === undefined) throw configError('routekit/cors', "`origin` is required: the origins allowed to read the answers, or '*' for a public API.")
  const credentials = options.credentials ?? false
  if (typeof credentials !== 'boolean') throw configError('routekit/cors', '`credentials` must be true or false.')
  if (origin === '*' && credentials) {
    throw configError('routekit/cors', "`origin: '*'` cannot be combined with `credentials: true`: list the origins allowed to send credentials.")
  }
  if (maxAge !== undefined && !(Number.isInteger(maxAge) && maxAge >= 0)) {
    throw configError('routekit/cors', '`maxAge` must be a whole number of seconds, 0 or more.')
  }
  const allowedHeaders = headerList('allowedHeaders', options.allowedHeaders, credentials)
  const exposedHeaders = headerList('exposedHeaders', options.exposedHeaders, credentials)

  const preflightHeaders: [string, string][] = []
  const responseHeaders: [string, string][] = []
  if (credentials) {
    preflightHeaders.push(['access-control-allow-credentials', 'true'])
    responseHeaders.push(['access-control-allow-credentials', 'true'])
  }
  if (allowedHeaders !== undefined && allowedHeaders.length > 0) preflightHeaders.push(['access-control-allow-headers', allowedHeaders.join(', ')])
  if (maxAge !== undefined) preflightHeaders.push(['access-control-max-age', String(maxAge)])
  if (exposedHeaders !== undefined && exposedHeaders.length > 0) responseHeaders.push(['access-control-expose-headers', exposedHeaders.join(', ')])

  const reflectHeaders = allowedHeaders === undefined
  const optionsVary = ['Origin', 'Access-Control-Request-Method']
  if (reflectHeaders) optionsVary.push('Access-Control-Request-Headers')
  return {
    allow: origin === '*' ? '*' : originMatcher(origin),
    preflightHeaders,
    responseHeaders,
    reflectHeaders,
    optionsVary: varyList(optionsVary),
    responseVary: varyList(origin === '*' ? [] : ['Origin']),
  }
}

function headerList(name: string, list: readonly string[] | undefined, credentials: boolean): readonly string[] | undefined {
  if (list === undefined) return undefined
  if (!Array.isArray(list)) throw configError('routekit/cors', `\`${name}\` must be an array of header names.`)
  for (const header of list) {
    if (typeof header !== 'string' || !token.test(header)) throw configError('routekit/cors', `\`${name}\` contains ${JSON.stringify(header)}, which is not a header name.`)
    if (header === '*' && credentials) {
      throw configError('routekit/cors', `\`${name}\` contains '*', which browsers read as a header named "*" when credentials are allowed: list the names.`)
    }
  }
  return list
}

/** Whether a reflected `Access-Control-Request-Headers` value is a plain list of header names. */
export function isHeaderNameList(value: string): boolean {
  return value.split(',').every((name) => token.test(name.trim()))
}
