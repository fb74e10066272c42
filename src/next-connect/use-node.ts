import type { ServerResponse } from 'node:http'
import type { PagesRequest } from '../adapters/node/to-request.js'
import { writeResponse } from '../adapters/node/write-response.js'
import { compose, RequestState } from '../core/compose.js'
import type { Middleware } from '../core/middleware.js'
import { controlFlowResponse } from '../core/next-control-flow.js'
import { ignore } from '../core/runtime.js'
import { addContext, contextOf, type Step } from './context.js'
import { HeldResponse } from './held-response.js'
import { unbuildableAnswer, webRequestOf } from './node-request.js'
import { checkStepOptions, problemFor, type StepOptions } from './options.js'
import { nodeParams } from './params.js'

/**
 * A next-connect handler for the Node router (`createRouter()`), Pages API routes included.
 *
 * @example
 * ```ts
 * const auth: NodeHandler = useNode(bearer)
 * ```
 */
export type NodeHandler = (req: PagesRequest, res: ServerResponse, next: () => unknown) => Promise<void>

/** One request through one step: what the middleware's `next()` must reach. */
class NodeStepState extends RequestState {
  held: HeldResponse | undefined
  downstream: Promise<unknown> | undefined
  downstreamError: { error: unknown } | undefined
  /** The middleware's `next()` rejected: whatever it then answered, it dealt with that error. */
  nextRejected = false

  constructor(
    request: Request,
    signal: () => AbortSignal,
    readonly nodeReq: PagesRequest,
    readonly res: ServerResponse,
    readonly nextHandler: () => unknown,
  ) {
    // next-connect, not routekit, decides which methods the resource has.
    super(request, nodeParams(nodeReq), [], signal)
  }
}

/** The middleware's `next()`: the rest of next-connect's chain, until it first writes. */
async function runRest(state: RequestState, ctx: object): Promise<Response> {
  const step = state as NodeStepState
  addContext(step.nodeReq, ctx)
  const held = (step.held = new HeldResponse(step.res))
  // next-connect's next() throws synchronously when nothing follows; a promise either way.
  const downstream = (step.downstream = Promise.resolve().then(step.nextHandler))
  downstream.catch(ignore) // awaited by the step itself once routekit's part is done
  const failed = downstream.then(ignore, (error: unknown) => {
    step.downstreamError = { error }
    throw error
  })
  try {
    await Promise.race([held.firstWrite, failed])
  } catch (error) {
    step.nextRejected = true
    throw error
  }
  return held.passedOn()
}

/**
 * Runs a routekit middleware (`jwt()`, `session()`, your own) as next-connect
 * middleware on the Node router. What it adds to the context goes onto `req`
 * (`req.auth`, `req.session`) for the handlers after it; a refusal is
 * answered with routekit's problem+json (401 with `WWW-Authenticate`, ...)
 * and the chain stops there.
 *
 * Code after `await next()` works too: the handlers' writes are held until
 * it is done, so it can add headers (a session's `Set-Cookie`) or answer with
 * its own Response instead. The response it receives has the handlers'
 * status and headers but no body, since Node handlers write to `res`.
 * Errors thrown by the next-connect handlers go on to next-connect's `onError`.
 *
 * @example
 * ```ts
 * const auth = useNode(jwt({ secret: process.env.JWT_SECRET!, algorithms: ['HS256'] }))
 * const router = createRouter<NextApiRequest & AddedBy<typeof auth>, NextApiResponse>()
 * router.use(auth).get((req, res) => res.json({ user: req.auth.sub }))
 * export default router.handler()
 * ```
 */
export function useNode<TAdd extends object>(
  middleware: Middleware<any, TAdd>,
  options: StepOptions = {},
): Step<NodeHandler, TAdd> {
  checkStepOptions('useNode()', options)
  const chain = compose([middleware], runRest)
  const step: NodeHandler = async (req, res, next) => {
    let built: ReturnType<typeof webRequestOf>
    try {
      built = webRequestOf(req, res)
    } catch {
      await writeResponse(res, unbuildableAnswer(req))
      return
    }
    let state: NodeStepState
    try {
      state = new NodeStepState(built.request, built.signal, req, res, next)
    } catch (error) {
      await writeResponse(res, await problemFor(error, built.request, options)) // malformed params: 400
      return
    }
    let response: Response
    try {
      response = await chain(state, contextOf(req))
    } catch (error) {
      if (state.downstreamError !== undefined && error === state.downstreamError.error) {
        state.held?.release()
        throw error // a next-connect handler's own error: next-connect's onError answers it
      }
      response = controlFlowResponse(error) ?? (await problemFor(error, built.request, options))
    }
    const { held, downstream } = state
    if (held === undefined) {
      await writeResponse(res, response) // the middleware answered without calling next()
      return
    }
    if (held.isPassedOn(response)) held.release()
    else await held.replace(response)
    // An error the middleware caught (or turned into its own) is not passed
    // on again: as in routekit's onion, and as on the edge router.
    if (state.nextRejected) await downstream?.catch(ignore)
    else await downstream
  }
  return step as Step<NodeHandler, TAdd>
}
