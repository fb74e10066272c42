import type { AnswersProblems } from '../core/route-types.js'
import { configError, checkOptionNames } from '../core/options.js'
import { describeMiddleware } from '../core/describe.js'
import { HttpError } from '../core/http-error.js'
import type { Middleware } from '../core/middleware.js'
import { insufficientScope, missingToken } from './challenge.js'
import { scopeDescription } from './description.js'

/** The scopes a token grants: OAuth's space-separated `scope`, or an `scp` list. */
function grantedScopes(auth: object): Set<string> {
  const { scope, scp } = auth as { scope?: unknown; scp?: unknown }
  const granted = new Set<string>()
  for (const source of [scope, scp]) {
    if (typeof source === 'string') for (const item of source.split(' ')) granted.add(item)
    else if (Array.isArray(source)) for (const item of source) if (typeof item === 'string') granted.add(item)
  }
  return granted
}

/**
 * Requires every listed scope on the authenticated token (after `jwt()`).
 * Without one, the answer is 403 with `error="insufficient_scope"` and the
 * scopes needed; without a token at all (an optional `jwt()`), 401.
 *
 * @example
 * ```ts
 * const writers = authed.use(requireScope('items:write'))
 * ```
 */
export function requireScope(...scopes: string[]): Middleware<{ auth: object | undefined }> & AnswersProblems<401 | 403>
export function requireScope(options: { realm: string }, ...scopes: string[]): Middleware<{ auth: object | undefined }> & AnswersProblems<401 | 403>
export function requireScope(...args: (string | { realm: string })[]): Middleware<{ auth: object | undefined }> {
  if (typeof args[0] === 'object') checkOptionNames('routekit/jwt: requireScope()', args[0], ['realm'])
  const realm = typeof args[0] === 'object' ? args[0].realm : 'api'
  const scopes = args.filter((arg): arg is string => typeof arg === 'string')
  if (scopes.length === 0) throw configError('routekit/jwt', 'requireScope needs at least one scope.')
  const middleware: Middleware<{ auth: object | undefined }> = ({ ctx, next }) => {
    if (ctx.auth === undefined) throw missingToken(realm)
    const granted = grantedScopes(ctx.auth)
    if (!scopes.every((scope) => granted.has(scope))) throw insufficientScope(realm, scopes)
    return next()
  }
  return describeMiddleware(middleware, scopeDescription(scopes))
}

/**
 * Lets a request through only when `check` approves its context, for rules
 * scopes do not express (roles, ownership, tenants). A refusal is 403.
 *
 * @example
 * ```ts
 * const admins = authed.use(authorize(({ auth }) => auth.role === 'admin'))
 * ```
 */
export function authorize<TCtx extends { auth: unknown }>(
  check: (ctx: TCtx, req: Request) => boolean | Promise<boolean>,
  options: { realm?: string } = {},
): Middleware<TCtx> & AnswersProblems<401 | 403> {
  const middleware: Middleware<TCtx> = async ({ ctx, req, next }) => {
    if (ctx.auth === undefined) throw missingToken(options.realm ?? 'api')
    if (!(await check(ctx, req))) throw HttpError.forbidden('You are not allowed to do this.', { code: 'forbidden' })
    return next()
  }
  // No security scheme of its own: it checks whatever an earlier middleware put on `ctx.auth`.
  return describeMiddleware(middleware, { statuses: [401, 403] })
}
