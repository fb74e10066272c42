// Reading an answer into the call's result: data for a 2xx, the problem for
// an error status, and a failure of its own when the body cannot be read.
import type { ProblemDetails } from '../core/problem.js'

/** The result before its types are applied (they live in types.ts). */
export type RawResult =
  | { ok: true; status: number; data: unknown; response: Response }
  | { ok: false; status: number; problem: ProblemDetails; response: Response; challenge?: string | null }
  | { ok: false; status: null; problem: null; error: unknown; response: Response | null }

const jsonType = /[/+]json(\s*;|$)/i

/**
 * A 2xx body is parsed when it is JSON (`data`) or text; other bodies stay
 * unread on `response`. An error body is the problem when it is JSON; a
 * page or an empty body gets a problem made from the status, so
 * `result.problem` is always there to read.
 */
export async function readResult(response: Response, method: string): Promise<RawResult> {
  const type = response.headers.get('content-type') ?? ''
  const isJson = jsonType.test(type)
  const { status } = response
  try {
    if (response.ok) {
      const empty = method === 'HEAD' || status === 204 || status === 205
      const data = empty ? undefined : isJson ? await response.json() : type.startsWith('text/') ? await response.text() : undefined
      return { ok: true, status, data, response }
    }
    const body: unknown = isJson ? await response.json() : undefined
    const problem =
      typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as ProblemDetails)
        : { type: 'about:blank', title: response.statusText || `HTTP ${status}`, status, code: 'unexpected_response' }
    return status === 401
      ? { ok: false, status, problem, response, challenge: response.headers.get('www-authenticate') }
      : { ok: false, status, problem, response }
  } catch (error) {
    return { ok: false, status: null, problem: null, error, response }
  }
}
