import { HttpError } from '../core/http-error.js'

// Type-only brand: what a step adds to the request, so `AddedBy<typeof step>`
// can type the request a later next-connect handler sees.
declare const addedContext: unique symbol

/**
 * A next-connect handler that adds `TAdd` to the request before the next one runs.
 *
 * @example
 * ```ts
 * const auth: Step<NodeHandler, { auth: JWTPayload }> = useNode(jwt({ secret, algorithms: ['HS256'] }))
 * ```
 */
export type Step<TFunction, TAdd extends object> = TFunction & { readonly [addedContext]: TAdd }

/**
 * What a step from `routekit/next-connect` puts on the request, for typing
 * the next-connect router or a handler after it.
 *
 * @example
 * ```ts
 * const auth = useNode(jwt({ secret, algorithms: ['HS256'] }))
 * const router = createRouter<NextApiRequest & AddedBy<typeof auth>, NextApiResponse>()
 * router.use(auth).get((req, res) => res.json({ sub: req.auth.sub }))
 * ```
 */
export type AddedBy<TStep> = TStep extends { readonly [addedContext]: infer TAdd } ? TAdd : never

interface Carried {
  /** Everything routekit steps added so far: the `ctx` the next routekit middleware sees. */
  ctx: Record<string, unknown>
  /** Names routekit put on the request, which later steps may overwrite. */
  own: Set<string>
}

// Keyed by the request object (Node's `req` or the Web Request), so the
// context lives exactly as long as the request does.
const carried = new WeakMap<object, Carried>()

/** The context earlier routekit steps put on this request. */
export function contextOf(req: object): Record<string, unknown> {
  return carried.get(req)?.ctx ?? {}
}

/**
 * Puts a middleware's context onto the request, where next-connect handlers
 * read it (`req.auth`). A name the request already has (`headers`, `body`,
 * `query`, next-connect's `params`) is refused rather than shadowed: that
 * would break the code that reads the request's own member.
 */
export function addContext(req: object, ctx: object): void {
  let entry = carried.get(req)
  if (entry === undefined) {
    entry = { ctx: {}, own: new Set() }
    carried.set(req, entry)
  }
  for (const [name, value] of Object.entries(ctx)) {
    if (!entry.own.has(name) && name in req) {
      throw new HttpError(500, {
        code: 'middleware_contract',
        detail: `routekit/next-connect: a middleware added "${name}", which the request already has; choose another name.`,
      })
    }
    entry.own.add(name)
    entry.ctx[name] = value
    ;(req as Record<string, unknown>)[name] = value
  }
}
