import { checkOptionNames, optionNames } from '../core/options.js'
import { mapError, problemResponse } from '../core/problem.js'
import { isDevelopment } from '../core/runtime.js'

/**
 * Options for the steps that run routekit middleware or validation inside next-connect.
 *
 * @example
 * ```ts
 * const auth = useNode(bearer, { onError: (error) => console.error('[auth]', error) })
 * ```
 */
export interface StepOptions {
  /** Put server errors' messages into the problem's `detail`. Default `NODE_ENV === 'development'`. */
  dev?: boolean
  /** Receives every error this step answers with a 5xx; its own failures are ignored. */
  onError?: (error: unknown, req: Request) => void | Promise<void>
}

/** Refuses option names a step does not know (see checkOptionNames). */
export function checkStepOptions(step: string, options: StepOptions): void {
  checkOptionNames(`routekit/next-connect: ${step}`, options, optionNames<StepOptions>({ dev: true, onError: true }))
}

/**
 * The problem+json answer to what routekit code threw in a step, exactly as
 * a routekit handler would answer it: 4xx as thrown (with its
 * `WWW-Authenticate` and other headers), anything else a 500 that says
 * nothing internal.
 */
export async function problemFor(error: unknown, request: Request, options: StepOptions): Promise<Response> {
  const { problem, headers } = mapError(error, options.dev ?? isDevelopment())
  if (problem.status >= 500 && options.onError) {
    try {
      await options.onError(error, request)
    } catch {
      // A failing logger must not turn one error into two.
    }
  }
  return problemResponse(problem, headers)
}
