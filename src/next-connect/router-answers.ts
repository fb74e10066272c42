import type { IncomingMessage, ServerResponse } from 'node:http'
import { writeResponse } from '../adapters/node/write-response.js'
import { allowedMethods, methodAnswers } from '../core/method-guard.js'
import { checkOptionNames, configError, optionNames } from '../core/options.js'
import { mapReported, problemResponse } from '../core/problem.js'
import { isDevelopment } from '../core/runtime.js'

/**
 * Options for {@link nodeRouterAnswers} and {@link edgeRouterAnswers}.
 *
 * @example
 * ```ts
 * const options: RouterAnswerOptions = { methods: ['GET', 'POST'], onError: (error) => console.error(error) }
 * export default router.handler(nodeRouterAnswers(options))
 * ```
 */
export interface RouterAnswerOptions {
  /** The methods the router has routes for on this path (`['GET', 'POST']`); HEAD and OPTIONS follow as in routekit. */
  methods: readonly string[]
  /** Receives every error answered with a 5xx, as `createHandler({ onError })` does. Errors it throws are ignored. */
  onError?: (error: unknown, req: Request | IncomingMessage) => void | Promise<void>
  /** Put server errors' messages into `detail`. Defaults to `NODE_ENV === 'development'`. */
  dev?: boolean
}

const routerAnswerOptionNames = optionNames<RouterAnswerOptions>({ methods: true, onError: true, dev: true })
const routeMethodNames = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])

/** The two answers, built once: a method without a route, and anything thrown. */
function routerAnswers(where: string, options: RouterAnswerOptions) {
  checkOptionNames(where, options, routerAnswerOptionNames)
  const unknown = (options.methods ?? []).filter((method) => !routeMethodNames.has(method))
  if (!Array.isArray(options.methods) || unknown.length > 0) {
    throw configError(where, '`methods` lists the methods the router has routes for: GET, POST, PUT, PATCH, DELETE.')
  }
  const answers = methodAnswers(allowedMethods(options.methods).join(', '))
  const dev = options.dev ?? isDevelopment()
  return {
    noMatch: (method: string | undefined): Response => (method === 'OPTIONS' ? answers.options() : answers.notAllowed()),
    async error(error: unknown, req: Request | IncomingMessage): Promise<Response> {
      const { problem, headers } = await mapReported(error, dev, options.onError, req)
      return problemResponse(problem, headers)
    },
  }
}

/**
 * `onNoMatch` and `onError` for a next-connect Node router's `handler()`,
 * so the routes it still serves answer like routekit's: a method without a
 * route is 405 with `Allow` (204 to OPTIONS) instead of a plain 404, and an
 * error is a problem+json answer (a bare 500 in production) with `onError`
 * told, instead of next-connect's plain text.
 *
 * @example
 * ```ts
 * export default router.handler(nodeRouterAnswers({ methods: ['GET', 'POST'], onError: (error) => console.error(error) }))
 * ```
 */
export function nodeRouterAnswers(options: RouterAnswerOptions) {
  const answers = routerAnswers('routekit/next-connect: nodeRouterAnswers()', options)
  return {
    onNoMatch: (req: IncomingMessage, res: ServerResponse): Promise<void> => writeResponse(res, answers.noMatch(req.method)),
    onError: async (error: unknown, req: IncomingMessage, res: ServerResponse): Promise<void> => {
      // Headers already sent (a handler wrote, then threw): the answer is under way and cannot change.
      if (res.headersSent) return void res.end()
      await writeResponse(res, await answers.error(error, req))
    },
  }
}

/**
 * `onNoMatch` and `onError` for a next-connect edge router's `handler()`:
 * the same answers as {@link nodeRouterAnswers}, as Responses.
 *
 * @example
 * ```ts
 * const handle = router.handler(edgeRouterAnswers({ methods: ['GET'] }))
 * export const GET = handle, POST = handle
 * ```
 */
export function edgeRouterAnswers(options: RouterAnswerOptions) {
  const answers = routerAnswers('routekit/next-connect: edgeRouterAnswers()', options)
  return {
    onNoMatch: (req: Request): Response => answers.noMatch(req.method),
    onError: (error: unknown, req: Request): Promise<Response> => answers.error(error, req),
  }
}
