import type { ServerResponse } from 'node:http'
import { type BodySource, bodySourceOf } from '../../body/body-source.js'
import { HttpError } from '../../core/http-error.js'
import { type RequestHeaders, type RequestSource, requestSourceKey } from '../../core/request-view.js'
import { NodeBody, untaken } from './node-body.js'
import { fallbackUrl, hasBody, type PagesRequest, repeatedSingleton, requestUrl, toWebRequest, unreadableDetail } from './to-request.js'

// What the Fetch API strips from both ends of a header value.
const isHttpWhitespace = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d

/**
 * Node's header record read as the `Headers` of the Request the adapter
 * would build: repeated values joined with `, `, a repeated Authorization or
 * Content-Type restored from the wire (Node keeps the first), values
 * trimmed. Nothing is copied: each read looks at `req.headers`.
 */
class NodeHeaders implements RequestHeaders {
  /** Repeated singletons, looked up once each: `null` when the wire had one or none. */
  #repeated: Partial<Record<'authorization' | 'content-type', string | null>> = {}

  constructor(private readonly req: PagesRequest) {}

  get(name: string): string | null {
    const key = name.toLowerCase()
    const value = this.req.headers[key]
    if (value === undefined) return null
    if (key === 'authorization' || key === 'content-type') {
      const repeated = (this.#repeated[key] ??= repeatedSingleton(this.req, key) ?? null)
      if (repeated !== null) return repeated
    }
    const text = typeof value === 'string' ? value : value.join(', ')
    const last = text.length - 1
    return last >= 0 && (isHttpWhitespace(text.charCodeAt(0)) || isHttpWhitespace(text.charCodeAt(last))) ? text.trim() : text
  }

  has(name: string): boolean {
    return this.req.headers[name.toLowerCase()] !== undefined
  }

  forEach(callback: (value: string, name: string) => void): void {
    // Sorted, and each Set-Cookie on its own, as `Headers` iterates.
    for (const name of Object.keys(this.req.headers).sort()) {
      const value = this.req.headers[name]
      if (value === undefined) continue
      if (name === 'set-cookie' && Array.isArray(value)) for (const item of value) callback(item, name)
      else callback(this.get(name)!, name)
    }
  }
}

/**
 * A Pages Router request as the core reads it (see `RequestSource`): the
 * method, URL and headers straight from Node's `req`, the body from Node's
 * stream, and the Web `Request` (a `NodeRequest` over the same body) built
 * the first time some code reads `req`. Only for a body Next's parser left
 * alone: a parsed one is rebuilt into the Request at once.
 */
export class NodeSource implements RequestSource {
  readonly [requestSourceKey] = true as const
  readonly method: string
  readonly hasBody: boolean
  readonly #headers: NodeHeaders
  readonly #body: NodeBody | undefined
  #request: Request | undefined
  #url: string | undefined

  constructor(
    private readonly req: PagesRequest,
    private readonly res: ServerResponse,
    private readonly signal: () => AbortSignal,
  ) {
    this.method = (req.method ?? 'GET').toUpperCase()
    this.#headers = new NodeHeaders(req)
    // As the Request would have it: GET and HEAD carry none.
    this.hasBody = this.method !== 'GET' && this.method !== 'HEAD' && hasBody(req)
    this.#body = this.hasBody ? new NodeBody(req) : undefined
  }

  /**
   * The same string the Request is built from, on `localhost` when the URL
   * parser refuses its host (as the Request then is), so a CSRF check that
   * parses it cannot fail. Its query reads the same as the parsed URL's:
   * Node refuses what the URL parser would rewrite there (spaces, tabs, line
   * breaks), and what it percent-encodes decodes back to the same values.
   */
  get url(): string {
    if (this.#request !== undefined) return this.#request.url
    if (this.#url === undefined) {
      const url = requestUrl(this.req)
      this.#url = URL.canParse(url) ? url : fallbackUrl(url, this.req)
    }
    return this.#url
  }

  /** Node's record until the Request exists, then its headers (a middleware may have set one). */
  get headers(): RequestHeaders {
    return this.#request === undefined ? this.#headers : this.#request.headers
  }

  bodySource(): BodySource | undefined {
    if (this.#request !== undefined) return bodySourceOf(this.#request)
    return untaken(this.#body)
  }

  request(): Request {
    if (this.#request === undefined) {
      try {
        this.#request = toWebRequest(this.req, this.res, this.signal, this.#body)
      } catch (error) {
        // Built late, the refusal of a request Fetch cannot carry is still the client's 400.
        throw HttpError.badRequest(unreadableDetail, { code: 'bad_request', cause: error })
      }
    }
    return this.#request
  }
}
