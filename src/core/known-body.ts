/**
 * A response whose body is text routekit built itself (JSON answers and
 * problems). It is a real `Response` built without a body: undici's body
 * stream costs more than the rest of the response, and the Pages adapter
 * never needs it, since it sends the known text with one `res.end(text)`.
 * Whoever asks for the body through the public API gets it: `text()`,
 * `json()`, `arrayBuffer()` and `bytes()` answer from the text itself, with
 * `bodyUsed` and a second read behaving as undici's; `body` is a byte
 * stream over the text's bytes (as Next's App Router reads it), and
 * `blob()`, `formData()` and `clone()` build undici's body on first use.
 * The header values routekit wrote itself are kept aside until someone
 * reads `headers` (see #own). Only code that reads undici's internal
 * state (`new Request(url, { body: response.body })` is fine, but undici's
 * own `Response.prototype` methods and getters called on it are not) would
 * see no body and none of those headers.
 */
class TextResponse extends Response {
  readonly #text: string
  /** undici's body, once a reader needs undici itself (see #withBody). */
  #full: Response | undefined
  /** Read through one of the direct methods, without a stream. */
  #used = false
  /**
   * The stream `body` handed out, made here rather than by a second undici
   * `Response` (the cost Node 24 showed), and its controller: the bytes are
   * queued from the start, so any read or cancel changes `desiredSize` at
   * once, which is how `bodyUsed` knows the stream was disturbed.
   */
  #stream: ReadableStream<Uint8Array<ArrayBuffer>> | undefined
  #controller: ReadableByteStreamController | undefined
  #size = 0
  /**
   * Header values routekit wrote itself (valid by construction), not yet in
   * undici's `Headers`: appending them costs more than the rest of the
   * response, and the Pages adapter sends them from here, so they are added
   * only when someone reads `headers`.
   */
  #own: OwnHeaders | undefined

  constructor(text: string, init: ResponseInit, own?: OwnHeaders) {
    super(null, init)
    this.#text = text
    this.#own = own
    // Kept aside only when they are all the headers there are (see ownHeadersOf).
    if (own !== undefined && init.headers !== undefined) void this.headers
  }

  override get headers(): Headers {
    const headers = super.headers
    const own = this.#own
    if (own !== undefined) {
      this.#own = undefined
      appendOwn(headers, own)
    }
    return headers
  }

  /** The headers routekit wrote, while nobody has read `headers`: then they are all the response has. */
  static ownHeadersOf(response: Response): OwnHeaders | undefined {
    return #own in response ? response.#own : undefined
  }

