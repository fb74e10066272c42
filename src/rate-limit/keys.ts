import { configError, checkOptionNames, optionNames } from '../core/options.js'
import type { RequestHeaders } from '../core/request-view.js'
import { canonicalIp } from './ip-address.js'

/**
 * What a key function receives: the request, its headers, and the context
 * so far (`ctx.auth` after `jwt()`). Read `headers` when they are enough: on
 * the Pages Router, reading `req` builds a Request.
 *
 * @example
 * ```ts
 * const byTenant = ({ headers }: KeyArgs<{}>) => headers.get('x-tenant-id') ?? undefined
 * ```
 */
export interface KeyArgs<TCtx> {
  readonly req: Request
  readonly headers: RequestHeaders
  readonly ctx: TCtx
}

/**
 * Names the client a request counts against; `undefined` means the request is not limited.
 *
 * @example
 * ```ts
 * // Limit each API key; requests without one are not limited here
 * const apiKey: KeyFunction = ({ headers }) => headers.get('x-api-key') ?? undefined
 * export const limited = api.use(rateLimit({ key: apiKey, limit: 1000, window: '1h' }))
 * ```
 */
export type KeyFunction<TCtx = {}> = (args: KeyArgs<TCtx>) => string | undefined | Promise<string | undefined>

/**
 * Options for {@link ipKey}.
 *
 * @example
 * ```ts
 * // Behind a load balancer and a CDN, each appending to X-Forwarded-For
 * const key = ipKey({ header: 'x-forwarded-for', proxies: 2 })
 * ```
 */
export interface IpKeyOptions {
  /**
   * The header your proxy sets to the client's address, such as
   * `x-forwarded-for`, `x-real-ip` or `cf-connecting-ip`. Required: a Web
   * `Request` carries no client address, and a header no proxy of yours
   * sets is whatever the client wrote.
   */
  header: string
  /**
   * How many proxies of yours append to the header (`x-forwarded-for`).
   * The entry that many places from the right is the address the outermost
   * one saw; everything left of it was written by the client. Default 1.
   */
  proxies?: number
}

// Addresses are hex digits, dots and colons; the length cap keeps a
// misconfigured header from filling the store.
const address = /^[0-9a-f.:]{2,45}$/i
// Some proxies add the client's source port (Azure Application Gateway
// writes `IP:port`, IPv6 as `[IP]:port`). It changes with every connection,
// so a key that kept it would give each connection a quota of its own.
const withPort = /^(?:(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}|\[([0-9a-f.:]+)\](?::\d{1,5})?)$/i

/** The address in one header entry, without brackets or port, in its one canonical spelling; undefined if it is none. */
function addressIn(entry: string): string | undefined {
  const parts = withPort.exec(entry)
  const bare = parts === null ? entry : (parts[1] ?? parts[2])!
  return address.test(bare) ? canonicalIp(bare) : undefined
}

// RFC 9110 §5.1: a field name is a token.
const headerName = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/

/**
 * Keys requests by client address, read from a header your proxy sets.
 * With `x-forwarded-for`, each proxy appends the address it received the
 * request from, so only the right-most entries are trustworthy: the entry
 * `proxies` places from the right. A request whose header is missing,
 * shorter than that or not an address did not come through your proxies as
 * configured; those all share one key (`ip:unknown`) rather than go
 * unlimited. A port after the address (`203.0.113.7:51234`,
 * `[2001:db8::1]:443`) is left out of the key.
 *
 * @example
 * ```ts
 * rateLimit({ key: ipKey({ header: 'x-forwarded-for' }), limit: 100, window: '1m' })  // one proxy (nginx, a load balancer)
 * rateLimit({ key: ipKey({ header: 'cf-connecting-ip' }), limit: 100, window: '1m' }) // Cloudflare sets it to one address
 * ```
 */
export function ipKey(options: IpKeyOptions): KeyFunction {
  checkOptionNames('routekit/rate-limit: ipKey()', options, optionNames<IpKeyOptions>({ header: true, proxies: true }))
  const header = options.header
  const proxies = options.proxies ?? 1
  // A name Headers.get() refuses (a stray space from an env var) would make every request a 500.
  if (typeof header !== 'string' || !headerName.test(header)) throw configError('routekit/rate-limit', 'ipKey needs the `header` your proxy sets, a header name such as `x-forwarded-for`.')
  if (!(Number.isInteger(proxies) && proxies >= 1)) throw configError('routekit/rate-limit', '`proxies` must be a whole number, 1 or more.')
  return ({ headers }) => {
    const entries = (headers.get(header) ?? '').split(',')
    const entry = entries.length >= proxies ? addressIn(entries[entries.length - proxies]!.trim()) : undefined
    return `ip:${entry ?? 'unknown'}`
  }
}

/**
 * Keys requests by the authenticated subject, `ctx.auth.sub` (from `jwt()`
 * or `authjs()`). Anonymous requests (no `auth`, or no `sub`) are not
 * limited by it: put an {@link ipKey} limiter before authentication for those.
 * Used before authentication, where it would let every request through, it
 * does not compile: the context must have `auth`.
 *
 * @example
 * ```ts
 * export const writers = api.use(bearer).use(rateLimit({ name: 'writes', key: userKey(), limit: 30, window: '1m', store }))
 * ```
 */
export function userKey(): KeyFunction<{ auth: { sub?: unknown } | null | undefined }> {
  return ({ ctx }) => {
    const sub = ctx.auth?.sub
    return typeof sub === 'string' && sub !== '' ? `user:${sub}` : undefined
  }
}
