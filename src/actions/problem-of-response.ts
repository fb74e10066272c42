import type { ProblemDetails } from '../core/problem.js'
import { defaultCode, statusPhrase } from '../core/status.js'

/**
 * The problem a middleware's own refusal carries. routekit's middleware
 * answer with problem+json; anything else (a user's plain-text 403) gets
 * the status's generic problem, never its body, which was not written for
 * a client-side result.
 */
export async function problemOfResponse(response: Response): Promise<ProblemDetails> {
  const status = response.status >= 400 && response.status <= 599 ? response.status : 500
  const generic: ProblemDetails = { type: 'about:blank', title: statusPhrase(status), status, code: defaultCode(status) }
  if (!/^application\/problem\+json\b/i.test(response.headers.get('content-type') ?? '')) return generic
  try {
    const problem = (await response.json()) as ProblemDetails
    return typeof problem === 'object' && problem !== null && problem.status === status ? problem : generic
  } catch {
    return generic
  }
}
