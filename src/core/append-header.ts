/**
 * Changes the headers of a response a middleware got from `next()`.
 * Responses made by `Response.redirect()` or `fetch()` have immutable
 * headers; those are copied into a new Response around the same body, once,
 * however many headers `edit` touches. (The first change to immutable
 * headers throws, so `edit` never leaves half its work on the original.)
 */
export function editHeaders(response: Response, edit: (headers: Headers) => void): Response {
  try {
    edit(response.headers)
    return response
  } catch {
    const copy = new Response(response.body, response)
    edit(copy.headers)
    return copy
  }
}

/** Appends one header to a response a middleware got from `next()`; see {@link editHeaders}. */
export function appendHeader(response: Response, name: string, value: string): Response {
  return editHeaders(response, (headers) => headers.append(name, value))
}
