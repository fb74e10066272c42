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
 * unread on `response`; a 2xx JSON body that does not parse is the
 * no-answer case. An error body is the problem when it is one; anything
 * else gets a problem made from the status, so `result.problem` is always
 * there to read.
 */
export async function readResult(response: Response, method: string): Promise<RawResult> {
  const type = response.headers.get('content-type') ?? ''
  const isJson = jsonType.test(type)
  const { status } = response
  if (response.ok) {
    try {
      const empty = method === 'HEAD' || status === 204 || status === 205
      const text = empty || !(isJson || /^text\//i.test(type)) ? undefined : await response.text()
      const data = text === undefined || (isJson && text === '') ? undefined : isJson ? JSON.parse(text) : text
      return { ok: true, status, data, response }
    } catch (error) {
      return { ok: false, status: null, problem: null, error, response }
    }
  }
  const fallback = { type: 'about:blank', title: response.statusText || `HTTP ${status}`, status, code: 'unexpected_response' }
  let problem: ProblemDetails = fallback
  if (isJson) {
    // A proxy's page labelled JSON, an empty body or JSON that is no
    // problem still answers with a problem made from the status.
    const body = await response.text().then(parseOrUndefined, () => undefined)
    if (isProblem(body)) problem = body
    else if (body !== undefined) problem = { ...fallback, body }
  }
  return status === 401 ? { ok: false, status, problem, response, challenge: response.headers.get('www-authenticate') } : { ok: false, status, problem, response }
}

function parseOrUndefined(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text)
  } catch {
    return undefined
  }
}

function isProblem(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && typeof (body as ProblemDetails).title === 'string' && typeof (body as ProblemDetails).status === 'number'
}
