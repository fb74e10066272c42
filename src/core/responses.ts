import { responseWithText } from './known-body.js'
import type { TypedResponse } from './route-types.js'

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
export function json<TData>(data: TData, init?: ResponseInit & { status?: 200 }): TypedResponse<TData, 200>
export function json<TData, TStatus extends number>(data: TData, init: ResponseInit & { status: TStatus }): TypedResponse<TData, TStatus>
export function json(data: unknown, init?: ResponseInit): Response {
  const text = JSON.stringify(data)
  // The common case builds no Headers at all until someone reads them.
  if (init?.headers === undefined) return responseWithText(text, { status: init?.status, statusText: init?.statusText }, plainJson)
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
export function created<TData>(data: TData, location?: string | URL, init?: ResponseInit): TypedResponse<TData, 201> {
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
export function accepted<TData = undefined>(data?: TData, init?: ResponseInit): TypedResponse<TData, 202> {
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
export function noContent(init?: ResponseInit): TypedResponse<undefined, 204> {
  return new Response(null, { ...init, status: 204 })
}
