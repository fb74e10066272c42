import {
  importJWK,
  importSPKI,
  importX509,
  type CryptoKey,
  type JWK,
  type JWTVerifyGetKey,
  type KeyObject,
} from 'jose'
import { configError, describeValue } from '../core/options.js'
import { ignore } from '../core/runtime.js'
import { type DeferredSecret, deferredSecret, type SecretOption } from '../core/secret.js'
import { type AlgorithmFamily, type JwtAlgorithm } from './algorithms.js'
import { type DiscoveryOptions, discoveredKeySet } from './discovery.js'
import { type JwksFailureReport, type JwksOptions, remoteKeySet } from './remote-key-set.js'

export { type JwksOptions, JwksUnavailableError } from './remote-key-set.js'
export type { DiscoveryOptions } from './discovery.js'

/**
 * Where verification keys come from. Exactly one is given. Each may be a
 * function returning the value, or `undefined` when the middleware is
 * created (during `next build`): the value is then resolved on the first
 * request, and a request while it is still missing is a 500.
 *
 * @example
 * ```ts
 * jwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'] }) // read on the first request, not at build time
 * jwt({ key: process.env.JWT_PUBLIC_KEY_PEM, algorithms: ['ES256'] })
 * jwt({ jwks: 'https://auth.example.com/.well-known/jwks.json', algorithms: ['RS256'] })
 * jwt({ discovery: 'https://accounts.example.com', algorithms: ['RS256'] })
 * ```
 */
export interface KeySource {
  /** An HMAC secret of at least 32 bytes (HS256/384/512). */
  secret?: SecretOption<string | Uint8Array>
  /** A public key: CryptoKey, Node KeyObject, JWK, or PEM (SPKI public key or X.509 certificate). */
  key?: SecretOption<CryptoKey | KeyObject | JWK | string>
  /** A JSON Web Key Set URL, fetched by jose, cached and refreshed on unknown `kid`s. */
  jwks?: SecretOption<URL | string | JwksOptions>
  /**
   * An OpenID provider's issuer identifier: its key set is found through
   * `/.well-known/openid-configuration`, and tokens must carry that `iss`.
   */
  discovery?: SecretOption<URL | string | DiscoveryOptions>
}

/** A configured key could not be imported: a deployment mistake, answered 500. */
export class KeyImportError extends Error {
  override readonly name = 'KeyImportError'
}

const minimumSecretBytes = 32

function isCryptoKey(value: unknown): value is CryptoKey {
  return typeof CryptoKey !== 'undefined' && value instanceof CryptoKey
}

function isKeyObject(value: unknown): value is KeyObject {
  return typeof value === 'object' && value !== null && typeof (value as { export?: unknown }).export === 'function' && 'type' in value
}

function hashOf(alg: JwtAlgorithm): string {
  return `SHA-${alg.slice(2)}`
}

function importSecret(secret: string | Uint8Array, algorithms: JwtAlgorithm[]): Map<string, Promise<CryptoKey>> {
  if (typeof secret !== 'string' && !(secret instanceof Uint8Array)) {
    throw configError('routekit/jwt', `\`secret\` must be a string or a Uint8Array (got ${describeValue(secret)}).`)
  }
  const bytes = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret
  if (bytes.byteLength < minimumSecretBytes) {
    throw configError('routekit/jwt', `\`secret\` must be at least ${minimumSecretBytes} bytes; generate one with \`openssl rand -base64 32\`.`)
  }
  // One CryptoKey per algorithm: WebCrypto binds an HMAC key to its hash.
  return new Map(
    algorithms.map((alg) => [
      alg,
      crypto.subtle.importKey('raw', bytes as BufferSource, { name: 'HMAC', hash: hashOf(alg) }, false, ['verify']),
    ]),
  )
}

