import { compose, RequestState, type Terminal } from '../core/compose.js'
import { isHttpOnly } from '../core/handler-wide.js'
import type { Middleware } from '../core/middleware.js'
import { isNextControlFlowError } from '../core/next-control-flow.js'
import { checkOptionNames, configError, optionNames } from '../core/options.js'
import { mapError } from '../core/problem.js'
import type { RouteSettings } from '../core/route.js'
import { runSchema } from '../validation/standard-schema.js'
import { toValidationIssues, validationError } from '../validation/validation-error.js'
import { formFields } from './form-fields.js'
import { problemOfResponse } from './problem-of-response.js'
import type { Action, ActionResult, ActionSpec } from './types.js'

const actionSpecNames = optionNames<ActionSpec>({ body: true })
const notForActions = 'an action has only a body: its input'
const specHints = { params: notForActions, query: notForActions, headers: notForActions, accepts: 'an action takes an object or FormData' }

/** What `.action()` takes from its builder. */
export interface ActionChain {
  readonly handlerWide: readonly Middleware<any, any>[]
  readonly middleware: readonly Middleware<any, any>[]
  readonly settings: RouteSettings
  readonly onError?: (error: unknown, req: Request) => void | Promise<void>
}

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
 * Builds an action on a builder's chain: the same middleware, in the same
 * order, with the body schema validating the input and the function as the
 * innermost step. Handler-wide layers wrap the method guard; those that
 * only concern HTTP (CORS) are skipped, any other is refused here, since
 * an action could not honour it.
 */
export function defineAction(chain: ActionChain, spec: ActionSpec, fn: (args: never) => unknown): Action<unknown, unknown> {
  checkOptionNames('routekit: the action\'s spec', spec, actionSpecNames, specHints)
  if (typeof fn !== 'function') throw configError('routekit', 'an action needs a function.')
  for (const layer of chain.handlerWide) {
    if (!isHttpOnly(layer)) {
      throw configError('routekit', `${layer.name || 'a handler-wide middleware'} runs around the method guard, which an action does not have; build the action from a base without it.`)
    }
  }
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

  return {
    async run(request, input, cookies) {
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
    },
  }
}
