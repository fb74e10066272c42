import { configError, checkOptionNames, optionNames } from '../core/options.js'
import { type CryptoKey, type JWTPayload, type KeyObject, SignJWT } from 'jose'
import type { JwtAlgorithm } from './algorithms.js'

/**
 * Options for {@link signJwt}.
 *
 * @example
 * ```ts
 * const token = await signJwt({ sub: 'ada' }, {
 *   algorithm: 'HS256',
 *   secret: process.env.JWT_SECRET!,
 *   expiresIn: '1h',
 *   issuer: 'https://auth.example.com/',
 *   header: { kid: 'dev-1' },
 * })
 * ```
 */
export interface SignJwtOptions {
  algorithm: JwtAlgorithm
  /** An HMAC secret, or a private key for public-key algorithms. */
  secret?: string | Uint8Array
  key?: CryptoKey | KeyObject
  /** A jose time span (`"15m"`) or seconds from now. Default `"15m"`. */
  expiresIn?: string | number
  issuer?: string
  audience?: string | string[]
  subject?: string
  /** Extra protected header parameters, such as `kid` or `typ`. */
  header?: Record<string, unknown>
}

const signJwtOptionNames = optionNames<SignJwtOptions>({
  algorithm: true, secret: true, key: true, expiresIn: true, issuer: true, audience: true, subject: true, header: true,
})

/**
 * Signs a short-lived token: for tests, examples and development only. Real
 * tokens come from your identity provider (Auth0, Cognito, Keycloak,
 * Auth.js) or from your own login route.
 *
 * @example
 * ```ts
 * const token = await signJwt({ sub: 'u1', scope: 'items:read' }, { secret: process.env.JWT_SECRET!, algorithm: 'HS256' })
 * ```
 */
export async function signJwt(payload: JWTPayload, options: SignJwtOptions): Promise<string> {
  checkOptionNames('routekit/jwt: signJwt()', options, signJwtOptionNames)
  const key = options.secret !== undefined ? (typeof options.secret === 'string' ? new TextEncoder().encode(options.secret) : options.secret) : options.key
  if (key === undefined) throw configError('routekit/jwt', 'signJwt needs `secret` or `key`.')
  let builder = new SignJWT(payload)
    .setProtectedHeader({ ...options.header, alg: options.algorithm })
    .setIssuedAt()
    .setExpirationTime(typeof options.expiresIn === 'number' ? Math.floor(Date.now() / 1000) + options.expiresIn : (options.expiresIn ?? '15m'))
  if (options.issuer !== undefined) builder = builder.setIssuer(options.issuer)
  if (options.audience !== undefined) builder = builder.setAudience(options.audience)
  if (options.subject !== undefined) builder = builder.setSubject(options.subject)
  return builder.sign(key)
}
