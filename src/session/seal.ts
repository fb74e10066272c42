import { configError } from '../core/options.js'
import { EncryptJWT, jwtDecrypt } from 'jose'
import { ignore } from '../core/runtime.js'
import { hkdf } from './hkdf.js'

/**
 * A sealing key, identified by `kid` so old cookies still open after rotation.
 *
 * @example
 * ```ts
 * // Rotation: seal with the new key, still open cookies sealed with the old one
 * session({ secrets: [{ id: '2026-12', secret: process.env.SESSION_SECRET! }, { id: '2026-06', secret: process.env.OLD_SESSION_SECRET! }] })
 * ```
 */
export interface SessionSecret {
  id: string
  secret: string
}

/** What a sealed cookie holds besides the app's data. */
export interface Sealed<T> {
  sid: string
  data: T
  /** Expiry, in seconds since the epoch. */
  exp: number
}

const minimumSecretLength = 32

/**
 * JWE `dir` + `A256GCM` (authenticated encryption) under keys derived once,
 * when the middleware is created. The newest key seals; every listed key
 * opens, chosen by the `kid` in the JWE header.
 */
export class Sealer {
  readonly #keys: Map<string, Promise<Uint8Array>>
  readonly #newest: string

  constructor(secrets: SessionSecret[]) {
    if (!Array.isArray(secrets)) throw configError('routekit/session', '`secrets` must be an array of `{ id, secret }`.')
    if (secrets.length === 0) throw configError('routekit/session', 'give `secret` or at least one of `secrets`.')
    const ids = new Set<string>()
    for (const { id, secret } of secrets) {
      if (typeof secret !== 'string' || secret.length < minimumSecretLength) {
        throw configError('routekit/session', `every secret must be at least ${minimumSecretLength} characters (key "${id}" is not).`)
      }
      if (ids.has(id)) throw configError('routekit/session', `the key id "${id}" is listed twice in \`secrets\`.`)
      ids.add(id)
    }
    this.#newest = secrets[0]!.id
    this.#keys = new Map(secrets.map(({ id, secret }) => [id, hkdf(secret, 'routekit.session', `routekit session key ${id}`, 32)]))
    for (const pending of this.#keys.values()) pending.catch(ignore)
  }

  async seal<T>(sid: string, data: T, exp: number): Promise<string> {
    return new EncryptJWT({ sid, data: data as Record<string, unknown> })
      .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: this.#newest })
      .setIssuedAt()
      .setExpirationTime(exp)
      .encrypt(await this.#keys.get(this.#newest)!)
  }

  /** Opens a sealed value; anything tampered, foreign, expired or unreadable is `undefined`. */
  async open(value: string): Promise<Sealed<unknown> | undefined> {
    try {
      const { payload } = await jwtDecrypt(
        value,
        async (header) => {
          const key = this.#keys.get(String(header.kid))
          if (key === undefined) throw new Error('unknown session key id')
          return key
        },
        { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'], requiredClaims: ['exp', 'sid'] },
      )
      return { sid: String(payload.sid), data: payload.data, exp: payload.exp! }
    } catch {
      return undefined
    }
  }
}
