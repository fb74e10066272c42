import { compose, RequestState, type Terminal } from '../core/compose.js'
import { isNextControlFlowError } from '../core/next-control-flow.js'
import { mapError } from '../core/problem.js'
import { runSchema } from '../validation/standard-schema.js'
import { toValidationIssues, validationError } from '../validation/validation-error.js'
import type { ActionChain } from './define.js'
import { formFields } from './form-fields.js'
import { problemOfResponse } from './problem-of-response.js'
import type { Action, ActionResult, ActionSpec } from './types.js'

/** One call's input on the way in, and what the function returned on the way out. */
class ActionState extends RequestState {
  constructor(req: Request, readonly input: unknown) {
    super(req, {}, ['POST'])
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
      const result = await runSchema(spec.body, state.input instanceof FormData ? formFields(state.input) : state.input)
      if (result.issues) throw validationError(settings.invalidBodyStatus, toValidationIssues('body', result.issues))
      body = result.value
    }
    try {
      state.data = await fn({ ...ctx, body, req: state.req, signal: state.signal } as never)
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

  const failed = async (error: unknown, request: Request): Promise<ActionResult<unknown>> => {
    if (isNextControlFlowError(error)) throw error
    const { problem } = mapError(error, settings.dev)
    if (problem.status >= 500 && onError) await Promise.resolve().then(() => onError(error, request)).catch(() => undefined)
    return { ok: false, problem }
  }

  return async (request, input, cookies) => {
    const state = new ActionState(request, input)
    let response: Response
    try {
      response = await run(state)
    } catch (error) {
      return failed(error, request)
    }
    for (const header of response.headers.getSetCookie()) cookies.setCookie(header)
    if (state.controlFlow) throw state.controlFlow.error
    if (state.answered && response.status < 400) return { ok: true, data: state.data }
    // A middleware answered by itself (a refusal it built as a Response).
    return { ok: false, problem: await problemOfResponse(response) }
  }
}
