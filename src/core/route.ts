import type { RouteSpec } from '../validation/route-spec.js'
import type { RouteFunction, RouteSettings } from './handler-args.js'
import type { RequestState, Terminal } from './compose.js'
import { isResponse } from './is-response.js'
import { headerRecord, parseQuery } from './request-parts.js'
import { json } from './responses.js'
import { ignore } from './runtime.js'
import type { RawHeaders, RawQuery } from './types.js'

/** Turns what a handler returned into the response to send. */
export function toResponse(value: unknown): Response {
  if (isResponse(value)) return value
  if (value === undefined) return new Response(null, { status: 204 })
  return json(value)
}

const state = Symbol('state')
const rawQuery = Symbol('query')
const rawHeaders = Symbol('headers')

interface ArgsInternals {
  [state]: RequestState
  [rawQuery]?: RawQuery
  [rawHeaders]?: RawHeaders
}

/**
 * The parts of the handler's argument computed only when read, as getters on
 * a shared prototype (a literal with getters costs microseconds to build per
 * request). A validated `query` or `headers` is an own property and hides
 * the getter. Destructure them by name: object rest and spread copy own
 * properties only.
 */
class LazyParts {
  get signal(): AbortSignal {
    return (this as unknown as ArgsInternals)[state].signal
  }

  get query(): RawQuery {
    const self = this as unknown as ArgsInternals
    return (self[rawQuery] ??= parseQuery(self[state].req.url))
  }

  get headers(): RawHeaders {
    const self = this as unknown as ArgsInternals
    return (self[rawHeaders] ??= headerRecord(self[state].req.headers))
  }
}
const lazyParts = LazyParts.prototype
const lazyNames = new Set(['signal', 'query', 'headers'])

type ValidationSteps = typeof import('../validation/steps.js')
let validationSteps: Promise<ValidationSteps> | undefined

/**
 * Loads the validation steps once per process, when the first route that
 * needs them is defined (module scope, at start-up), so no request waits
 * for it and routes without schemas never load it at all.
 */
function loadValidationSteps(): Promise<ValidationSteps> {
  if (validationSteps === undefined) {
    validationSteps = import('../validation/steps.js')
    validationSteps.catch(ignore) // a failed load is reported by the request that awaits it
  }
  return validationSteps
}

/**
 * The innermost step of a route's chain: validation, then the handler. Parts
 * without a schema are parsed only if the handler reads them, and the body
 * only ever with a body schema.
 */
export function routeTerminal(spec: RouteSpec, fn: RouteFunction<any, any>, settings: RouteSettings): Terminal {
  const validates = Boolean(spec.params || spec.query || spec.headers || spec.body)
  const checksResponses = settings.dev && spec.responses !== undefined
  const steps = validates || checksResponses ? loadValidationSteps() : undefined
  const terminal: Terminal = async (requestState: RequestState, ctx: object) => {
    const { req } = requestState
    const args = Object.create(lazyParts) as Record<string | symbol, unknown>
    // Context keys first; request parts then win any clash (a context key
    // named like a lazy part would also hit its getter-only property).
    for (const [key, value] of Object.entries(ctx)) if (!lazyNames.has(key)) args[key] = value
    args[state] = requestState
    args.req = req
    args.params = requestState.params
    args.body = undefined
    if (validates) {
      const { validateRequest } = await steps!
      // Defined, not assigned: assignment would hit the prototype's getter-only `query`/`headers`.
      for (const [part, value] of Object.entries(await validateRequest(spec, req, requestState.params, settings))) {
        Object.defineProperty(args, part, { value, enumerable: true, writable: true, configurable: true })
      }
    }
    const result = await fn(args as never)
    if (checksResponses) await (await steps!).validateResponse(spec.responses!, result)
    return toResponse(result)
  }
  // What a middleware's rawBody() reads by: the rules the route's own body is read with.
  terminal.bodyLimits = { bodyLimit: spec.bodyLimit ?? settings.bodyLimit, maxDepth: settings.maxDepth, accepts: spec.accepts }
  return terminal
}
