import { type HeadersInit, isHttpError } from './http-error.js'
import { isNextControlFlowError } from './next-control-flow.js'
import { responseWithText } from './known-body.js'
import { defaultCode, isErrorStatus, statusPhrase } from './status.js'

/**
 * An RFC 9457 problem details object, as routekit sends it.
 *
 * @example
 * ```ts
 * const problem: ProblemDetails = await response.json()
 * if (problem.code === 'method_not_allowed') retryWith(response.headers.get('allow'))
 * ```
 */
export interface ProblemDetails {
  type: string
  title: string
  status: number
  code: string
  detail?: string
  [extension: string]: unknown
}

const reserved = new Set(['type', 'title', 'status', 'code', 'detail'])

/** The client-facing answer to a thrown value, and the headers to send with it. */
interface MappedError {
  problem: ProblemDetails
  headers: Headers | undefined
}

/**
 * Turns anything thrown into the problem a client may see. Only an
 * `HttpError` with a 4xx/5xx status keeps its status; a string, `null`, a
 * plain `{ status: 200 }` or a library's own error is a 500. Server faults
 * say nothing internal unless `dev` is on or the error was marked `expose`.
 */
export function mapError(error: unknown, dev: boolean): MappedError {
  if (isHttpError(error) && isErrorStatus(error.status)) {
    const problem: ProblemDetails = { type: error.type, title: error.title, status: error.status, code: error.code }
    if (error.detail !== undefined && (error.expose || dev)) problem.detail = error.detail
    // Extension members follow the standard ones and can never replace them.
    for (const [name, value] of Object.entries(error.extensions ?? {})) {
      if (!(name in problem) && !reserved.has(name)) problem[name] = value
    }
    return { problem, headers: error.headers }
  }
  // Anything else, including an HttpError whose status is not an error
  // status (a 302 with a Location header), is a generic 500: none of its
  // headers, members or detail reach the client outside development.
  const problem: ProblemDetails = {
    type: 'about:blank',
    title: statusPhrase(500),
    status: 500,
    code: defaultCode(500),
  }
  if (dev) problem.detail = isHttpError(error) ? error.message : describe(error)
  return { problem, headers: undefined }
}

/**
 * What every place that answers a thrown value does: Next's control-flow
 * errors (`redirect()`, `notFound()`) are thrown on for Next to act on, the
 * rest is mapped, and a 5xx is reported to `onError`, whose own failure is
 * ignored (a failing logger must not turn one error into two).
 */
export async function mapReported<R>(
  error: unknown,
  dev: boolean,
  onError: ((error: unknown, req: R) => void | Promise<void>) | undefined,
  req: R,
): Promise<MappedError> {
  if (isNextControlFlowError(error)) throw error
  const mapped = mapError(error, dev)
  if (mapped.problem.status >= 500 && onError) {
    try {
      await onError(error, req)
    } catch {
      // Ignored on purpose, see above.
    }
  }
  return mapped
}

/** A development-only description of an arbitrary thrown value. */
function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`
  try {
    return `Thrown value: ${typeof error === 'string' ? error : JSON.stringify(error)}`
  } catch {
    return `Thrown value of type ${typeof error}`
  }
}

/**
 * Serialises a problem as an `application/problem+json` response.
 *
 * @example
 * ```ts
 * return problemResponse({ type: 'about:blank', title: 'Gone', status: 410, code: 'gone' })
 * ```
 */
export function problemResponse(problem: ProblemDetails, headers?: HeadersInit): Response {
  const responseHeaders = new Headers(headers)
  responseHeaders.set('content-type', 'application/problem+json')
  // A problem can echo what the client sent (a header name, a path); without
  // this a browser may sniff the JSON as HTML and run it.
  responseHeaders.set('x-content-type-options', 'nosniff')
  return responseWithText(JSON.stringify(problem), { status: problem.status, headers: responseHeaders })
}