  /** The text, while nobody has read or asked for the body. */
  static textOf(response: Response): string | undefined {
    if (!(#text in response) || response.#full !== undefined || response.#stream !== undefined || response.#used) return undefined
    return response.#text
  }

  /** Read, cancelled or partly read: what undici calls disturbed. */
  #disturbed(): boolean {
    return this.#controller!.desiredSize !== -this.#size
  }

  /**
   * undici's body, for the readers that need it (blob(), formData(),
   * clone(), text that UTF-8 changes, every read after `body` was taken),
   * with this response's content type, on which a blob's type and how form
   * data is parsed depend. Only the body: the status and headers are this
   * response's own (`clone()` copies them from here). Read already through
   * a direct method, it is an empty body read too; after `body` it wraps
   * that stream, as undici reads its own; with that stream locked or
   * disturbed, a spent body answers (undici's own errors) and is not kept,
   * so `bodyUsed` still follows the stream.
   */
  #withBody(): Response {
    if (this.#full !== undefined) return this.#full
    const type = this.headers.get('content-type')
    const init = type === null ? undefined : { headers: { 'content-type': type } }
    const stream = this.#stream
    if (stream !== undefined && (stream.locked || this.#disturbed())) return spent()
    if (this.#used) this.#full = spent()
    else this.#full = new Response(stream ?? this.#text, init)
    return this.#full
  }

  /**
   * The text, marked as read, when the body can still be read from it
   * directly: not yet read, no stream taken, and text that survives UTF-8
   * unchanged (a lone surrogate would come back from undici as U+FFFD, and
   * a leading byte order mark would be dropped).
   */
  #take(): string | undefined {
    const text = this.#text
    if (this.#full !== undefined || this.#stream !== undefined || this.#used) return undefined
    if (text.charCodeAt(0) === 0xfeff || !(text as WellFormed).isWellFormed()) return undefined
    this.#used = true
    return text
  }

  override get body(): Response['body'] {
    if (this.#full !== undefined) return this.#full.body
    // Empty text has no bytes to queue, so no way to see a read: undici's.
    if (this.#used || this.#text === '') return this.#withBody().body
    if (this.#stream === undefined) {
      // The bytes undici would stream (lone surrogates as U+FFFD, a byte
      // order mark kept), one chunk, in a byte stream as undici's is.
      const bytes = bytesOf(this.#text)
      this.#size = bytes.byteLength
      this.#stream = new ReadableStream({
        type: 'bytes',
        start: (controller) => {
          this.#controller = controller
          controller.enqueue(bytes)
          controller.close()
        },
      }) as ReadableStream<Uint8Array<ArrayBuffer>>
    }
    return this.#stream
  }

  override get bodyUsed(): boolean {
    if (this.#full !== undefined) return this.#full.bodyUsed
    return this.#used || (this.#stream !== undefined && this.#disturbed())
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    const text = this.#take()
    if (text === undefined) return this.#withBody().arrayBuffer()
    return Promise.resolve(bytesOf(text).buffer)
  }

  override blob(): Promise<Blob> {
    return this.#withBody().blob()
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const text = this.#take()
    if (text === undefined) return this.#withBody().bytes()
    return Promise.resolve(bytesOf(text))
  }

  override formData(): Promise<FormData> {
    return this.#withBody().formData()
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
    // An untouched body is copied as text, so the clone stays cheap too.
    if (this.#full === undefined && this.#stream === undefined && !this.#used) {
      return new TextResponse(this.#text, { status: this.status, statusText: this.statusText, headers: this.headers })
    }
    // Read already: undici's own clone() throws its own error. Otherwise it
    // tees the body, this response keeping one branch.
    const copy = this.#withBody().clone()
    // A clone must carry the headers this response has now (a middleware may
    // have added some, a session's Set-Cookie).
    return new Response(copy.body, { status: this.status, statusText: this.statusText, headers: this.headers })
  }
}

/** A body already read: its readers fail, and clone() throws, as undici's do. */
function spent(): Response {
  const response = new Response('')
  response.arrayBuffer().catch(() => {})
  return response
}

// ES2024, in every Node routekit supports; the project's lib is ES2023.
type WellFormed = string & { isWellFormed(): boolean }

let encoder: TextEncoder | undefined

function bytesOf(text: string): Uint8Array<ArrayBuffer> {
  return (encoder ??= new TextEncoder()).encode(text) as Uint8Array<ArrayBuffer>
}

const nullBodyStatuses = new Set([101, 103, 204, 205, 304])

/** Header names (lower case) and values routekit wrote itself, each valid as it stands. */
export type OwnHeaders = Readonly<Record<string, string>>

/** Adds routekit's own headers after those already there. */
function appendOwn(headers: Headers, own: OwnHeaders): void {
  for (const name of Object.keys(own)) headers.append(name, own[name]!)
}

/**
 * Makes a response whose body text is known without reading its stream.
 * `own` are headers routekit itself wrote, added after `init.headers`
 * when first read (see `ownHeaders`); any other headers go in `init`.
 *
 * @example
 * ```ts
 * const response = responseWithText('{"ok":true}', { status: 200 }, { 'content-type': 'application/json' })
 * ```
 */
export function responseWithText(text: string, init: ResponseInit, own?: OwnHeaders): Response {
  // Fetch refuses a body with these statuses: undici throws its own error, as it always did.
  if (init.status !== undefined && nullBodyStatuses.has(init.status)) {
    const headers = new Headers(init.headers)
    if (own !== undefined) appendOwn(headers, own)
    return new Response(text, { ...init, headers })
  }
  return new TextResponse(text, init, own)
}

/**
 * Every header of a routekit-made response, while nobody has read its
 * `headers`: the Pages adapter then writes them without building undici's.
 * `undefined` for any other response, or once `headers` was read.
 *
 * @example
 * ```ts
 * const head = ownHeaders(response) ?? Object.fromEntries(response.headers)
 * ```
 */
export function ownHeaders(response: Response): OwnHeaders | undefined {
  return TextResponse.ownHeadersOf(response)
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
