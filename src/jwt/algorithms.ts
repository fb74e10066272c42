import { configError } from '../core/options.js'

/** HMAC algorithms: one shared secret signs and verifies. */
export const hmacAlgorithms = ['HS256', 'HS384', 'HS512'] as const

/** Public-key algorithms jose verifies. */
export const asymmetricAlgorithms = [
  'RS256', 'RS384', 'RS512',
  'PS256', 'PS384', 'PS512',
  'ES256', 'ES384', 'ES512',
  'EdDSA', 'Ed25519',
] as const

/**
 * An HMAC algorithm: one shared secret (at least 32 bytes) signs and verifies.
 *
 * @example
 * ```ts
 * const algorithm: HmacAlgorithm = 'HS256'
 * jwt({ secret: process.env.JWT_SECRET, algorithms: [algorithm] })
 * ```
 */
export type HmacAlgorithm = (typeof hmacAlgorithms)[number]
/**
 * A public-key algorithm: the provider signs with its private key, routekit verifies with the public one.
 *
 * @example
 * ```ts
 * const algorithms: AsymmetricAlgorithm[] = ['RS256', 'ES256']
 * jwt({ jwks: 'https://auth.example.com/.well-known/jwks.json', algorithms })
 * ```
 */
export type AsymmetricAlgorithm = (typeof asymmetricAlgorithms)[number]
/**
 * Any algorithm `jwt()` accepts. One `algorithms` list may not mix HMAC with public-key
 * algorithms, and `none` is never accepted.
 *
 * @example
 * ```ts
 * const algorithms: JwtAlgorithm[] = process.env.JWT_SECRET ? ['HS256'] : ['RS256']
 * ```
 */
export type JwtAlgorithm = HmacAlgorithm | AsymmetricAlgorithm

export type AlgorithmFamily = 'hmac' | 'asymmetric'

/**
 * Checks the `algorithms` option when the middleware is created: the
 * mistakes that broke other JWT libraries (`none`, an empty list, HMAC mixed
 * with public-key algorithms, which enables key confusion) never reach a
 * request. Returns the family every listed algorithm belongs to.
 */
export function checkAlgorithms(algorithms: unknown): AlgorithmFamily {
  if (!Array.isArray(algorithms) || algorithms.length === 0) {
    throw configError('routekit/jwt', '`algorithms` is required: list the algorithms your tokens are signed with, e.g. ["RS256"].')
  }
  for (const alg of algorithms) {
    if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
      throw configError('routekit/jwt', '`algorithms` must not contain "none": unsigned tokens are never accepted.')
    }
    if (!(hmacAlgorithms as readonly unknown[]).includes(alg) && !(asymmetricAlgorithms as readonly unknown[]).includes(alg)) {
      throw configError('routekit/jwt', `\`algorithms\` contains ${JSON.stringify(alg)}, which is not a JWS algorithm jose verifies.`)
    }
  }
  const hmac = algorithms.filter((alg) => (hmacAlgorithms as readonly unknown[]).includes(alg))
  if (hmac.length > 0 && hmac.length < algorithms.length) {
    throw configError('routekit/jwt', '`algorithms` mixes HMAC (HS*) with public-key algorithms; a public key must never verify as an HMAC secret.')
  }
  return hmac.length > 0 ? 'hmac' : 'asymmetric'
}

