import { checkOptionNames, optionNames } from '../core/options.js'
import { HttpError } from '../core/http-error.js'

/** How a cookie-authenticated request proves it came from the app's own pages. */
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
  if (option === false || option === undefined) return option === false ? undefined : {}
  checkOptionNames(`${where}: \`csrf\``, option, csrfOptionNames)
  return option
}

/**
 * The origin the browser believes it is talking to. The host comes from the
 * `Host` header, not from `req.url`: Next's App Router names every request
 * `localhost:<port>` whatever host it was sent to (only the scheme follows
 * `X-Forwarded-Proto`), and a browser always sends the real host in `Host`.
 */
function ownOrigin(req: Request, trustForwardedHost: boolean): string {
  const url = new URL(req.url)
  const forwarded = trustForwardedHost ? req.headers.get('x-forwarded-host')?.split(',', 1)[0]?.trim() : undefined
  const host = forwarded || req.headers.get('host') || url.host
  return `${url.protocol}//${host}`
}

/**
 * Refuses a cross-site unsafe request that carries cookie credentials
 * (OWASP: verify origin with standard headers). Browsers send `Origin` on
 * every cross-origin unsafe request, and `Sec-Fetch-Site` where they
 * support it; a request with neither comes from a non-browser client, which
 * cannot ride on a victim's cookies, and passes.
 */
export function checkSameOrigin(req: Request, options: CsrfOptions = {}): void {
  if (isSafeMethod(req.method)) return
  const origin = req.headers.get('origin')
  if (origin !== null) {
    if (origin !== 'null' && (origin === ownOrigin(req, options.trustForwardedHost === true) || options.allowedOrigins?.includes(origin))) {
      return
    }
  } else {
    const site = req.headers.get('sec-fetch-site')
    if (site === null || site === 'same-origin' || site === 'none') return
  }
  throw HttpError.forbidden('Cross-site requests with cookie credentials are refused.', { code: 'csrf_rejected' })
}
