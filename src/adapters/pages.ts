import type { ServerResponse } from 'node:http'
import type { RequestHandler } from '../core/handler.js'
import { methodAnswers } from '../core/method-guard.js'
import { controlFlowResponse } from '../core/next-control-flow.js'
import { problemResponse } from '../core/problem.js'
import { separateParams } from './pages/params.js'
import { isForbiddenMethod, type PagesRequest, toWebRequest } from './pages/to-request.js'
import { writeResponse } from './pages/write-response.js'

export type { PagesRequest }

/** A Pages Router API route: the default export of a `pages/api` file. */
export type PagesRoute = (req: PagesRequest, res: ServerResponse) => Promise<void>

/** The Node objects behind a Web Request that the Pages adapter made. */
export interface PagesContext {
  req: PagesRequest
  res: ServerResponse
}

const contexts = new WeakMap<Request, PagesContext>()

/**
 * The Node `req`/`res` behind a request, for the rare handler that must use
 * them (streaming with `res.write`, a library that wants Node objects).
 * Undefined on the App Router. A handler that answers through `res` itself
 * should return nothing; routekit then leaves the response alone.
 *
 * @example
 * ```ts
 * const legacy = api.get(({ req }) => {
 *   const { res } = getPagesContext(req)!
 *   res.status(200).send('written by hand')
 * })
 * ```
 */
export function getPagesContext(request: Request): PagesContext | undefined {
  return contexts.get(request)
}

const badRequest = () =>
  problemResponse({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    code: 'bad_request',
    detail: 'The request line or headers could not be read.',
  })

/**
 * Turns a handler into a `pages/api` route. Set `bodyParser: false` in the
 * route's config so routekit reads the body itself, with its limits and its
 * problem+json answers; with Next's parser left on, routekit uses `req.body`,
 * but Next answers malformed JSON in plain text before routekit runs.
 *
 * @example
 * ```ts
 * // pages/api/items/[id].ts
 * import { toPagesRoute } from 'routekit/pages'
 * export default toPagesRoute(item)
 * export const config = { api: { bodyParser: false } }
 * ```
 */
export function toPagesRoute(handler: RequestHandler): PagesRoute {
  const refuseMethod = methodAnswers(handler.allowedMethods.join(', ')).notAllowed
  return async (req, res) => {
    // A client that leaves before the answer aborts the handler's signal,
    // which is only created if some code reads it.
    let controller: AbortController | undefined
    let gone = false
    res.once('close', () => {
      if (res.writableFinished) return
      gone = true
      controller?.abort()
    })
    const signal = () => {
      if (controller === undefined) {
        controller = new AbortController()
        if (gone) controller.abort()
      }
      return controller.signal
    }
    let response: Response
    if (isForbiddenMethod(req.method ?? 'GET')) {
      response = refuseMethod() // Fetch cannot even represent TRACE or CONNECT.
    } else {
      let request: Request | undefined
      try {
        request = toWebRequest(req)
      } catch {
        request = undefined
      }
      if (request === undefined) {
        response = badRequest()
      } else {
        contexts.set(request, { req, res })
        const params = separateParams(req.query, req.url ?? '')
        try {
          response = await handler.handle(request, { params, signal })
        } catch (error) {
          // Only Next's own control-flow errors get here; API routes have no
          // boundary to catch them, so they are answered as Next would.
          const translated = controlFlowResponse(error)
          if (translated === undefined) throw error
          response = translated
        }
      }
    }
    // The handler answered through `res` itself (or started to, then threw):
    // what it sent stands, and routekit only makes sure the response ends.
    if (res.headersSent) {
      if (!res.writableEnded) res.end()
      response.body?.cancel().catch(() => {})
      return
    }
    await writeResponse(res, response)
  }
}
