import { knownBodyText, responseWithText } from './known-body.js'

/** The methods a route can be defined for, in the order `Allow` lists them. */
export const routeMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const
export type RouteMethod = (typeof routeMethods)[number]

const allowOrder = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']

/**
 * The methods a handler answers: its routes, HEAD wherever GET is defined
 * (HEAD runs GET and drops the body), and OPTIONS always.
 */
export function allowedMethods(defined: Iterable<string>): string[] {
  const answered = new Set(defined)
  if (answered.has('GET')) answered.add('HEAD')
  answered.add('OPTIONS')
  return allowOrder.filter((method) => answered.has(method))
}

/**
 * Prepares the guard's two fixed answers once per handler, so a refused
 * method costs one small allocation per request.
 */
export function methodAnswers(allow: string) {
  const problem = {
    type: 'about:blank',
    title: 'Method Not Allowed',
    status: 405,
    code: 'method_not_allowed',
    detail: `This resource answers ${allow}.`,
  }
  const text = JSON.stringify(problem)
  const headers = { allow, 'content-type': 'application/problem+json', 'x-content-type-options': 'nosniff' }
  return {
    /** 405 with problem+json and `Allow` (RFC 9110 §15.5.6 requires the header). */
    notAllowed: (): Response => responseWithText(text, { status: 405 }, headers),
    /** 204 with `Allow`: the answer to a plain OPTIONS request. */
    options: (): Response => new Response(null, { status: 204, headers: { allow } }),
  }
}

/** A HEAD answer: the GET response's status and headers, without its body. */
export function withoutBody(response: Response): Response {
  // A routekit-made body has no stream yet; asking for `body` would build one.
  const text = knownBodyText(response)
  if (text === undefined) {
    if (response.body === null) return response
    // Release the GET body nobody will read; errors here mean it was already gone.
    response.body.cancel().catch(() => {})
  }
  const head = new Response(null, { status: response.status, statusText: response.statusText, headers: response.headers })
  // The length GET would send (RFC 9110 §9.3.2), where it is known without
  // reading a stream: what a client sends HEAD to learn.
  if (text !== undefined && !head.headers.has('content-length')) {
    head.headers.set('content-length', String(encoder.encode(text).byteLength))
  }
  return head
}

const encoder = new TextEncoder()
