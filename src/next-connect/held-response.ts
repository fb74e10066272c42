import type { OutgoingHttpHeaders, ServerResponse } from 'node:http'
import { discardBody, setResponseHeaders } from '../adapters/node/write-response.js'

type Written = 'writeHead' | 'write' | 'end' | 'flushHeaders'
type Mode = 'holding' | 'passing' | 'swallowing'

function callbackOf(args: unknown[]): (() => void) | undefined {
  const last = args.at(-1)
  return typeof last === 'function' ? (last as () => void) : undefined
}

/** The getter `res` has for `name` now (its own, if an outer step put one there, or Node's). */
function currentGetter(res: ServerResponse, name: 'headersSent' | 'writableEnded'): () => boolean {
  for (let object: object | null = res; object !== null; object = Object.getPrototypeOf(object)) {
    const getter = Object.getOwnPropertyDescriptor(object, name)?.get
    if (getter) return getter as () => boolean
  }
  return () => false
}

function webHeaders(headers: OutgoingHttpHeaders): Headers {
  const result = new Headers()
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    try {
      for (const item of Array.isArray(value) ? value : [value]) result.append(name, String(item))
    } catch {
      // Node accepted it, Fetch does not: the middleware simply does not see it.
    }
  }
  return result
}

/**
 * Holds back what next-connect handlers write to Node's `res` while a
 * routekit middleware's code after `await next()` runs, so it can still add
 * headers (a session's `Set-Cookie`) or answer differently (an error).
 *
 * Node handlers write to `res` rather than returning a Response, so the
 * middleware's `next()` resolves at their first write (or when they finish
 * without one) with a Response of their status and headers and no body.
 * Their writes are recorded meanwhile and replayed, in order, once the
 * middleware is done; a write never waits on the middleware, so nothing can
 * deadlock on back-pressure.
 */
export class HeldResponse {
  readonly #res: ServerResponse
  readonly #original: Pick<ServerResponse, Written>
  #mode: Mode = 'holding'
  #calls: { method: Written; args: unknown[] }[] = []
  /** What the handlers did while held, as Node's `headersSent` and `writableEnded` would tell them. */
  #headersHeld = false
  #endHeld = false
  #wrote!: () => void
  /** Resolves at the first write, `writeHead` or `flushHeaders`. */
  readonly firstWrite: Promise<void>
  #passed: { response: Response; before: Headers } | undefined

