import { responseWithText } from './known-body.js'

/**
 * Small constructors for the responses a handler returns most. A handler may
 * also return a plain value (200 JSON), `undefined` (204) or any `Response`.
 */

const jsonType = 'application/json'

/**
 * A JSON response; status 200 unless `init` says otherwise.
 *
 * @example
 * ```ts
 * return json({ items }, { headers: { 'Cache-Control': 'max-age=60' } })
 * ```
 */
export function json(data: unknown, init?: ResponseInit): Response {
  const text = JSON.stringify(data)
  // The common case skips building a Headers object only for Response to copy it.
  if (init?.headers === undefined) return responseWithText(text, { status: init?.status, statusText: init?.statusText, headers: plainJson })
  const headers = new Headers(init.headers)
  if (!headers.has('content-type')) headers.set('content-type', jsonType)
  return responseWithText(text, { ...init, headers })
}

const plainJson = { 'content-type': jsonType }

/**
 * 201 Created with the new resource as JSON and, when given, its `Location`.
 *
 * @example
 * ```ts
 * const item = await insertItem(body)
 * return created(item, `/api/items/${item.id}`)
 * ```
 */
export function created(data: unknown, location?: string | URL, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers)
  if (location !== undefined) headers.set('location', String(location))
  return json(data, { ...init, status: 201, headers })
}

/**
 * 202 Accepted: the work was queued; the body may say where to poll.
 *
 * @example
 * ```ts
 * return accepted({ job: job.id, status: `/api/jobs/${job.id}` })
 * ```
 */
export function accepted(data?: unknown, init?: ResponseInit): Response {
  if (data === undefined) return new Response(null, { ...init, status: 202 })
  return json(data, { ...init, status: 202 })
}

/**
 * 204 No Content. Returning `undefined` from a handler does the same.
 *
 * @example
 * ```ts
 * await deleteItem(params.id)
 * return noContent()
 * ```
 */
export function noContent(init?: ResponseInit): Response {
  return new Response(null, { ...init, status: 204 })
}
