import { configError } from '../core/options.js'

/**
 * Decides whether a page on `origin` may read the answer. It is called only
 * for a real origin, never for the literal `null`, and only `true` allows.
 *
 * @example
 * ```ts
 * const fromTenant: OriginCheck = async (origin) => (await tenantDomains()).has(new URL(origin).hostname)
 * ```
 */
export type OriginCheck = (origin: string, req: Request) => boolean | Promise<boolean>

/**
 * The origins whose pages may read the answers: `'*'` for a public API
 * without credentials, an exact origin (`'https://app.example.com'`), a
 * pattern matched against the whole Origin, a list of those, or a function.
 *
 * @example
 * ```ts
 * const origins: CorsOrigin = ['https://app.example.com', /https:\/\/[a-z0-9-]+\.preview\.example\.com/]
 * ```
 */
export type CorsOrigin = '*' | string | RegExp | readonly (string | RegExp)[] | OriginCheck

/**
 * Whether an Origin header value is allowed; a promise only for a function
 * check, the only one that is handed the request (built on the Pages Router
 * only then).
 */
export type OriginMatcher = (origin: string, requestOf: () => Request) => boolean | Promise<boolean>

/**
 * Builds the matcher for an allowlist once, at creation: exact origins in a
 * Set, patterns anchored to the whole value. `'*'` is handled by the caller.
 */
export function originMatcher(origin: Exclude<CorsOrigin, '*'>): OriginMatcher {
  if (typeof origin === 'function') {
    // A browser sends `null` from sandboxed frames, file: pages and some
    // redirects: many unrelated pages share it, so no check may admit it.
    return (value, requestOf) => value !== 'null' && callCheck(origin, value, requestOf())
  }
  const entries = Array.isArray(origin) ? origin : [origin as string | RegExp]
  if (entries.length === 0) throw configError('routekit/cors', '`origin` is an empty list: name at least one origin, or use `origin: \'*\'` for a public API.')
  const exact = new Set<string>()
  const patterns: RegExp[] = []
  for (const entry of entries) {
    if (entry instanceof RegExp) patterns.push(wholeValue(entry))
    else if (typeof entry === 'string') exact.add(checkedOrigin(entry))
    else throw configError('routekit/cors', '`origin` entries must be strings or RegExps.')
  }
  if (patterns.length === 0) return (value) => exact.has(value)
  return (value) => exact.has(value) || (value !== 'null' && patterns.some((pattern) => pattern.test(value)))
}

/** `true` only: a truthy string from a careless check must not open the API. */
async function callCheck(check: OriginCheck, origin: string, req: Request): Promise<boolean> {
  return (await check(origin, req)) === true
}

/**
 * The pattern, made to match the whole Origin: `/https:\/\/.*\.example\.com/`
 * must not accept `https://x.example.com.evil.io`. `g` and `y` are dropped,
 * since they make `test()` remember where it stopped between requests.
 */
function wholeValue(pattern: RegExp): RegExp {
  return new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, ''))
}

/** An exact origin as browsers serialise it, so that a plain comparison is right. */
function checkedOrigin(value: string): string {
  if (value === 'null') return value
  if (value === '*') throw configError('routekit/cors', "`'*'` cannot be part of a list: pass `origin: '*'` on its own for a public API.")
  let serialised: string
  try {
    serialised = new URL(value).origin
  } catch {
    throw configError('routekit/cors', `\`origin\` entry ${JSON.stringify(value)} is not an origin such as "https://app.example.com".`)
  }
  if (serialised === 'null') throw configError('routekit/cors', `\`origin\` entry ${JSON.stringify(value)} is not an http(s) origin.`)
  if (serialised !== value) {
    throw configError('routekit/cors', `\`origin\` entry ${JSON.stringify(value)} never matches what browsers send: write ${JSON.stringify(serialised)} (scheme, host and port, lower case, no path or trailing slash).`)
  }
  return value
}