  constructor(res: ServerResponse) {
    this.#res = res
    this.#original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders }
    this.firstWrite = new Promise((resolve) => (this.#wrote = resolve))
    const self = this
    // Own properties on this one response; Node's own `end()` reaches
    // `writeHead` through `this`, so it passes through here too.
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      if (self.#mode === 'passing') return (self.#original.writeHead as Function).apply(res, args)
      if (self.#mode === 'holding') self.#holdWriteHead(args)
      return res
    } as ServerResponse['writeHead']
    res.write = function (...args: unknown[]) {
      if (self.#mode === 'passing') return (self.#original.write as Function).apply(res, args)
      return self.#divert('write', args, true)
    } as ServerResponse['write']
    res.end = function (...args: unknown[]) {
      if (self.#mode === 'passing') return (self.#original.end as Function).apply(res, args)
      return self.#divert('end', args, res)
    } as ServerResponse['end']
    res.flushHeaders = function () {
      if (self.#mode === 'passing') return self.#original.flushHeaders.call(res)
      self.#divert('flushHeaders', [], undefined)
    }
    // A handler that has written sees its headers as sent, as it would
    // without routekit; otherwise the usual `if (!res.headersSent)` guard
    // in its error path answers a second time while the first is held.
    const headersSent = currentGetter(res, 'headersSent')
    const writableEnded = currentGetter(res, 'writableEnded')
    Object.defineProperty(res, 'headersSent', {
      configurable: true,
      get: () => (self.#mode === 'holding' && self.#headersHeld) || headersSent.call(res),
    })
    Object.defineProperty(res, 'writableEnded', {
      configurable: true,
      get: () => (self.#mode === 'holding' && self.#endHeld) || writableEnded.call(res),
    })
  }

  #divert<T>(method: Written, args: unknown[], result: T): T {
    if (this.#mode === 'holding') {
      // Node fixes the status at the first write; a later `res.statusCode =` must not change it.
      if (!this.#headersHeld) this.#calls.push({ method: 'writeHead', args: [this.#res.statusCode] })
      this.#headersHeld = true
      if (method === 'end') this.#endHeld = true
      this.#calls.push({ method, args })
      this.#wrote()
    } else {
      // Swallowed because routekit answered instead: callbacks still run,
      // so code awaiting them does not hang.
      const callback = callbackOf(args)
      if (callback) queueMicrotask(callback)
    }
    return result
  }

  /** Applies `writeHead`'s status and headers now, so the middleware sees them. */
  #holdWriteHead(args: unknown[]): void {
    const res = this.#res
    const [status, reasonOrHeaders, maybeHeaders] = args
    res.statusCode = Number(status)
    if (typeof reasonOrHeaders === 'string') res.statusMessage = reasonOrHeaders
    const headers = typeof reasonOrHeaders === 'string' ? maybeHeaders : reasonOrHeaders
    if (Array.isArray(headers)) {
      // A raw list may repeat a name (two Set-Cookie): each value is kept, as Node sends them.
      const values = new Map<string, string[]>()
      for (let i = 0; i + 1 < headers.length; i += 2) {
        const name = String(headers[i]).toLowerCase()
        values.set(name, [...(values.get(name) ?? []), String(headers[i + 1])])
      }
      for (const [name, list] of values) res.setHeader(name, list.length === 1 ? list[0]! : list)
    } else if (typeof headers === 'object' && headers !== null) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(name, value as string)
    }
    this.#calls.push({ method: 'writeHead', args: [res.statusCode] })
    this.#headersHeld = true
    this.#wrote()
  }

  /** What the middleware's `next()` resolves to: the handlers' status and headers so far. */
  passedOn(): Response {
    const res = this.#res
    const status = res.statusCode >= 200 && res.statusCode <= 599 ? res.statusCode : 200
    const response = new Response(null, { status, headers: webHeaders(res.getHeaders()) })
    this.#passed = { response, before: new Headers(response.headers) }
    return response
  }

  /** Whether the middleware passed the handlers' answer on (its headers possibly changed). */
  isPassedOn(response: Response): boolean {
    return this.#passed?.response === response
  }

  /** Lets the handlers' answer through, with the header changes the middleware made. */
  release(): void {
    if (this.#mode !== 'holding') return
    const res = this.#res
    if (this.#passed) {
      const { before, response } = this.#passed
      const after = response.headers
      for (const name of new Set([...before.keys(), ...after.keys()])) {
        if (name === 'set-cookie') {
          const cookies = after.getSetCookie()
          if (cookies.join('\n') === before.getSetCookie().join('\n')) continue
          if (cookies.length > 0) res.setHeader(name, cookies)
          else res.removeHeader(name)
          continue
        }
        const value = after.get(name)
        if (value === null) res.removeHeader(name)
        else if (value !== before.get(name)) res.setHeader(name, value)
      }
    }
    this.#mode = 'passing'
    const calls = this.#calls
    this.#calls = []
    for (const { method, args } of calls) (this.#original[method] as Function).apply(res, args)
  }

  /** Sends routekit's answer instead of the handlers'; what they write afterwards is dropped. */
  async replace(response: Response): Promise<void> {
    if (this.#mode !== 'holding') {
      discardBody(response)
      return
    }
    this.#mode = 'swallowing'
    this.#calls = []
    const res = this.#res
    const body = response.body === null ? undefined : new Uint8Array(await response.arrayBuffer())
    if (res.headersSent || res.destroyed) return
    for (const name of res.getHeaderNames()) res.removeHeader(name)
    setResponseHeaders(res, response.headers)
    res.statusCode = response.status
    res.statusMessage = '' // the handlers' reason phrase would not fit routekit's status
    ;(this.#original.writeHead as Function).call(res, response.status)
    ;(this.#original.end as Function).call(res, body)
  }
}
