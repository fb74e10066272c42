/**
 * A response whose body is text routekit built itself (JSON answers and
 * problems). It is a real `Response` built without a body: undici's body
 * stream costs more than the rest of the response, and the Pages adapter
 * never needs it, since it sends the known text with one `res.end(text)`.
 * Whoever asks for the body through the public API (`body`, `text()`,
 * `clone()` ..., as Next's App Router does) gets it, built on first use.
 * Only code that reads undici's internal state (`new Request(url, { body:
 * response.body })` is fine, but undici's own `Response.prototype` methods
 * called on it are not) would see no body.
 */
class TextResponse extends Response {
  readonly #text: string
  /** The same response with undici's own body, once someone asks for it. */
  #full: Response | undefined

  constructor(text: string, init: ResponseInit) {
    super(null, init)
    this.#text = text
  }

  /** The text, while nobody has read or asked for the body. */
  static textOf(response: Response): string | undefined {
    return #text in response && response.#full === undefined ? response.#text : undefined
  }

  #withBody(): Response {
    // Headers as they are now: a middleware may have appended some since.
    return (this.#full ??= new Response(this.#text, { status: this.status, statusText: this.statusText, headers: this.headers }))
  }

  override get body(): Response['body'] {
    return this.#withBody().body
  }

  override get bodyUsed(): boolean {
    return this.#full !== undefined && this.#full.bodyUsed
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#withBody().arrayBuffer()
  }

  override blob(): Promise<Blob> {
    return this.#withBody().blob()
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#withBody().bytes()
  }

  override formData(): Promise<FormData> {
    return this.#withBody().formData()
  }

  override json(): Promise<any> {
    return this.#withBody().json()
  }

  override text(): Promise<string> {
    return this.#withBody().text()
  }

  override clone(): Response {
    // An unread body is copied as text, so the clone stays cheap too.
    if (this.#full === undefined) {
      return new TextResponse(this.#text, { status: this.status, statusText: this.statusText, headers: this.headers })
    }
    // `#full` holds a copy of the headers from when the body was built; a
    // middleware may have added some since (a session's Set-Cookie), and a
    // clone must carry the headers this response has now.
    const copy = this.#full.clone()
    return new Response(copy.body, { status: this.status, statusText: this.statusText, headers: this.headers })
  }
}

const nullBodyStatuses = new Set([101, 103, 204, 205, 304])

/**
 * Makes a response whose body text is known without reading its stream.
 *
 * @example
 * ```ts
 * const response = responseWithText('{"ok":true}', { status: 200, headers: { 'content-type': 'application/json' } })
 * ```
 */
export function responseWithText(text: string, init: ResponseInit): Response {
  // Fetch refuses a body with these statuses: undici throws its own error, as it always did.
  if (init.status !== undefined && nullBodyStatuses.has(init.status)) return new Response(text, init)
  return new TextResponse(text, init)
}

/**
 * The body text of a routekit-made response, if its body has not been asked
 * for; the Pages adapter then sends it with one write and a Content-Length.
 * Responses made any other way are streamed as before.
 *
 * @example
 * ```ts
 * const text = knownBodyText(response) // string for json(...) answers, else undefined
 * ```
 */
export function knownBodyText(response: Response): string | undefined {
  return TextResponse.textOf(response)
}
