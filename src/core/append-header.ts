/**
 * Appends a header to a response a middleware got from `next()`. Responses
 * made by `Response.redirect()` or `fetch()` have immutable headers; those
 * are copied into a new Response around the same body.
 */
export function appendHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.append(name, value)
    return response
  } catch {
    const copy = new Response(response.body, response)
    copy.headers.append(name, value)
    return copy
  }
}
