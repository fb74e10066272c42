import type { AnswersProblems } from '../core/route-types.js'
import { jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose'
import { describeMiddleware } from '../core/describe.js'
import { HttpError } from '../core/http-error.js'
import { ignore } from '../core/runtime.js'
import { configError, checkOptionNames, optionNames } from '../core/options.js'
import type { Middleware } from '../core/middleware.js'
import { checkSameOrigin, type CsrfOptions, csrfSetting } from '../csrf/same-origin.js'
import { type InferOutput, runSchema, type StandardSchemaV1 } from '../validation/standard-schema.js'
import { checkAlgorithms, type JwtAlgorithm } from './algorithms.js'
import { jwtDescription } from './description.js'
import { invalidToken, keysUnavailable, malformedAuthorization, missingToken } from './challenge.js'
import { JwksUnavailableError, KeyImportError, keyResolver, type KeySource } from './keys.js'
import { findToken } from './token-source.js'
import { requestHead } from '../core/request-view.js'

/**
 * Options for {@link jwt}. `algorithms` and one key source are required.
 *
 * @example
 * ```ts
 * export const authed = api.use(jwt({
 *   secret: process.env.JWT_SECRET,
 *   algorithms: ['HS256'],
 *   issuer: 'https://auth.example.com/',
 *   audience: 'items-api',
 *   cookie: 'access_token',
 * }))
 * ```
 */
export interface JwtOptions<TClaims extends StandardSchemaV1 = StandardSchemaV1> extends KeySource {
  /** The algorithms tokens may be signed with. Required; never read from the token. */
  algorithms: JwtAlgorithm[]
  /** Expected `iss`; one of several when an array. */
  issuer?: string | string[]
  /** Expected `aud`: the token's audience (a string or an array) must contain one of these. */
  audience?: string | string[]
  /** Seconds of clock skew forgiven on `exp`, `nbf` and `iat`. Default 5. */
  clockTolerance?: number
  /** Expected `typ` header, such as `at+jwt` for OAuth access tokens (RFC 9068). */
  typ?: string
  /** Oldest accepted `iat`, in seconds or a jose time span (`"1h"`). Requires `iat`. */
  maxTokenAge?: number | string
  /** Claims that must be present besides `exp`. */
  requiredClaims?: string[]
  /** Require `exp`. Default true: a token that never expires is refused. */
  requireExpiry?: boolean
  /** A schema the payload must match; `ctx.auth` is typed from its output. */
  claims?: TClaims
  /** The `realm` of `WWW-Authenticate` challenges. Default `"api"`. */
  realm?: string
  /** Also read the token from this cookie when there is no Authorization header. */
  cookie?: string
  /**
   * CSRF protection for tokens read from the cookie (unsafe methods must be
   * same-origin). On by default; `false` turns it off.
   */
  csrf?: CsrfOptions | false
  /** Longest token accepted, in characters, refused before parsing. Default 8192. */
  maxTokenLength?: number
  /** Let requests without a token through with `auth: undefined`. A bad token is still 401. */
  optional?: boolean
  /** Called with each verified payload; `true` refuses the token (a `jti` deny list). */
  isRevoked?: (payload: JWTPayload) => boolean | Promise<boolean>
  /** Seconds sent in `Retry-After` when the key set is unreachable. Default 30. */
  jwksRetryAfter?: number
  /**
   * Receives each failed fetch of the key set (`jwks`), also those that
   * stale keys covered for (see `JwksOptions.maxStale`), so an outage is
   * seen before the stale period runs out. Errors it throws are ignored.
   */
  onError?: (error: unknown) => void | Promise<void>
}

const jwtOptionNames = optionNames<JwtOptions>({
  secret: true, key: true, jwks: true, discovery: true, algorithms: true, issuer: true, audience: true,
  clockTolerance: true, typ: true, maxTokenAge: true, requiredClaims: true, requireExpiry: true,
  claims: true, realm: true, cookie: true, csrf: true, maxTokenLength: true, optional: true,
  isRevoked: true, jwksRetryAfter: true, onError: true
})

/**
 * What `ctx.auth` holds: the claims schema's output, else jose's `JWTPayload`.
 *
 * @example
 * ```ts
 * const bearer = jwt({ secret: process.env.JWT_SECRET, algorithms: ['HS256'], claims: z.object({ sub: z.string() }) })
 * // auth is the claims schema's output, { sub: string }; without claims, jose's JWTPayload
 * const me = api.use(bearer).get(({ auth }) => ({ you: auth.sub }))
 * ```
 */
export type JwtClaims<TClaims> = [TClaims] extends [never]
  ? JWTPayload
  : TClaims extends StandardSchemaV1
    ? InferOutput<TClaims>
    : JWTPayload

/**
 * Authenticates a bearer token with jose and puts its claims on `ctx.auth`.
 * Misconfigurations (no `algorithms`, `none`, HMAC mixed with public-key
 * algorithms, a short secret, a key of the wrong kind) throw here, when the
 * middleware is created, never on a request.
 *
 * @example
 * ```ts
 * export const authed = api.use(jwt({
 *   jwks: 'https://auth.example.com/.well-known/jwks.json',
 *   algorithms: ['RS256'],
 *   issuer: 'https://auth.example.com/',
 *   audience: 'items-api',
 *   claims: z.object({ sub: z.string(), scope: z.string() }),
 * }))
 * ```
 */
export function jwt<TClaims extends StandardSchemaV1 = never>(
  options: JwtOptions<TClaims> & { optional: true },
): Middleware<{}, { auth: JwtClaims<TClaims> | undefined }> & AnswersProblems<400 | 401 | 503>
export function jwt<TClaims extends StandardSchemaV1 = never>(
  options: JwtOptions<TClaims> & { optional?: false },
): Middleware<{}, { auth: JwtClaims<TClaims> }> & AnswersProblems<400 | 401 | 503>
export function jwt<TClaims extends StandardSchemaV1 = never>(
  options: JwtOptions<TClaims>,
): Middleware<{}, { auth: JwtClaims<TClaims> | undefined }> & AnswersProblems<400 | 401 | 503>
export function jwt(options: JwtOptions): Middleware<{}, { auth: unknown }> {
  checkOptionNames('routekit/jwt', options, jwtOptionNames, { issuers: 'did you mean `issuer`? It takes one string or an array' })
  const family = checkAlgorithms(options.algorithms)
  const algorithms = [...options.algorithms]
  const { onError } = options
  const keys = keyResolver(options, algorithms, family, (error) => {
    if (onError) Promise.resolve().then(() => onError(error)).catch(ignore)
  })
  // With one algorithm, the imported key goes to jose directly: its path for
  // a key function costs a promise and a copy of the result per request.
  const onlyAlgorithm = algorithms.length === 1 ? algorithms[0]! : undefined
  const clockTolerance = options.clockTolerance ?? 5
  if (!(clockTolerance >= 0)) throw configError('routekit/jwt', '`clockTolerance` must be a number of seconds, 0 or more.')
  const realm = options.realm ?? 'api'
  const maxTokenLength = options.maxTokenLength ?? 8192
  const retryAfter = options.jwksRetryAfter ?? 30
  const csrf = csrfSetting('routekit/jwt', options.csrf)
  const { claims, isRevoked, cookie, optional } = options
  // Merged once: every request verifies with the same options object.
  const verifyOptions: JWTVerifyOptions = {
    algorithms,
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance,
    typ: options.typ,
    maxTokenAge: options.maxTokenAge,
    requiredClaims: [...(options.requireExpiry === false ? [] : ['exp']), ...(options.requiredClaims ?? [])],
  }

  // Discovery names the issuer; checked against `issuer` once it is known.
  let issuerChecked: JWTVerifyOptions | undefined
  const optionsFor = (issuer: string | undefined): JWTVerifyOptions =>
    issuer === undefined ? verifyOptions : (issuerChecked ??= withDiscoveredIssuer(verifyOptions, issuer))
  if (keys.current) optionsFor(keys.current.issuer)

  // `req` is not read: on the Pages Router that builds a Request, which
  // neither the token (from `headers`) nor the CSRF check needs.
  const middleware: Middleware<{}, { auth: unknown }> = async (args) => {
    const { headers, next } = args
    // A key source still unknown (a secret resolved on first use) fails
    // every request loudly, as a 500 reported to onError: answering 401 to
    // anonymous callers would hide the deployment mistake.
    const prepared = keys.current ?? (await keys.get())
    const verify = optionsFor(prepared.issuer)
    const found = findToken(headers, cookie)
    if (found.kind === 'malformed') throw malformedAuthorization(realm)
    if (found.kind === 'none') {
      if (optional) return next({ ctx: { auth: undefined } })
      throw missingToken(realm)
    }
    if (found.token.length > maxTokenLength) throw invalidToken(realm)
    if (found.from === 'cookie' && csrf) checkSameOrigin(requestHead(args), csrf)

    let payload: JWTPayload
    try {
      const key = onlyAlgorithm === undefined ? undefined : prepared.ready(onlyAlgorithm)
      ;({ payload } = key === undefined ? await jwtVerify(found.token, prepared.getKey, verify) : await jwtVerify(found.token, key, verify))
    } catch (error) {
      if (error instanceof JwksUnavailableError) throw keysUnavailable(retryAfter, error.cause)
      if (error instanceof KeyImportError) throw HttpError.internal(error.message, { cause: error.cause })
      // Everything else is the token's fault: malformed, wrongly signed, a
      // key of the wrong type for its alg, expired, wrong iss/aud/typ...
      throw invalidToken(realm, (error as { code?: unknown }).code === 'ERR_JWT_EXPIRED')
    }
    let auth: unknown = payload
    if (claims) {
      const result = await runSchema(claims, payload)
      if (result.issues) throw invalidToken(realm)
      auth = result.value
    }
    if (isRevoked && (await isRevoked(payload))) throw invalidToken(realm)
    return next({ ctx: { auth } })
  }
  return describeMiddleware(
    middleware,
    jwtDescription({ optional: optional === true, jwks: 'jwks' in options || 'discovery' in options, cookieCsrf: cookie !== undefined && csrf !== undefined }),
  )
}

/** Tokens must come from the discovered issuer; an `issuer` option that leaves it out is a mistake. */
function withDiscoveredIssuer(base: JWTVerifyOptions, discovered: string): JWTVerifyOptions {
  const configured = base.issuer === undefined ? undefined : [base.issuer].flat()
  if (configured && !configured.includes(discovered)) {
    throw configError('routekit/jwt', `\`issuer\` (${configured.join(', ')}) does not include the \`discovery\` issuer ${discovered}; leave \`issuer\` out, discovery sets it.`)
  }
  return { ...base, issuer: discovered }
}
