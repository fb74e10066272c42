import { readCookie } from '../core/cookies.js'
import type { RequestHeaders } from '../core/request-view.js'

/** What a request carries in the way of a bearer token. */
export type TokenLookup =
  | { kind: 'none' }
  | { kind: 'malformed' }
  | { kind: 'token'; token: string; from: 'header' | 'cookie' }

const none: TokenLookup = { kind: 'none' }

/**
 * Finds the bearer token: the `Authorization` header (scheme matched
 * case-insensitively, extra spaces tolerated), else the named cookie when
 * one is configured. Never the query string (`?access_token=` leaks into
 * logs and Referer headers, RFC 6750 §2.3). Another scheme, such as Basic,
 * counts as no bearer token at all.
 */
export function findToken(headers: RequestHeaders, cookieName: string | undefined): TokenLookup {
  const header = headers.get('authorization')
  if (header !== null) {
    const [scheme = '', ...rest] = header.trim().split(/\s+/)
    if (scheme.toLowerCase() === 'bearer') {
      // `Bearer` alone, or with several tokens, is a malformed request (RFC 6750 §3.1).
      return rest.length === 1 && rest[0] !== '' ? { kind: 'token', token: rest[0]!, from: 'header' } : { kind: 'malformed' }
    }
  }
  if (cookieName === undefined) return none
  const token = readCookie(headers.get('cookie'), cookieName)
  return token ? { kind: 'token', token, from: 'cookie' } : none
}
