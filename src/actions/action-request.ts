import { isLoopbackHost } from '../core/http-values.js'

const first = (value: string | null): string | undefined => value?.split(',', 1)[0]!.trim() || undefined

/**
 * The Web `Request` an action's middleware sees, built from the headers
 * Next gives the action: method POST, the host (and scheme) the browser
 * used, as the forwarded headers say, and the page's path from `Referer`
 * when it names the same host. Cookies and `Origin` / `Sec-Fetch-Site`
 * come along, so `session()` and its cross-site check work unchanged.
 *
 * @example
 * ```ts
 * actionRequest(new Headers({ host: 'app.example', referer: 'https://app.example/notes' })).url // 'https://app.example/notes'
 * ```
 */
export function actionRequest(headers: Headers): Request {
  const host = first(headers.get('x-forwarded-host')) ?? headers.get('host') ?? 'localhost'
  const hostname = host.replace(/:\d+$/, '')
  const scheme = first(headers.get('x-forwarded-proto')) ?? (isLoopbackHost(hostname) ? 'http' : 'https')
  const origin = `${scheme === 'http' ? 'http' : 'https'}://${host}`
  let path = '/'
  try {
    const referer = new URL(headers.get('referer') ?? '')
    if (referer.host === host) path = referer.pathname + referer.search
  } catch {
    // No Referer (a privacy setting), or not a URL: the site's root will do.
  }
  let url: URL
  try {
    url = new URL(path, origin)
  } catch {
    url = new URL('http://localhost/')
  }
  return new Request(url, { method: 'POST', headers })
}
