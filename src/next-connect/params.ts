import { type AppRouteContext, routeContextParams } from '../adapters/app/route-context.js'
import { separateParams } from '../adapters/node/params.js'
import { HttpError } from '../core/http-error.js'
import type { PagesRequest } from '../adapters/node/to-request.js'
import type { RawParams } from '../core/types.js'

type LooseParams = Record<string, string | string[] | undefined>

function decoded(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    // Kept as sent, `%E0` would be the same id as a correctly escaped
    // `%25E0`; Next answers such a segment 400 before a route runs, too.
    throw HttpError.badRequest('A path segment is not valid percent-encoding.', { code: 'bad_request' })
  }
}

/**
 * next-connect matches its patterns (`/api/items/:id`) against the raw path,
 * so its params are still percent-encoded; Next's own segments are decoded.
 * routekit decodes next-connect's too, so `params` means the same on every
 * router; a malformed escape throws a 400 `HttpError`.
 */
function addMatched(params: RawParams, matched: unknown): RawParams {
  if (typeof matched !== 'object' || matched === null) return params
  for (const [name, value] of Object.entries(matched as LooseParams)) {
    if (typeof value === 'string') params[name] = decoded(value)
    else if (Array.isArray(value)) params[name] = value.map(decoded)
  }
  return params
}

/** Next's dynamic segments (from `req.query`), then next-connect's matches on `req.params`. */
export function nodeParams(req: PagesRequest & { params?: unknown }): RawParams {
  return addMatched(separateParams(req.query, req.url ?? ''), req.params)
}

/** Next's route context `params` (a Promise since Next 15), then next-connect's matches on `req.params`. */
export async function edgeParams(req: Request & { params?: unknown }, ctx: unknown): Promise<RawParams> {
  const context = typeof ctx === 'object' && ctx !== null ? (ctx as AppRouteContext) : undefined
  return addMatched(await routeContextParams(context), req.params)
}
