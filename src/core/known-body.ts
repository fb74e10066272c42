/**
 * A response whose body is text routekit built itself (JSON answers and
 * problems). It is a real `Response` built without a body: undici's body
 * stream costs more than the rest of the response, and the Pages adapter
 * never needs it, since it sends the known text with one `res.end(text)`.
 * Whoever asks for the body through the public API gets it: `text()`,
 * `json()`, `arrayBuffer()` and `bytes()` answer from the text itself, with
 * `bodyUsed` and a second read behaving as undici's; `body`, `blob()`,
 * `formData()` and `clone()` build undici's body on first use (as Next's
 * App Router does, reading `body`). Only code that reads undici's internal
 * state (`new Request(url, { body: response.body })` is fine, but undici's
 * own `Response.prototype` methods called on it are not) would see no body.
 */
class TextResponse extends Response {
  readonly #text: string
  /** undici's body over the same text, once someone asks for the stream. */
  #full: Response | undefined
  /** Read through one of the direct methods, without a stream. */
  #used = false

  constructor(text: string, init: ResponseInit) {
    super(null, init)
    this.#text = text
  }

  /** The text, while nobody has read or asked for the body. */
  static textOf(response: Response): string | undefined {
    return #text in response && response.#full === undefined && !response.#used ? response.#text : undefined
  }

  /**
   * undici's body for this text. Only the body: the status and headers are
   * this response's own (`clone()` copies them from here), so nothing is
   * copied for it. Read already through a direct method, it is an empty
   * body read too, so what comes next (a second read, `body`, `clone()`)
   * fails or answers exactly as undici's would.
   */
  #withBody(): Response {
    if (this.#full === undefined) {
      this.#full = new Response(this.#used ? '' : this.#text)
      if (this.#used) this.#full.arrayBuffer().catch(() => {})
    }
    return this.#full
  }

  /**
   * undici's body with this response's content type, for the readers whose
   * result depends on it (a blob's type, how form data is parsed).
   */
  #withTypedBody(): Response {
    if (this.#full === undefined && !this.#used) {
      const type = this.headers.get('content-type')
      this.#full = new Response(this.#text, type === null ? undefined : { headers: { 'content-type': type } })
    }
    return this.#withBody()
  }

  /**
   * The text, marked as read, when the body can still be read from it
   * directly: not yet read, no stream built, and text that survives UTF-8
   * unchanged (a lone surrogate would come back from undici as U+FFFD, and
   * a leading byte order mark would be dropped).
   */
  #take(): string | undefined {
    const text = this.#text
    if (this.#full !== undefined || this.#used || text.charCodeAt(0) === 0xfeff || !(text as WellFormed).isWellFormed()) return undefined
    this.#used = true
    return text
  }

  override get body(): Response['body'] {
    return this.#withBody().body
  }

  override get bodyUsed(): boolean {
    return this.#used || (this.#full !== undefined && this.#full.bodyUsed)
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    const text = this.#take()
    if (text === undefined) return this.#withBody().arrayBuffer()
    return Promise.resolve(bytesOf(text).buffer)
  }

  override blob(): Promise<Blob> {
    return this.#withTypedBody().blob()
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const text = this.#take()
    if (text === undefined) return this.#withBody().bytes()
    return Promise.resolve(bytesOf(text))
  }

  override formData(): Promise<FormData> {
    return this.#withTypedBody().formData()
  }

  override json(): Promise<any> {
    const text = this.#take()
    if (text === undefined) return this.#withBody().json()
    try {
      return Promise.resolve(JSON.parse(text))
    } catch (error) {
      return Promise.reject(error)
    }
  }

  override text(): Promise<string> {
    const text = this.#take()
    if (text === undefined) return this.#withBody().text()
    return Promise.resolve(text)
  }

  override clone(): Response {
    // An unread body is copied as text, so the clone stays cheap too.
    if (this.#full === undefined && !this.#used) {
      return new TextResponse(this.#text, { status: this.status, statusText: this.statusText, headers: this.headers })
    }
    // Read already: undici's own clone() throws its own error.
    const copy = this.#withBody().clone()
    // A clone must carry the headers this response has now (a middleware may
    // have added some, a session's Set-Cookie).
    return new Response(copy.body, { status: this.status, statusText: this.statusText, headers: this.headers })
  }
}

// ES2024, in every Node routekit supports; the project's lib is ES2023.
type WellFormed = string & { isWellFormed(): boolean }

let encoder: TextEncoder | undefined

function bytesOf(text: string): Uint8Array<ArrayBuffer> {
  return (encoder ??= new TextEncoder()).encode(text) as Uint8Array<ArrayBuffer>
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
