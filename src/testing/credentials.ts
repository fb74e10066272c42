import { checkOptionNames, optionNames } from '../core/options.js'
import type { JWTPayload } from 'jose'
import type { JwtAlgorithm } from '../jwt/algorithms.js'
import { signJwt, type SignJwtOptions } from '../jwt/sign.js'
import { Sealer, type SessionSecret } from '../session/seal.js'

/**
 * A bearer token for tests: HS256 by default, valid for 15 minutes. Pass
 * the same secret, issuer and audience as the route's `jwt()`.
 *
 * @example
 * ```ts
 * const auth = await testToken({ sub: 'u1', scope: 'notes:write' }, { secret: 'x'.repeat(32), issuer, audience })
 * await testRoute(notes, { method: 'POST', body: { text: 'hi' }, auth })
 * ```
 */
export function testToken(
  claims: JWTPayload,
  options: Omit<SignJwtOptions, 'algorithm'> & { algorithm?: JwtAlgorithm },
): Promise<string> {
  return signJwt(claims, { algorithm: 'HS256', ...options })
}

/**
 * Options for {@link testSessionCookie}: the route's `session()` settings that shape the cookie.
 *
 * @example
 * ```ts
 * const cookies = await testSessionCookie({ username: 'ada' }, { secret, cookieName: 'notes-session', ttl: 3600 })
 * await testRoute(notes, { cookies })
 * ```
 */
export interface TestSessionOptions {
  secret?: string
  secrets?: SessionSecret[]
  /** Default `"session"`. */
  cookieName?: string
  /** Seconds. Default 7 days. */
  ttl?: number
}

/**
 * A session cookie sealed exactly as `session()` seals one, to send with
 * `testRoute({ cookies })`.
 *
 * @example
 * ```ts
 * const cookies = await testSessionCookie({ username: 'ada' }, { secret: process.env.SESSION_SECRET! })
 * const { body } = await testRoute(me, { cookies })
 * ```
 */
export async function testSessionCookie(data: unknown, options: TestSessionOptions): Promise<Record<string, string>> {
  checkOptionNames('routekit/testing: testSessionCookie()', options, optionNames<TestSessionOptions>({ secret: true, secrets: true, cookieName: true, ttl: true }))
  const sealer = new Sealer(options.secrets ?? (options.secret === undefined ? [] : [{ id: '1', secret: options.secret }]))
  const exp = Math.floor(Date.now() / 1000) + (options.ttl ?? 7 * 24 * 60 * 60)
  const sid = crypto.randomUUID()
  return { [options.cookieName ?? 'session']: await sealer.seal(sid, data, exp) }
}
