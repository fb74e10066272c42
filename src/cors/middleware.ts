import { editHeaders } from '../core/append-header.js'
import { requestHead, type RequestHeaders } from '../core/request-view.js'
import { type HandlerWideMiddleware, handlerWide, httpOnly } from '../core/handler-wide.js'
import type { CorsOrigin } from './origin-policy.js'
import { type CorsOptions, type CorsPolicy, corsPolicy, isHeaderNameList } from './policy.js'
import { addVary } from './vary.js'

/**
 * Cross-origin resource sharing for a handler: it answers preflights
 * itself, with the methods the handler really has, and adds the CORS
 * headers to every answer for an allowed origin, error answers (405, 401,
 * 422, 500) included. It is handler-wide: `.use()` it before the first route.
 *
 * A preflight is an OPTIONS request with `Origin` and
 * `Access-Control-Request-Method`. One that is not granted (an origin or a
 * method not allowed) is answered like a plain OPTIONS, 204 with `Allow`,
 * and without CORS headers, so the browser blocks the real request. A
 * plain OPTIONS is the method guard's, like any other request.
 * Options are checked here, when `cors()` is called.
 *
 * @example
 * ```ts
 * import { cors } from 'routekit/cors'
 *
 * export const api = createHandler().use(cors({
 *   origin: ['https://app.example.com', /https:\/\/[a-z0-9-]+\.preview\.example\.com/],
 *   credentials: true,
 *   exposedHeaders: ['location'],
 *   maxAge: 600,
 * }))
 * ```
 */
export function cors<const TOrigin extends CorsOrigin>(options: CorsOptions<TOrigin>): HandlerWideMiddleware {
  const policy = corsPolicy(options as CorsOptions)
  const { allow, preflightHeaders, responseHeaders, reflectHeaders, optionsVary, responseVary } = policy
  // One per handler: the middleware is shared by every handler built on the
  // base it was added to, and each has its own (frozen, reused) method list.
  const methodLists = new WeakMap<readonly string[], string>()
  const methodList = (allowed: readonly string[]): string => {
    let list = methodLists.get(allowed)
    if (list === undefined) methodLists.set(allowed, (list = allowed.join(', ')))
    return list
  }

  // Named, so the error for adding it after a route says "cors". HTTP-only:
  // a Server Action on the same base has no preflight and no CORS headers.
  // The request's head, and `req` only for an origin function to look at:
  // on the Pages Router reading `req` builds a Request.
  return httpOnly(handlerWide(async function cors(args) {
    const { next, allowedMethods } = args
    const { method: requestMethod, headers } = requestHead(args)
    const origin = headers.get('origin')
    const isOptions = requestMethod === 'OPTIONS'
    if (isOptions && origin !== null) {
      const method = headers.get('access-control-request-method')
      if (method !== null) {
        const allowedOrigin = allowedMethods.includes(method) ? await allowedOriginFor(policy, origin, args) : undefined
        if (allowedOrigin !== undefined) return preflight(headers, allowedOrigin, methodList(allowedMethods))
        // Not granted: the method guard's plain answer, with nothing a browser would accept.
        const { response } = await next()
        return editHeaders(response, (headers) => addVary(headers, optionsVary))
      }
    }
    // Any other request, a plain OPTIONS included: the page may read the answer.
    const allowedOrigin = origin === null ? (allow === '*' ? '*' : undefined) : await allowedOriginFor(policy, origin, args)
    const { response } = await next()
    return editHeaders(response, (headers) => {
      addVary(headers, isOptions ? optionsVary : responseVary)
      if (allowedOrigin === undefined) return
      // The policy's grants replace the route's (say an upstream's response
      // passed on), which must not add credentials or exposed headers to them.
      headers.delete('access-control-allow-credentials')
      headers.delete('access-control-expose-headers')
      headers.set('access-control-allow-origin', allowedOrigin)
      for (const [name, value] of responseHeaders) headers.set(name, value)
    })
  }))

  function preflight(requestHeaders: RequestHeaders, allowedOrigin: string, methods: string): Response {
    const headers = new Headers(preflightHeaders as [string, string][])
    headers.set('access-control-allow-origin', allowedOrigin)
    headers.set('access-control-allow-methods', methods)
    if (reflectHeaders) {
      const requested = requestHeaders.get('access-control-request-headers')
      if (requested !== null && isHeaderNameList(requested)) headers.set('access-control-allow-headers', requested)
    }
    headers.set('vary', optionsVary.value)
    return new Response(null, { status: 204, headers })
  }
}

/** The `Access-Control-Allow-Origin` value for this request, if its origin is allowed. */
async function allowedOriginFor(policy: CorsPolicy, origin: string, args: { readonly req: Request }): Promise<string | undefined> {
  if (policy.allow === '*') return '*'
  return (await policy.allow(origin, () => args.req)) ? origin : undefined
}
