import { isHttpOnly } from '../core/handler-wide.js'
import type { Middleware } from '../core/middleware.js'
import { checkOptionNames, configError, optionNames } from '../core/options.js'
import type { RouteSettings } from '../core/handler-args.js'
import type { Action, ActionSpec } from './types.js'

type ChainRunner = typeof import('./chain-runner.js')
let chainRunner: Promise<ChainRunner> | undefined

const actionSpecNames = optionNames<ActionSpec>({ body: true })
const notForActions = 'an action has only a body: its input'
const specHints = { params: notForActions, query: notForActions, headers: notForActions, accepts: 'an action takes an object or FormData' }

// React marks a Server Function with this. Next 14 makes one of every
// function written inline in a 'use server' file, each callable on its own
// with any arguments, without the chain around it (15 and 16 do not).
const serverReference = Symbol.for('react.server.reference')
const hoisted =
  "the action's function is itself a Server Action: Next made one of it because it is written inline in a 'use server' file, " +
  'and anyone could call it directly, past the middleware and the validation. Build the action in a module without ' +
  "'use server' and only bind it there: export const createNote = toServerAction(createNoteAction)."

/** What `.action()` takes from its builder. */
export interface ActionChain {
  readonly handlerWide: readonly Middleware<any, any>[]
  readonly middleware: readonly Middleware<any, any>[]
  readonly settings: RouteSettings
  readonly onError?: (error: unknown, req: Request) => void | Promise<void>
  /** The handler's `timeout`: an action that takes longer resolves to a 503 problem. */
  readonly timeout?: number
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
  // Middleware written inline in the same file is hoisted the same way.
  for (const part of [fn, ...chain.middleware, ...chain.handlerWide]) {
    if ((part as { $$typeof?: unknown }).$$typeof === serverReference) throw configError('routekit', hoisted)
  }
  for (const layer of chain.handlerWide) {
    if (!isHttpOnly(layer)) {
      throw configError('routekit', `${layer.name || 'a handler-wide middleware'} runs around the method guard, which an action does not have; build the action from a base without it.`)
    }
  }
  // The run itself loads on the first call: the builder is in every route's
  // bundle, and routes must not carry what only actions need.
  let run: Action<unknown, unknown>['run'] | undefined
  return {
    async run(request, input, cookies) {
      run ??= (await (chainRunner ??= import('./chain-runner.js'))).actionRunner(chain, spec, fn)
      return run(request, input, cookies)
    },
  }
}
