/**
 * A request body a host adapter can hand to routekit's body reader without
 * building a Web `ReadableStream` first. The Pages adapter attaches one to
 * the `Request` it makes over Node's `req`: reading the body straight from
 * Node's stream costs a fraction of a Web stream's per-request setup.
 *
 * The core only sees this interface, never Node's types, so it stays
 * runnable on any Web-standard host. The source is found by a registered
 * symbol rather than a module-level map, so a `Request` made by another copy
 * of routekit (two bundles, ESM next to CJS) is still recognised. A request
 * offers a source only when it has a body.
 */
export interface BodySource {
  /**
   * Hands over the body's chunks; the body counts as used from then on.
   * Returning from the iterator early stops the upload.
   */
  take(): AsyncIterator<Uint8Array>
  /**
   * The whole body at once, when the host holds all of it already (a small
   * body arrives with the headers), taking the body as `take()` does; else
   * `undefined`, leaving it untaken. Saves the reader its promises.
   */
  takeArrived?(): Uint8Array | undefined
}

/** The property under which a `Request` offers its {@link BodySource}. */
export const bodySourceKey: unique symbol = Symbol.for('routekit.body-source')

/**
 * `true` on a request whose body a host's parser already read (Next's
 * Pages Router `bodyParser`): the adapter rebuilt its bytes from the parsed
 * value, so they are not the ones that were sent, and a signature over them
 * cannot be checked.
 */
export const rebuiltBodyKey: unique symbol = Symbol.for('routekit.body-rebuilt')

/**
 * The body source of a request, while its body is still untouched: once
 * anyone has read or materialised the Web body, the request answers
 * `undefined` and readers fall back to `req.body`.
 *
 * @example
 * ```ts
 * const source = bodySourceOf(req)
 * const chunks = source ? source.take() : undefined
 * ```
 */
export function bodySourceOf(req: Request): BodySource | undefined {
  return (req as { [bodySourceKey]?: BodySource })[bodySourceKey]
}
