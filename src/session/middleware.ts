import type { AnswersProblems } from '../core/route-types.js'
import { appendHeader } from '../core/append-header.js'
import { type CookieAttributes, readCookie, serializeCookie } from '../core/cookies.js'
import { describeMiddleware } from '../core/describe.js'
import { HttpError } from '../core/http-error.js'
import { isLoopbackHost } from '../core/http-values.js'
import { configError, checkOptionNames, optionNames } from '../core/options.js'
import { isDevelopment } from '../core/runtime.js'
import { type DeferredSecret, deferredSecret, type SecretOption } from '../core/secret.js'
import type { Middleware } from '../core/middleware.js'
import { type RequestHead, requestHead } from '../core/request-view.js'
import { checkSameOrigin, type CsrfOptions, csrfSetting, needsOriginCheck } from '../csrf/same-origin.js'
import { type InferOutput, runSchema, type StandardSchemaV1 } from '../validation/standard-schema.js'
import { sessionRequired } from './challenge.js'
import { Sealer, type SessionSecret } from './seal.js'
import { type RequiredSession, type Session, SessionState } from './session-state.js'
import type { SessionStore } from './store.js'

/**
 * Options for {@link session}.
 *
 * @example
 * ```ts
 * export const withSession = api.use(session({
 *   secret: process.env.SESSION_SECRET,
 *   schema: z.object({ username: z.string() }),
 *   ttl: 60 * 60 * 24,
 *   rolling: true,
 *   cookie: { sameSite: 'strict', hostPrefix: true },
 * }))
 * ```
 */
export interface SessionOptions<TSchema extends StandardSchemaV1 = StandardSchemaV1> {
  /**
   * A secret of at least 32 characters. Like `secrets`, it may be a function
   * returning it, or `undefined` while the middleware is created (during
   * `next build`): it is then resolved on the first request.
   */
  secret?: SecretOption<string>
  /** Several keys for rotation: the first seals, every one opens. */
  secrets?: SecretOption<SessionSecret[]>
  /** Default `"session"`. */
  cookieName?: string
  /** Seconds a session lives. Default 7 days. */
  ttl?: number
  /** Validates (and types) the data when a cookie is read; data that fails is an empty session. */
  schema?: TSchema
  cookie?: {
    sameSite?: 'lax' | 'strict' | 'none'
    path?: string
    domain?: string
    /** Name the cookie `__Host-<name>`: browsers then insist on Secure, Path=/ and no Domain. */
    hostPrefix?: boolean
  }
  /**
   * Development mode: on plain-http localhost the cookie is sent without
   * `Secure` (and without the `__Host-` prefix). Defaults to `NODE_ENV === 'development'`.
   */
  dev?: boolean
  /** Re-issue the cookie on every request, so the session expires `ttl` after the last one. */
  rolling?: boolean
  /** Answer 401 unless a valid session exists. */
  required?: boolean
  /** Revokes ended sessions server-side. */
  store?: SessionStore
  /** Same-origin check for unsafe methods on requests carrying the session cookie. `false` turns it off. */
  csrf?: CsrfOptions | false
  /** The realm of the 401 challenge. Default `"api"`. */
  realm?: string
}

/**
 * What `ctx.session.data` holds: the schema's output, else a plain record.
 *
 * @example
 * ```ts
 * const withSession = api.use(session({ secret: process.env.SESSION_SECRET, schema: z.object({ username: z.string() }) }))
 * // session.data is the schema's output, { username: string } | undefined; without a schema, a plain record
 * const me = withSession.get(({ session }) => ({ you: session.data?.username ?? null }))
 * ```
 */
export type SessionData<TSchema> = [TSchema] extends [never]
  ? Record<string, unknown>
  : TSchema extends StandardSchemaV1
    ? InferOutput<TSchema>
    : Record<string, unknown>

const maxCookieBytes = 4096

const sessionOptionNames = optionNames<SessionOptions>({
  secret: true, secrets: true, cookieName: true, ttl: true, schema: true, cookie: true, dev: true,
  rolling: true, required: true, store: true, csrf: true, realm: true
})

const cookieOptionNames = optionNames<NonNullable<SessionOptions['cookie']>>({ sameSite: true, path: true, domain: true, hostPrefix: true })

/** The sealer, from `secret` or `secrets` (exactly one), ready now or on the first request. */
function sealerFor(options: SessionOptions): DeferredSecret<Sealer> {
  const named = (['secret', 'secrets'] as const).filter((name) => name in options)
  const given = named.filter((name) => options[name] !== undefined)
  if (named.length === 0) throw configError('routekit/session', 'give `secret` or at least one of `secrets`.')
  if (given.length > 1) throw configError('routekit/session', 'give `secret` or `secrets`, not both.')
  const name = given[0] ?? named.join('` and `')
  if (name === 'secret') return deferredSecret('routekit/session', name, options.secret, (secret) => new Sealer([{ id: '1', secret }]))
  return deferredSecret('routekit/session', name, options.secrets, (secrets) => new Sealer(secrets))
}

/**
 * Stateless sessions in a sealed cookie (JWE with jose): no server needed,
 * key rotation by key id, expiry inside the seal, `HttpOnly; Secure;
 * SameSite=Lax; Path=/` by default, and a same-origin check on unsafe
 * methods. A tampered, foreign or expired cookie is simply no session.
 *
 * @example
 * ```ts
 * export const withSession = api.use(session({
 *   secret: process.env.SESSION_SECRET!,
 *   schema: z.object({ userId: z.string() }),
 * }))
 * const login = withSession.post({ body: Credentials }, async ({ body, session }) => {
 *   const user = await checkPassword(body)
 *   session.regenerate({ userId: user.id })
 * })
 * ```
 */
