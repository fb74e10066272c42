import type { JWTVerifyGetKey } from 'jose'
import { checkOptionNames, configError, optionNames } from '../core/options.js'
import { type JwksFailureReport, type JwksOptions, JwksUnavailableError, remoteKeySet, secureUrl } from './remote-key-set.js'

/**
 * OpenID Connect discovery: the issuer's `/.well-known/openid-configuration`
 * names its key set. The fetch settings apply to both documents, and the
 * stale rule too: while the provider is down, the last good configuration
 * and keys keep verifying for `maxStale`.
 *
 * @example
 * ```ts
 * jwt({ discovery: { issuer: 'https://accounts.example.com', maxStale: 3_600_000 }, algorithms: ['RS256'], audience: 'items-api' })
 * ```
 */
export interface DiscoveryOptions extends Omit<JwksOptions, 'url'> {
  /** The issuer identifier, exactly as the provider writes it in `iss`. */
  issuer: URL | string
}

const discoveryOptionNames = optionNames<DiscoveryOptions>({
  issuer: true, timeoutDuration: true, cooldownDuration: true, cacheMaxAge: true, maxStale: true,
})

/** The issuer a discovery option names, as the provider is expected to write it. */
function discoveryIssuer(option: URL | string | DiscoveryOptions): string {
  const settings = typeof option === 'object' && !(option instanceof URL) ? option : { issuer: option }
  checkOptionNames('routekit/jwt: `discovery`', settings, discoveryOptionNames)
  const url = secureUrl(settings.issuer, '`discovery`')
  if (url.search || url.hash) throw configError('routekit/jwt', '`discovery` is an issuer identifier, which has no query or fragment.')
  // Compared exactly (a trailing "/" makes another issuer): a string as it is, a URL by its href.
  return typeof settings.issuer === 'string' ? settings.issuer : url.href
}

interface Located {
  jwksUri: string
  fetchedAt: number
  getKey: JWTVerifyGetKey
}

/**
 * Keys found through the issuer's configuration document. The document is
 * fetched on the first request, kept for `cacheMaxAge`, and checked as
 * OpenID Connect Discovery 1.0 §4.3 says: its `issuer` must be the one
 * configured, or a provider could hand out another issuer's keys.
 */
export function discoveredKeySet(option: URL | string | DiscoveryOptions, report: JwksFailureReport): { issuer: string; getKey: JWTVerifyGetKey } {
  const issuer = discoveryIssuer(option)
  const { issuer: _issuer, ...jwksSettings } = typeof option === 'object' && !(option instanceof URL) ? option : { issuer: option }
  const { timeoutDuration = 5000, cooldownDuration = 30_000, cacheMaxAge = 600_000, maxStale = 86_400_000 } = jwksSettings
  if (!(maxStale >= 0)) throw configError('routekit/jwt', '`discovery.maxStale` must be a number of milliseconds, 0 or more.')
  const configurationUrl = `${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`
  let located: Located | undefined
  let failedAt = -Infinity
  let pending: Promise<Located> | undefined
  let lastError: JwksUnavailableError | undefined

  const fetchConfiguration = async (): Promise<Located> => {
    try {
      const jwksUri = await readJwksUri(configurationUrl, issuer, timeoutDuration)
      // The same key set keeps its cache; a moved one starts a new set.
      const getKey = located?.jwksUri === jwksUri ? located.getKey : remoteKeySet({ url: jwksUri, ...jwksSettings }, report)
      located = { jwksUri, fetchedAt: Date.now(), getKey }
      return located
    } catch (cause) {
      failedAt = Date.now()
      const error = new JwksUnavailableError('The OpenID configuration could not be fetched or read.', { cause })
      lastError = error
      report(error)
      if (located && Date.now() - located.fetchedAt <= maxStale) return located
      throw error
    } finally {
      pending = undefined
    }
  }

  const locate = (): Located | Promise<Located> => {
    const now = Date.now()
    const coolingDown = now - failedAt < cooldownDuration
    if (located && (now - located.fetchedAt < cacheMaxAge || (coolingDown && now - located.fetchedAt <= maxStale))) {
      return located
    }
    // Nothing usable and the provider failed moments ago: answer at once rather than asking it again per request.
    if (coolingDown && lastError) throw lastError
    return (pending ??= fetchConfiguration())
  }

  return { issuer, getKey: async (header, token) => (await locate()).getKey(header, token) }
}

/** Fetches the configuration document and returns its checked `jwks_uri`. */
async function readJwksUri(url: string, issuer: string, timeout: number): Promise<string> {
  // No redirects: like the key set itself, the document must come from where it was configured.
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeout), headers: { accept: 'application/json' } })
  if (response.status !== 200) throw new Error(`The OpenID configuration answered ${response.status}.`)
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown } | null
  if (typeof document !== 'object' || document === null) throw new Error('The OpenID configuration is not a JSON object.')
  if (document.issuer !== issuer) throw new Error(`The OpenID configuration names issuer ${JSON.stringify(document.issuer)}, not ${JSON.stringify(issuer)}.`)
  if (typeof document.jwks_uri !== 'string') throw new Error('The OpenID configuration has no `jwks_uri`.')
  return secureUrl(document.jwks_uri, 'The discovered `jwks_uri`').href
}