function importConfiguredKey(
  key: CryptoKey | KeyObject | JWK | string,
  algorithms: JwtAlgorithm[],
  family: AlgorithmFamily,
): Map<string, Promise<CryptoKey | KeyObject | Uint8Array>> {
  const expectSecret = family === 'hmac'
  if (isCryptoKey(key) || isKeyObject(key)) {
    if (key.type === 'private') throw configError('routekit/jwt', '`key` is a private key; give the public key that verifies.')
    if ((key.type === 'secret') !== expectSecret) {
      throw configError('routekit/jwt', `\`key\` is a ${key.type} key but \`algorithms\` lists ${expectSecret ? 'HMAC' : 'public-key'} algorithms.`)
    }
    return new Map(algorithms.map((alg) => [alg, Promise.resolve(key)]))
  }
  if (typeof key === 'string') {
    if (expectSecret) throw configError('routekit/jwt', '`key` is a PEM string, which holds a public key; use `secret` for HMAC.')
    if (/PRIVATE KEY-----/.test(key)) throw configError('routekit/jwt', '`key` is a private key; give the public key that verifies.')
    const pem = key.includes('BEGIN CERTIFICATE')
    if (!pem && !key.includes('BEGIN PUBLIC KEY')) {
      throw configError('routekit/jwt', '`key` as a string must be a PEM public key (SPKI) or an X.509 certificate.')
    }
    return new Map(algorithms.map((alg) => [alg, pem ? importX509(key, alg) : importSPKI(key, alg)]))
  }
  if (typeof key === 'object' && key !== null && typeof (key as JWK).kty === 'string') {
    const jwk = key as JWK
    if ((jwk.kty === 'oct') !== expectSecret) {
      throw configError('routekit/jwt', `\`key\` is a JWK of type ${jwk.kty} but \`algorithms\` lists ${expectSecret ? 'HMAC' : 'public-key'} algorithms.`)
    }
    if ('d' in jwk) throw configError('routekit/jwt', '`key` is a private JWK; give the public key that verifies.')
    return new Map(algorithms.map((alg) => [alg, importJWK(jwk, alg)]))
  }
  throw configError('routekit/jwt', '`key` must be a CryptoKey, a KeyObject, a JWK or a PEM string.')
}

/** Imported keys for a token's `alg`, ready once the key source is known. */
export interface PreparedKeys {
  getKey: JWTVerifyGetKey
  /** The imported key for an algorithm, once its import has finished (not for a JWKS). */
  ready(alg: string): CryptoKey | KeyObject | Uint8Array | undefined
  /** The issuer the keys belong to, when discovery named it. */
  issuer?: string
}

const sourceNames = ['secret', 'key', 'jwks', 'discovery'] as const

/**
 * Resolves the verification key for a token. The key source's kind is
 * checked when the middleware is created; its value is prepared then too
 * when it is given (secrets and static keys imported once, never per
 * request; a remote key set created once, so its cache is shared by every
 * request), else on the first request (see `SecretOption`). The token's own
 * `jku`, `x5u`, `jwk` or `kid` never name a key source; only the
 * already-allowed `alg` picks among configured keys.
 */
export function keyResolver(
  source: KeySource,
  algorithms: JwtAlgorithm[],
  family: AlgorithmFamily,
  report: JwksFailureReport,
): DeferredSecret<PreparedKeys> {
  const named = sourceNames.filter((name) => name in source)
  const given = named.filter((name) => source[name] !== undefined)
  if (named.length === 0) throw configError('routekit/jwt', 'give exactly one of `secret`, `key`, `jwks` or `discovery` (none was given).')
  if (given.length > 1) throw configError('routekit/jwt', `give exactly one of \`secret\`, \`key\`, \`jwks\` or \`discovery\`; got ${given.map((name) => `\`${name}\``).join(' and ')}.`)
  // Several names, none with a value: nothing says which one was meant.
  const name = given[0] ?? (named.length === 1 ? named[0]! : undefined)
  if (name === undefined) return deferredSecret<never, PreparedKeys>('routekit/jwt', named.join('` and `'), undefined, () => undefined as never)
  if (name === 'secret' && family !== 'hmac') {
    throw configError('routekit/jwt', '`secret` is an HMAC secret; `algorithms` must list HS256, HS384 or HS512.')
  }
  if (name === 'jwks' || name === 'discovery') {
    if (family === 'hmac') throw configError('routekit/jwt', `\`${name}\` gives public keys; \`algorithms\` must list public-key algorithms.`)
    if (name === 'discovery') return deferredSecret('routekit/jwt', name, source.discovery, (issuer) => ({ ...discoveredKeySet(issuer, report), ready: () => undefined }))
    return deferredSecret('routekit/jwt', name, source.jwks, (jwks) => ({ getKey: remoteKeySet(jwks, report), ready: () => undefined }))
  }
  if (name === 'secret') return deferredSecret('routekit/jwt', name, source.secret, (secret) => imported(importSecret(secret, algorithms)))
  return deferredSecret('routekit/jwt', name, source.key, (key) => imported(importConfiguredKey(key, algorithms, family)))
}

function imported(keys: Map<string, Promise<CryptoKey | KeyObject | Uint8Array>>): PreparedKeys {
  // Imported keys are kept as they arrive, so verification can hand jose the
  // key itself. A key that fails to import fails the requests that need it
  // (as a 500); it must not also surface as an unhandled rejection at start-up.
  const done = new Map<string, CryptoKey | KeyObject | Uint8Array>()
  for (const [alg, pending] of keys) pending.then((key) => done.set(alg, key), ignore)
  return {
    getKey: (header) =>
      keys.get(header.alg)!.catch((cause: unknown) => {
        throw new KeyImportError(`The configured key could not be imported for ${header.alg}.`, { cause })
      }),
    ready: (alg) => done.get(alg),
  }
}
