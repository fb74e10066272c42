import { checkOptionNames, optionNames } from '../core/options.js'
import { HttpError } from '../core/http-error.js'
import type { RequestHead, RequestHeaders } from '../core/request-view.js'

/**
 * How a cookie-authenticated request proves it came from the app's own pages.
 *
 * @example
 * ```ts
 * session({ secret: process.env.SESSION_SECRET, csrf: { allowedOrigins: ['https://admin.example.com'], trustForwardedHost: true } })
 * ```
 */
export interface CsrfOptions {
  /** Other origins allowed to send unsafe requests, e.g. `https://admin.example.com`. */
  allowedOrigins?: string[]
  /**
   * Take the app's own host from `X-Forwarded-Host` (behind a proxy that
   * sets it). Off by default: a client could otherwise name any host.
   */
  trustForwardedHost?: boolean
}

const csrfOptionNames = optionNames<CsrfOptions>({ allowedOrigins: true, trustForwardedHost: true })

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Methods the same-origin check lets through: they must not change anything. */
export function isSafeMethod(method: string): boolean {
  return safeMethods.has(method)
}

/** The `csrf` option of a cookie-reading middleware: on by default, `false` turns it off. */
export function csrfSetting(where: string, option: CsrfOptions | false | undefined): CsrfOptions | undefined {
  if (option === false) return undefined
  if (option === undefined) return {}
  checkOptionNames(`${where}: \`csrf\``, option, csrfOptionNames)
  return option
}

/**
 * The origin the browser believes it is talking to. The host comes from the
 * `Host` header, not from `req.url`: Next's App Router names every request
 * `localhost:<port>` whatever host it was sent to (only the scheme follows
 * `X-Forwarded-Proto`), and a browser always sends the real host in `Host`.
 */
function ownOrigin(req: RequestHead, trustForwardedHost: boolean): string {
  const url = new URL(req.url)
  const forwarded = trustForwardedHost ? req.headers.get('x-forwarded-host')?.split(',', 1)[0]?.trim() : undefined
  const host = forwarded || req.headers.get('host') || url.host
  return `${url.protocol}//${host}`
}

/**
 * Whether a cookie-based middleware checks where a request comes from. With
 * its cookie, always. Without it too: a cross-site form that logs the
 * visitor in (login CSRF) or out carries no session cookie yet. The one
 * exception is a request authenticated by an `Authorization` header
 * instead, which a cross-site page cannot send without a CORS preflight the
 * app granted: a bearer API call from another origin is not CSRF.
 */
export function needsOriginCheck(headers: RequestHeaders, carriesCookie: boolean): boolean {
  return carriesCookie || !headers.has('authorization')
}

/**
 * Refuses a cross-site unsafe request (OWASP: verify origin with standard
 * headers). Fetch Metadata first: a browser's `Sec-Fetch-Site` says where
 * the request really comes from, whatever proxies did to `Host`. Browsers
 * without it still send `Origin` on every cross-origin unsafe request, which
 * must then be this app's own origin or an allowed one. A request with
 * neither comes from a non-browser client (curl, another server), which
 * cannot ride on a visitor's cookies, and passes.
 */
export function checkSameOrigin(req: RequestHead, options: CsrfOptions = {}): void {
  if (isSafeMethod(req.method)) return
  const origin = req.headers.get('origin')
  const allowed = origin !== null && origin !== 'null' && options.allowedOrigins?.includes(origin) === true
  const site = req.headers.get('sec-fetch-site')
  if (site !== null) {
    if (site === 'same-origin' || site === 'none' || allowed) return
  } else if (origin === null || allowed || (origin !== 'null' && origin === ownOrigin(req, options.trustForwardedHost === true))) {
    return
  }
  throw HttpError.forbidden('Cross-site requests that could change state are refused.', { code: 'csrf_rejected' })
}
