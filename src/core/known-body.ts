/**
 * The text of response bodies routekit built itself (JSON answers and
 * problems). The Pages adapter sends such a body with one `res.end(text)`
 * (one write, with Content-Length) instead of pumping it through the
 * Response's stream, which costs a chunked encoding and several writes.
 * Responses made any other way are streamed as before.
 */
const knownBodies = new WeakMap<Response, string>()

/** Makes a response whose body text is known without reading its stream. */
export function responseWithText(text: string, init: ResponseInit): Response {
  const response = new Response(text, init)
  knownBodies.set(response, text)
  return response
}

/** The body text of a routekit-made response, if it has not been read. */
export function knownBodyText(response: Response): string | undefined {
  return response.bodyUsed ? undefined : knownBodies.get(response)
}