export function session<TSchema extends StandardSchemaV1 = never>(
  options: SessionOptions<TSchema> & { required: true },
): Middleware<{}, { session: RequiredSession<SessionData<TSchema>> }> & AnswersProblems<401 | 403>
export function session<TSchema extends StandardSchemaV1 = never>(
  options: SessionOptions<TSchema> & { required?: false },
): Middleware<{}, { session: Session<SessionData<TSchema>> }> & AnswersProblems<403>
export function session<TSchema extends StandardSchemaV1 = never>(
  options: SessionOptions<TSchema>,
): Middleware<{}, { session: Session<SessionData<TSchema>> }> & AnswersProblems<401 | 403>
export function session(options: SessionOptions): Middleware<{}, { session: Session<unknown> }> {
  checkOptionNames('routekit/session', options, sessionOptionNames)
  if (options.cookie !== undefined) checkOptionNames('routekit/session: `cookie`', options.cookie, cookieOptionNames)
  const sealers = sealerFor(options)
  const ttl = options.ttl ?? 7 * 24 * 60 * 60
  if (!(Number.isInteger(ttl) && ttl > 0)) throw configError('routekit/session', '`ttl` must be a whole number of seconds.')
  // The cookie dies a little before the seal does, so a browser never sends one the server would refuse.
  const maxAge = ttl - Math.min(60, Math.floor(ttl / 10))
  const baseName = options.cookieName ?? 'session'
  const dev = options.dev ?? isDevelopment()
  const { schema, store, rolling, required } = options
  const csrf = csrfSetting('routekit/session', options.csrf)
  const realm = options.realm ?? 'api'
  const sameSite = ({ lax: 'Lax', strict: 'Strict', none: 'None' } as const)[options.cookie?.sameSite ?? 'lax']

  /** Secure everywhere except plain-http localhost in development. */
  const settings = (insecureDev: boolean) => {
    const name = options.cookie?.hostPrefix && !insecureDev ? `__Host-${baseName}` : baseName
    const attributes = (age: number): CookieAttributes => ({
      maxAge: age,
      path: options.cookie?.hostPrefix ? '/' : (options.cookie?.path ?? '/'),
      domain: options.cookie?.hostPrefix ? undefined : options.cookie?.domain,
      httpOnly: true,
      secure: !insecureDev,
      sameSite,
    })
    return { name, attributes }
  }
  // Outside development the cookie never depends on the request: built once.
  const production = dev ? undefined : settings(false)
  const cookieFor = (req: RequestHead) => {
    if (production) return production
    const url = new URL(req.url)
    return settings(url.protocol === 'http:' && isLoopbackHost(url.hostname))
  }

  const load = async (sealer: Sealer, value: string) => {
    const sealed = await sealer.open(value)
    if (sealed === undefined) return undefined
    if (store && (await store.isRevoked(sealed.sid))) return undefined
    if (!schema) return sealed
    const result = await runSchema(schema, sealed.data)
    return result.issues ? undefined : { ...sealed, data: result.value }
  }

  // The request's head, not `req`: on the Pages Router reading `req` builds a Request.
  const middleware: Middleware<{}, { session: Session<unknown> }> = async (args) => {
    const { next } = args
    const head = requestHead(args)
    // A secret still missing fails every request as a 500 (see jwt()).
    const sealer = sealers.current ?? (await sealers.get())
    const cookie = cookieFor(head)
    const raw = readCookie(head.headers.get('cookie'), cookie.name)
    if (csrf && needsOriginCheck(head.headers, raw !== undefined)) checkSameOrigin(head, csrf)
    const loaded = raw === undefined ? undefined : await load(sealer, raw)
    const state = new SessionState<unknown>(loaded)
    if (required && loaded === undefined) {
      const refusal = sessionRequired(realm)
      // A cookie that did not open is cleared here too, or the browser keeps sending it.
      if (raw !== undefined) refusal.headers.append('set-cookie', serializeCookie(cookie.name, '', cookie.attributes(0)))
      throw refusal
    }

    const result = await next({ ctx: { session: state } })

    let setCookie: string | undefined
    const save = state.outcome === 'save' || (rolling && state.outcome === 'unchanged' && state.data !== undefined)
    if (save) {
      const exp = Math.floor(Date.now() / 1000) + ttl
      setCookie = serializeCookie(cookie.name, await sealer.seal(state.id!, state.data, exp), cookie.attributes(maxAge))
      if (setCookie.length > maxCookieBytes) {
        throw HttpError.internal(
          `The sealed session cookie is ${setCookie.length} bytes; browsers drop cookies over ${maxCookieBytes}. Keep less in the session.`,
        )
      }
    } else if (state.outcome === 'clear' || (raw !== undefined && loaded === undefined)) {
      setCookie = serializeCookie(cookie.name, '', cookie.attributes(0)) // also clears an unreadable cookie
    }
    if (store) {
      for (const id of state.endedIds) await store.revoke(id, loaded?.exp ?? Math.floor(Date.now() / 1000) + ttl)
    }
    return setCookie === undefined ? result : appendHeader(result.response, 'set-cookie', setCookie)
  }
  return describeMiddleware(middleware, {
    // The production name: documentation describes the deployed API, not plain-http localhost.
    security: {
      name: 'sessionCookie',
      scheme: { type: 'apiKey', in: 'cookie', name: options.cookie?.hostPrefix ? `__Host-${baseName}` : baseName },
      optional: required !== true,
    },
    statuses: required ? [401] : [],
    unsafeMethodStatuses: csrf ? [403] : [],
  })
}
