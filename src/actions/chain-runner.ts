import { checkStructure } from '../body/safe-json.js'
import { compose, RequestState, type Terminal } from '../core/compose.js'
import { isResponse } from '../core/is-response.js'
import { isNextControlFlowError } from '../core/next-control-flow.js'
import { mapReported } from '../core/problem.js'
import { withTimeout } from '../core/timeout.js'
import { runSchema } from '../validation/standard-schema.js'
import { toValidationIssues, validationError } from '../validation/validation-error.js'
import type { ActionChain } from './define.js'
import { formFields } from './form-fields.js'
import { problemOfResponse } from './problem-of-response.js'
import type { Action, ActionCookieWriter, ActionResult, ActionSpec } from './types.js'

/** One call's input on the way in, and what the function returned on the way out. */
class ActionState extends RequestState {
  constructor(req: Request, readonly input: unknown, signal?: () => AbortSignal) {
    super(req, {}, ['POST'], signal)
  }
  answered = false
  data: unknown = undefined
  /** A `redirect()` or `notFound()` from the function, thrown again once the middleware has finished. */
  controlFlow: { error: unknown } | undefined = undefined
}

/**
 * The action's run: its chain composed once, the body schema and the
 * function as the innermost step, and what comes out turned into a result.
 * Loaded on an action's first call, so routes never load it.
 */
export function actionRunner(chain: ActionChain, spec: ActionSpec, fn: (args: never) => unknown): Action<unknown, unknown>['run'] {
  const { settings, onError } = chain
  const terminal: Terminal = async (requestState, ctx) => {
    const state = requestState as ActionState
    let body: unknown
    if (spec.body) {
      // A plain object gets the checks a JSON body gets (no `__proto__`, bounded depth): React's decoder is not ours to trust.
      const input = state.input instanceof FormData ? formFields(state.input) : state.input
      if (!(state.input instanceof FormData)) checkStructure(input, settings.maxDepth)
      const result = await runSchema(spec.body, input)
      if (result.issues) throw validationError(settings.invalidBodyStatus, toValidationIssues('body', result.issues))
      body = result.value
    }
    try {
      state.data = await fn({ ...ctx, body, req: state.req, signal: state.signal } as never)
      // Code shared with routes may return `created(note)`: React cannot send a Response, so its JSON is the data.
      if (isResponse(state.data)) state.data = await dataOfResponse(state.data)
    } catch (error) {
      // A login that ends in redirect() must still get its session cookie:
      // the middleware finishes as for a success, then Next gets the error.
      if (!isNextControlFlowError(error)) throw error
      state.controlFlow = { error }
    }
    state.answered = true
    return new Response(null, { status: 200 })
  }
  const run = compose(chain.middleware, terminal)

  const failed = async (error: unknown, request: Request, cookies: ActionCookieWriter): Promise<ActionResult<unknown>> => {
    const { problem, headers } = await mapReported(error, settings.dev, onError, request)
    // A refusal may clear a bad session cookie; the browser must hear of it as a route's client would.
    for (const header of headers?.getSetCookie() ?? []) cookies.setCookie(header)
    return { ok: false, problem }
  }

  return async (request, input, cookies) => {
    let state = new ActionState(request, input)
    let response: Response
    try {
      const outer = state
      // With a timeout the chain runs on a state whose signal also aborts at the deadline.
      response = chain.timeout === undefined
        ? await run(state)
        : await withTimeout(() => outer.signal, (signal) => run((state = new ActionState(request, input, signal))), chain.timeout)
    } catch (error) {
      return failed(error, request, cookies)
    }
    for (const header of response.headers.getSetCookie()) cookies.setCookie(header)
    if (state.controlFlow) throw state.controlFlow.error
    if (state.answered && response.status < 400) return { ok: true, data: state.data }
    // A middleware answered by itself (a refusal it built as a Response).
    return { ok: false, problem: await problemOfResponse(response) }
  }
}

/** What a returned Response carries as data: its JSON, or a 500 for anything an action cannot hand to React. */
async function dataOfResponse(response: Response): Promise<unknown> {
  if (response.ok && /^application\/(?:[\w.+-]+\+)?json\b/i.test(response.headers.get('content-type') ?? '')) return response.json()
  if (response.status === 204) return undefined
  throw new TypeError('An action returned a Response that is not a JSON success; return the data itself, or throw an HttpError.')
}

