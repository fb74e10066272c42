import type { ProblemDetails } from '../core/problem.js'

/**
 * What a call with `throwOnError: true` rejects with for an error status:
 * the failure it would otherwise have resolved to. A network failure
 * rejects with `fetch`'s own error instead (an `AbortError` stays one, as
 * TanStack Query expects of a cancelled query).
 *
 * @example
 * ```ts
 * try {
 *   await api('/api/notes').post({ body: { text: '' }, throwOnError: true })
 * } catch (error) {
 *   if (error instanceof ClientError && error.status === 422) console.warn(error.problem.errors)
 * }
 * ```
 */
export class ClientError extends Error {
  /** The error status the route answered with. */
  readonly status: number
  /** The problem+json body (or one made from the status when the body was not one). */
  readonly problem: ProblemDetails
  /** The response itself; its body has been read. */
  readonly response: Response

  constructor(failure: { status: number; problem: ProblemDetails; response: Response }) {
    super(`${failure.status} ${failure.problem.title}${failure.problem.detail ? `: ${failure.problem.detail}` : ''}`)
    this.name = 'ClientError'
    this.status = failure.status
    this.problem = failure.problem
    this.response = failure.response
  }
}
