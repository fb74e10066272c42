import {
  createLocalJWKSet,
  createRemoteJWKSet,
  type ExportedJWKSCache,
  type JSONWebKeySet,
  type JWKSCacheInput,
  jwksCache,
  type JWTVerifyGetKey,
} from 'jose'
import { isLoopbackHost } from '../core/http-values.js'
import { checkOptionNames, configError, optionNames } from '../core/options.js'

/**
 * A remote key set with jose's fetch settings and routekit's stale rule.
 *
 * @example
 * ```ts
 * jwt({
 *   jwks: { url: 'https://auth.example.com/.well-known/jwks.json', timeoutDuration: 2000, cacheMaxAge: 300_000 },
 *   algorithms: ['RS256'],
 * })
 * ```
 */
export interface JwksOptions {
  url: URL | string
  /** Milliseconds one fetch may take. Default 5000. */
  timeoutDuration?: number
  /** Milliseconds between refetches for an unknown `kid`, and between retries while the set is unreachable. Default 30000. */
  cooldownDuration?: number
  /** Milliseconds a fetched set is used before it is refetched. Default 600000 (10 minutes). */
  cacheMaxAge?: number
  /**
   * Milliseconds after the last successful fetch during which its keys stay
   * usable while refetching fails (an identity-provider outage). Default
   * 86400000 (one day); 0 turns it off. A cold cache with the provider down
   * is still a 503.
   */
  maxStale?: number
}

const jwksOptionNames = optionNames<JwksOptions>({ url: true, timeoutDuration: true, cooldownDuration: true, cacheMaxAge: true, maxStale: true })

/** The key set could not be fetched or read: the server's fault, answered 503. */
export class JwksUnavailableError extends Error {
  override readonly name = 'JwksUnavailableError'
}

/** Receives each failed fetch of the key set, whether stale keys covered for it or not. */
export type JwksFailureReport = (error: JwksUnavailableError) => void

/** jose's errors that concern the token, not the key set: an unknown or ambiguous kid, an algorithm the set has no key for. */
function isTokenError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code
  return code === 'ERR_JWKS_NO_MATCHING_KEY' || code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS' || code === 'ERR_JOSE_NOT_SUPPORTED'
}

/** A URL keys may come from: https, or plain http on this machine only (tests, local providers). */
export function secureUrl(url: URL | string, option: string): URL {
  const href = new URL(url)
  if (href.protocol !== 'https:' && !(href.protocol === 'http:' && isLoopbackHost(href.hostname))) {
    throw configError('routekit/jwt', `${option} must be an https URL (plain http only for localhost).`)
  }
  return href
}

/**
 * jose's remote key set, plus stale-if-error: jose fetches, caches and
 * refetches for unknown `kid`s, and writes each good set into a cache
 * routekit keeps. When a refetch fails, the last good set keeps verifying
 * for `maxStale` after it was fetched, and the set is not asked again for
 * `cooldownDuration`, so an outage costs one slow fetch per cooldown, not
 * one per request.
 */
export function remoteKeySet(option: URL | string | JwksOptions, report: JwksFailureReport): JWTVerifyGetKey {
  const settings = typeof option === 'object' && !(option instanceof URL) ? option : { url: option }
  checkOptionNames('routekit/jwt: `jwks`', settings, jwksOptionNames)
  const href = secureUrl(settings.url, '`jwks`')
  const { url: _url, maxStale = 86_400_000, ...joseSettings } = settings
  const cooldown = joseSettings.cooldownDuration ?? 30_000
  if (!(maxStale >= 0)) throw configError('routekit/jwt', '`jwks.maxStale` must be a number of milliseconds, 0 or more.')
  const cache: JWKSCacheInput = {}
  const remote = createRemoteJWKSet(href, { ...joseSettings, [jwksCache]: cache })
  let failedAt = -Infinity
  let local: { jwks: JSONWebKeySet; getKey: JWTVerifyGetKey } | undefined

  /** The last good set, while it may still stand in for an unreachable one. */
  const stale = (): JWTVerifyGetKey | undefined => {
    const good = cache as Partial<ExportedJWKSCache>
    if (good.jwks === undefined || good.uat === undefined || Date.now() - good.uat > maxStale) return undefined
    if (local?.jwks !== good.jwks) local = { jwks: good.jwks, getKey: createLocalJWKSet(good.jwks) }
    return local.getKey
  }

  let lastError: JwksUnavailableError | undefined
  return async (header, token) => {
    if (Date.now() - failedAt < cooldown) {
      const fallback = stale()
      if (fallback) return fallback(header, token)
      // Nothing to fall back on: refuse at once until the cooldown ends, rather than one slow fetch per request.
      if (lastError) throw lastError
    }
    try {
      return await remote(header, token)
    } catch (error) {
      if (isTokenError(error)) throw error
      failedAt = Date.now()
      const unavailable = new JwksUnavailableError('The JSON Web Key Set could not be fetched or read.', { cause: error })
      lastError = unavailable
      report(unavailable)
      const fallback = stale()
      if (fallback) return fallback(header, token)
      throw unavailable
    }
  }
}
