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
  get req(): Request {
    return (this as unknown as ArgsInternals)[state].req
  }

  get signal(): AbortSignal {
    return (this as unknown as ArgsInternals)[state].signal
  }

  get query(): RawQuery {
    const self = this as unknown as ArgsInternals
    return (self[rawQuery] ??= parseQuery(self[state].url))
  }

  get headers(): RawHeaders {
    const self = this as unknown as ArgsInternals
    return (self[rawHeaders] ??= headerRecord(self[state].headers))
  }
}
const lazyNames = new Set(['req', 'signal', 'query', 'headers'])

/**
 * The prototype of one route's arguments: the lazy getters of the parts its
 * spec does not validate. A validated `query` or `headers` is then a plain
 * own property, assigned like the rest, where defining it over a getter-only
 * prototype property would cost a `defineProperty` per request.
 */
function partsPrototype(spec: RouteSpec): object {
  if (!spec.query && !spec.headers) return LazyParts.prototype
  const descriptors = Object.getOwnPropertyDescriptors(LazyParts.prototype) as Record<string, PropertyDescriptor>
  if (spec.query) delete descriptors.query
  if (spec.headers) delete descriptors.headers
  return Object.create(Object.prototype, descriptors)
}

type ValidationSteps = typeof import('../validation/steps.js')
let validationSteps: Promise<ValidationSteps> | undefined
/** The steps once loaded, so a request does not wait a turn for a promise long settled. */
let loadedSteps: ValidationSteps | undefined

/**
 * Loads the validation steps once per process, when the first route that
 * needs them is defined (module scope, at start-up), so no request waits
 * for it and routes without schemas never load it at all.
 */
function loadValidationSteps(): Promise<ValidationSteps> {
  if (validationSteps === undefined) {
    validationSteps = import('../validation/steps.js')
    validationSteps.then((steps) => (loadedSteps = steps), ignore) // a failed load is reported by the request that awaits it
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
  const prototype = partsPrototype(spec)
  // What a middleware's rawBody() and the route's own body are read by.
  const bodyLimits = { bodyLimit: spec.bodyLimit ?? settings.bodyLimit, maxDepth: settings.maxDepth, accepts: spec.accepts }
  const terminal: Terminal = async (requestState: RequestState, ctx: object) => {
    const args = Object.create(prototype) as Record<string | symbol, unknown>
    // Context keys first; request parts then win any clash (a context key
    // named like a lazy part would also hit its getter-only property).
    for (const key of Object.keys(ctx)) if (!lazyNames.has(key)) args[key] = (ctx as Record<string, unknown>)[key]
    args[state] = requestState
    args.params = requestState.params
    args.body = undefined
    if (validates) {
      const { validateInto } = loadedSteps ?? (await steps!)
      const pending = validateInto(spec, requestState, requestState.params, settings, args, bodyLimits)
      if (pending !== undefined) await pending
    }
    // A synchronous handler's value is used as it is, without a turn of the event loop.
    let result: unknown = fn(args as never)
    if (typeof (result as PromiseLike<unknown> | null)?.then === 'function') result = await result
    if (checksResponses) await (loadedSteps ?? (await steps!)).validateResponse(spec.responses!, result)
    return toResponse(result)
  }
  terminal.bodyLimits = bodyLimits
  return terminal
}
