import type { AnswersProblems } from '../core/route-types.js'
import { jwtDecrypt, type JWTPayload } from 'jose'
import { readCookiesWithPrefix } from '../core/cookies.js'
import { describeMiddleware } from '../core/describe.js'
import type { Middleware } from '../core/middleware.js'
import { requestHead } from '../core/request-view.js'
import { configError, checkOptionNames, optionNames } from '../core/options.js'
import { ignore } from '../core/runtime.js'
import { deferredSecret, type SecretOption } from '../core/secret.js'
import { checkSameOrigin, type CsrfOptions, csrfSetting, needsOriginCheck } from '../csrf/same-origin.js'
import { sessionRequired } from '../session/challenge.js'
import type { SessionStore } from '../session/store.js'
import { type InferOutput, runSchema, type StandardSchemaV1 } from '../validation/standard-schema.js'
import { type AuthjsFormat, readSessionCookie, standardCookies } from './cookies.js'
import { deriveKeys, type KeysByEnc } from './keys.js'

/**
 * Options for {@link authjs}.
 *
 * @example
 * ```ts
 * export const signedIn = api.use(authjs({
 *   secret: process.env.AUTH_SECRET,
 *   schema: z.object({ sub: z.string(), email: z.string().email() }),
 * }))
 * export const maybeSignedIn = api.use(authjs({ secret: process.env.AUTH_SECRET, optional: true }))
 * ```
 */
export interface AuthjsOptions<TSchema extends StandardSchemaV1 = StandardSchemaV1> {
  /**
   * `AUTH_SECRET` (v5) or `NEXTAUTH_SECRET` (v4); several while rotating. May
   * be a function returning it, or `undefined` while the middleware is
   * created (during `next build`): it is then resolved on the first request.
   */
  secret: SecretOption<string | string[]> | undefined
  /** A custom session cookie name; by default the four names Auth.js v5 and next-auth v4 use. */
  cookieName?: string
  /** The HKDF salt, if your Auth.js config changed it (v5 default: the cookie name; v4: empty). */
  salt?: string
  /** Validates (and types) the session token; a token that fails is no session. */
  schema?: TSchema
  /** Let requests without a session through with `auth: undefined`. */
  optional?: boolean
  /** Same-origin check for unsafe methods (the session is a cookie). `false` turns it off. */
  csrf?: CsrfOptions | false
  /** The realm of the 401 challenge. Default `"api"`. */
  realm?: string
  /**
   * Ends sessions server-side, keyed by the token's `jti` (Auth.js sets one
   * on every session token): revoke it in Auth.js's `events.signOut`, and a
   * cookie copied before sign-out stops working. With a store, a token
   * without `jti` is no session.
   */
  store?: Pick<SessionStore, 'isRevoked'>
}

/**
 * The default shape of an Auth.js session token.
 *
 * @example
 * ```ts
 * const me = api.use(authjs({ secret: process.env.AUTH_SECRET })).get(({ auth }) => ({ name: auth.name ?? null, email: auth.email ?? null }))
 * ```
 */
export interface AuthjsToken extends JWTPayload {
  name?: string | null
  email?: string | null
  picture?: string | null
}

/**
 * What `ctx.auth` holds after {@link authjs}: the schema's output, else an {@link AuthjsToken}.
 *
 * @example
 * ```ts
 * const Token = z.object({ sub: z.string(), role: z.enum(['admin', 'member']) })
 * // auth is the schema's output here; without a schema, an AuthjsToken
 * const admin = api.use(authjs({ secret: process.env.AUTH_SECRET, schema: Token })).get(({ auth }) => ({ role: auth.role }))
 * ```
 */
export type AuthjsSession<TSchema> = [TSchema] extends [never]
  ? AuthjsToken
  : TSchema extends StandardSchemaV1
    ? InferOutput<TSchema>
    : AuthjsToken

const authjsOptionNames = optionNames<AuthjsOptions>({
  secret: true, cookieName: true, salt: true, schema: true, optional: true, csrf: true, realm: true, store: true,
})

interface Candidate {
  name: string
  keys: KeysByEnc[]
}

/**
 * Authenticates API routes with the session cookie Auth.js (v5) or
 * next-auth (v4) already sets, decrypting it with jose alone: no
 * `next-auth` import at run time. The token lands on `ctx.auth`, so
 * `requireScope`/`authorize` from `routekit/jwt` work the same way.
 *
 * @example
 * ```ts
 * export const signedIn = api.use(authjs({ secret: process.env.AUTH_SECRET! }))
 * const me = signedIn.get(({ auth }) => ({ email: auth.email }))
 * ```
 */
