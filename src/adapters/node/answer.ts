import type { ServerResponse } from 'node:http'
import type { RequestHandler } from '../../core/handler.js'
import { methodAnswers } from '../../core/method-guard.js'
import { controlFlowResponse } from '../../core/next-control-flow.js'
import { problemResponse } from '../../core/problem.js'
import type { RawParams } from '../../core/types.js'
import { clientSignal } from './client-signal.js'
import { isForbiddenMethod, type PagesRequest, toWebRequest } from './to-request.js'
import { discardBody, writeResponse } from './write-response.js'

/** The answer to a request whose line or headers a Web Request cannot carry. */
export const unreadableRequest = () =>
  problemResponse({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    code: 'bad_request',
    detail: 'The request line or headers could not be read.',
  })

/** Where a Node answerer gets the route's params and the Web Request from. */
export interface NodeAnswerSources {
  /** May throw for params that cannot be read; the answer is then a 400. */
  params: (req: PagesRequest) => RawParams
  /**
   * Builds (or finds) the Web Request, whose `signal` is the client signal
   * given; may throw for a request Fetch cannot represent.
   */
  request?: (req: PagesRequest, res: ServerResponse, signal: () => AbortSignal) => Request
}

/**
 * Answers Node's `req`/`res` with a routekit handler: the body of
 * `toPagesRoute`, shared with `routekit/next-connect`'s `mountNode`, which
 * differ only in where params come from.
 */
export function nodeAnswerer(
  handler: RequestHandler,
  sources: NodeAnswerSources,
): (req: PagesRequest, res: ServerResponse) => Promise<void> {
  const refuseMethod = methodAnswers(handler.allowedMethods.join(', ')).notAllowed
  const build = sources.request ?? toWebRequest
  return async (req, res) => {
    // A client that leaves before the answer aborts the handler's signal.
    const signal = clientSignal(res)
    let response: Response
    if (isForbiddenMethod(req.method ?? 'GET')) {
      response = refuseMethod() // Fetch cannot even represent TRACE or CONNECT.
    } else {
      let request: Request | undefined
      let params: RawParams = {}
      try {
        request = build(req, res, signal)
        params = sources.params(req) // next-connect's matches can be malformed escapes
      } catch {
        request = undefined
      }
      if (request === undefined) {
        response = unreadableRequest()
      } else {
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
      discardBody(response)
      return
    }
    await writeResponse(res, response)
  }
}
