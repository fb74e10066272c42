import { HttpError } from '../core/http-error.js'
import { quoted } from '../core/http-values.js'

type BearerError = 'invalid_request' | 'invalid_token' | 'insufficient_scope'

/** A `WWW-Authenticate: Bearer` challenge (RFC 6750 §3). */
export function bearerChallenge(realm: string, error?: BearerError, scope?: string): string {
  let challenge = `Bearer realm=${quoted(realm)}`
  if (error) challenge += `, error=${quoted(error)}`
  if (scope) challenge += `, scope=${quoted(scope)}`
  return challenge
}

/** 401 without an error code: the request simply had no bearer credentials. */
export function missingToken(realm: string): HttpError {
  return HttpError.unauthorized('This request needs a bearer token.', {
    code: 'missing_token',
    headers: { 'www-authenticate': bearerChallenge(realm) },
  })
}

/** 400: `Authorization: Bearer` without exactly one token. */
export function malformedAuthorization(realm: string): HttpError {
  return HttpError.badRequest('The Authorization header must be `Bearer <token>`.', {
    code: 'invalid_request',
    headers: { 'www-authenticate': bearerChallenge(realm, 'invalid_request') },
  })
}

/**
 * 401 for any token that does not verify. The detail tells expiry apart, so
 * clients know to refresh, and never repeats a claim or names which check
 * failed beyond that.
 */
export function invalidToken(realm: string, expired = false): HttpError {
  return HttpError.unauthorized(expired ? 'The token has expired.' : 'The token is invalid.', {
    code: expired ? 'token_expired' : 'invalid_token',
    headers: { 'www-authenticate': bearerChallenge(realm, 'invalid_token') },
  })
}

/** 403: a valid token without every scope the route needs. */
export function insufficientScope(realm: string, scopes: string[]): HttpError {
  const scope = scopes.join(' ')
  return HttpError.forbidden(`This request needs the scope: ${scope}.`, {
    code: 'insufficient_scope',
    headers: { 'www-authenticate': bearerChallenge(realm, 'insufficient_scope', scope) },
  })
}

/** 503: the key set is unreachable; the token may well be fine. */
export function keysUnavailable(retryAfterSeconds: number, cause: unknown): HttpError {
  return HttpError.serviceUnavailable('The keys that verify tokens cannot be fetched right now.', {
    code: 'jwks_unavailable',
    expose: true,
    cause,
    headers: { 'retry-after': String(retryAfterSeconds) },
  })
}