export function authjs<TSchema extends StandardSchemaV1 = never>(
  options: AuthjsOptions<TSchema> & { optional: true },
): Middleware<{}, { auth: AuthjsSession<TSchema> | undefined }> & AnswersProblems<403>
export function authjs<TSchema extends StandardSchemaV1 = never>(
  options: AuthjsOptions<TSchema> & { optional?: false },
): Middleware<{}, { auth: AuthjsSession<TSchema> }> & AnswersProblems<401 | 403>
export function authjs<TSchema extends StandardSchemaV1 = never>(
  options: AuthjsOptions<TSchema>,
): Middleware<{}, { auth: AuthjsSession<TSchema> | undefined }> & AnswersProblems<401 | 403>
export function authjs(options: AuthjsOptions): Middleware<{}, { auth: unknown }> {
  checkOptionNames('routekit/authjs', options, authjsOptionNames)
  if (!('secret' in options)) throw configError('routekit/authjs', '`secret` is required (AUTH_SECRET or NEXTAUTH_SECRET).')
  const names: { name: string; format: AuthjsFormat }[] = options.cookieName
    ? [{ name: options.cookieName, format: 'v5' }, { name: options.cookieName, format: 'v4' }]
    : standardCookies
  // Keys are derived once, for every cookie name and secret we may meet.
  const candidates = deferredSecret('routekit/authjs', 'secret', options.secret, (secret): Candidate[] => {
    const secrets = Array.isArray(secret) ? secret : [secret]
    if (secrets.length === 0 || secrets.some((one) => typeof one !== 'string' || one.length === 0)) {
      throw configError('routekit/authjs', '`secret` must be a non-empty string, or an array of them (AUTH_SECRET or NEXTAUTH_SECRET).')
    }
    const derived = names.map(({ name, format }) => ({
      name,
      keys: secrets.map((one) => deriveKeys(one, format, options.salt ?? (format === 'v5' ? name : ''))),
    }))
    for (const { keys } of derived) for (const set of keys) for (const key of Object.values(set)) key?.catch(ignore)
    return derived
  })
  const csrf = csrfSetting('routekit/authjs', options.csrf)
  const realm = options.realm ?? 'api'
  const { schema, optional, store } = options

  const open = async (token: string, keys: KeysByEnc[]): Promise<JWTPayload | undefined> => {
    for (const set of keys) {
      try {
        const { payload } = await jwtDecrypt(
          token,
          async ({ enc }) => {
            const key = set[enc as keyof KeysByEnc]
            if (key === undefined) throw new Error('unsupported enc')
            return key
          },
          { clockTolerance: 15, keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256CBC-HS512', 'A256GCM'] },
        )
        return payload
      } catch {
        // Not this secret (or not decryptable at all): try the next one.
      }
    }
    return undefined
  }

  // The request's head, not `req`: on the Pages Router reading `req` builds a Request.
  const middleware: Middleware<{}, { auth: unknown }> = async (args) => {
    const { next } = args
    const head = requestHead(args)
    // A secret still missing fails every request as a 500 (see jwt()).
    const known = candidates.current ?? (await candidates.get())
    const cookies = readCookiesWithPrefix(head.headers.get('cookie'), '')
    const present = known.flatMap((candidate) => {
      const token = readSessionCookie(cookies, candidate.name)
      return token === undefined ? [] : [{ token, keys: candidate.keys }]
    })
    // Before paying for any decryption.
    if (csrf && needsOriginCheck(head.headers, present.length > 0)) checkSameOrigin(head, csrf)
    let payload: JWTPayload | undefined
    for (const { token, keys } of present) {
      payload = await open(token, keys)
      if (payload) break
    }
    if (payload && store && (typeof payload.jti !== 'string' || (await store.isRevoked(payload.jti)))) payload = undefined
    let auth: unknown = payload
    if (payload && schema) {
      const result = await runSchema(schema, payload)
      auth = result.issues ? undefined : result.value
    }
    if (auth === undefined && !optional) throw sessionRequired(realm)
    return next({ ctx: { auth } })
  }
  return describeMiddleware(middleware, {
    security: {
      name: 'authjsSession',
      scheme: {
        type: 'apiKey',
        in: 'cookie',
        // An apiKey scheme names one cookie; the others Auth.js may use are listed for readers.
        name: options.cookieName ?? 'authjs.session-token',
        ...(options.cookieName ? {} : { description: `Any of the cookies ${standardCookies.map(({ name }) => name).join(', ')}.` }),
      },
      optional: optional === true,
    },
    statuses: optional ? [] : [401],
    unsafeMethodStatuses: csrf ? [403] : [],
  })
}
