import { HttpError } from '../core/http-error.js'
import { quoted } from '../core/http-values.js'

/**
 * 401 for a route that needs a cookie session. RFC 9110 requires a
 * `WWW-Authenticate` challenge on every 401; cookie sessions have no
 * registered scheme, so the challenge names the mechanism plainly.
 */
export function sessionRequired(realm: string): HttpError {
  return HttpError.unauthorized('This request needs a session; log in first.', {
    code: 'session_required',
    headers: { 'www-authenticate': `Cookie realm=${quoted(realm)}` },
  })
}
