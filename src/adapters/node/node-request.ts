import type { ServerResponse } from 'node:http'
import { type BodySource, bodySourceKey, rebuiltBodyKey } from '../../body/body-source.js'
import { type NodeBody, untaken } from './node-body.js'
import type { PagesRequest } from './to-request.js'

/**
 * The Node objects behind a Web Request that the Pages adapter made.
 *
 * @example
 * ```ts
 * const stream = api.get(({ req }) => {
 *   const { res }: PagesContext = getPagesContext(req)!
 *   res.writeHead(200, { 'content-type': 'text/plain' }).end('written by hand')
 * })
 * ```
 */
export interface PagesContext {
  req: PagesRequest
  res: ServerResponse
}

/** What the adapter knows besides the URL, method and headers. */
export interface NodeRequestParts {
  context: PagesContext
  /** The body still in Node's stream; absent when there is none, or Next's parser read it. */
  body?: NodeBody
  /** The signal that aborts when the client leaves, created on first use. */
  signal: () => AbortSignal
}

/**
 * The `Request` the Pages adapter hands to routekit: a real `Request`
 * (`instanceof Request`, its method, URL and headers are undici's own),
 * built without its body. Building undici's body stream costs more than the
 * rest of the request, so it is made only when some code asks for it
 * (`body`, `json()`, `text()`, `clone()` ...); routekit's own body reader
 * skips it altogether and reads Node's stream through {@link BodySource}.
 *
 * The price: what reads undici's internal state instead of these accessors
 * does not see the body. `fetch(req)` and `new Request(req)` send it without
 * one; pass `body: req.body` (with `duplex: 'half'`) explicitly instead.
 *
 * @example
 * ```ts
 * const request = new NodeRequest('http://localhost/api/items', { method: 'POST', headers }, parts)
 * await request.json() // reads Node's stream through a Web stream made now
 * ```
 */
export class NodeRequest extends Request {
  readonly #parts: NodeRequestParts
  /** The same request with its Web body, once someone asks for it. */
  #web: Request | undefined

  constructor(url: string, init: RequestInit, parts: NodeRequestParts) {
    super(url, init)
    this.#parts = parts
  }

  /** The Node objects behind a request this adapter made, or undefined. */
  static contextOf(request: Request): PagesContext | undefined {
    return #parts in request ? request.#parts.context : undefined
  }

  /** Offered to routekit's body reader until the Web body is asked for. */
  get [bodySourceKey](): BodySource | undefined {
    return this.#web === undefined ? untaken(this.#parts.body) : undefined
  }

  /** Whether Next's body parser read the body before the adapter saw it. */
  get [rebuiltBodyKey](): boolean {
    return this.#parts.context.req.body !== undefined
  }

  /** A request with undici's own body over the same bytes; used once there is a lazy body. */
  #withBody(body: NodeBody): Request {
    if (this.#web !== undefined) return this.#web
    const taken = body.taken
    // Read already (through the body source): the Web body must say so too.
    const stream = taken ? new ReadableStream({ start: (controller) => controller.close() }) : body.stream()
    const init: RequestInit & { duplex: 'half' } = { method: this.method, headers: this.headers, body: stream, duplex: 'half' }
    this.#web = new Request(this.url, init)
    if (taken) this.#web.arrayBuffer().catch(() => {})
    return this.#web
  }

  override get signal(): AbortSignal {
    return this.#parts.signal()
  }

  override get body(): Request['body'] {
    const { body } = this.#parts
    return body === undefined ? super.body : this.#withBody(body).body
  }

  override get bodyUsed(): boolean {
    const { body } = this.#parts
    if (body === undefined) return super.bodyUsed
    return this.#web === undefined ? body.taken : this.#web.bodyUsed
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    const { body } = this.#parts
    return body === undefined ? super.arrayBuffer() : this.#withBody(body).arrayBuffer()
  }

  override blob(): Promise<Blob> {
    const { body } = this.#parts
    return body === undefined ? super.blob() : this.#withBody(body).blob()
  }

  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    const { body } = this.#parts
    return body === undefined ? super.bytes() : this.#withBody(body).bytes()
  }

  override formData(): Promise<FormData> {
    const { body } = this.#parts
    return body === undefined ? super.formData() : this.#withBody(body).formData()
  }

  override json(): Promise<any> {
    const { body } = this.#parts
    return body === undefined ? super.json() : this.#withBody(body).json()
  }

  override text(): Promise<string> {
    const { body } = this.#parts
    return body === undefined ? super.text() : this.#withBody(body).text()
  }

  override clone(): Request {
    const { body } = this.#parts
    return body === undefined ? super.clone() : this.#withBody(body).clone()
  }
}
