import type { ServerResponse } from 'node:http'
import type { HandleOptions } from '../../core/dispatch.js'
import type { RequestHandler } from '../../core/handler.js'
import { methodAnswers } from '../../core/method-guard.js'
import { controlFlowResponse } from '../../core/next-control-flow.js'
import { problemResponse } from '../../core/problem.js'
import { handleSourceKey, type RequestSource } from '../../core/request-view.js'
import type { RawParams } from '../../core/types.js'
import { clientSignal } from './client-signal.js'
import { NodeSource } from './node-source.js'
import { isForbiddenMethod, type PagesRequest, toWebRequest, unreadableDetail } from './to-request.js'
import { discardBody, writeResponse } from './write-response.js'

/** The answer to a request whose line or headers a Web Request cannot carry. */
export const unreadableRequest = () =>
  problemResponse({
    type: 'about:blank',
    title: 'Bad Request',
    status: 400,
    code: 'bad_request',
    detail: unreadableDetail,
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

/** A handler that can answer a request source (this copy of routekit's handlers, and later ones). */
type SourceHandler = RequestHandler & { [handleSourceKey](source: RequestSource, options: HandleOptions): Promise<Response> }

function answersSources(handler: RequestHandler): handler is SourceHandler {
  return typeof (handler as Partial<SourceHandler>)[handleSourceKey] === 'function'
}

/** Hands one request to the handler; throws, before the handler runs, for a request Fetch cannot carry. */
type Start = (req: PagesRequest, res: ServerResponse, signal: () => AbortSignal, options: HandleOptions) => Promise<Response>

/**
 * How requests reach the handler, chosen once: as a `NodeSource` when the
 * handler takes one and no `request` is given, so a Web `Request` is built
 * only if some code reads `req`; else as the Request `build` makes.
 */
function starter(handler: RequestHandler, build: NodeAnswerSources['request']): Start {
  const make = build ?? toWebRequest
  const eager: Start = (req, res, signal, options) => handler.handle(make(req, res, signal), options)
  if (build !== undefined || !answersSources(handler)) return eager
  // A body Next's parser read is rebuilt into the Request at once.
  return (req, res, signal, options) =>
    req.body === undefined ? handler[handleSourceKey](new NodeSource(req, res, signal), options) : eager(req, res, signal, options)
}

/**
 * Answers Node's `req`/`res` with a routekit handler: the body of
 * `toPagesRoute`, shared with `routekit/next-connect`'s `mountNode`, which
 * differ only in where params and the Request come from.
 */
export function nodeAnswerer(
  handler: RequestHandler,
  sources: NodeAnswerSources,
): (req: PagesRequest, res: ServerResponse) => Promise<void> {
  const refuseMethod = methodAnswers(handler.allowedMethods.join(', ')).notAllowed
  const start = starter(handler, sources.request)
  return async (req, res) => {
    // A client that leaves before the answer aborts the handler's signal.
    const signal = clientSignal(res)
    let response: Response
    if (isForbiddenMethod(req.method ?? 'GET')) {
      response = refuseMethod() // Fetch cannot even represent TRACE or CONNECT.
    } else {
      let answered: Promise<Response> | undefined
      try {
        const params = sources.params(req) // next-connect's matches can be malformed escapes
        answered = start(req, res, signal, { params, signal })
      } catch {
        answered = undefined
      }
      if (answered === undefined) {
        response = unreadableRequest()
      } else {
        try {
          response = await answered
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
