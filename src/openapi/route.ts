import { checkOptionNames, optionNames } from '../core/options.js'
import { createHandler, type Handler } from '../core/handler.js'
import { cachedBody, conditionalResponse } from './cached-body.js'
import type { OpenApiDocument } from './types.js'

/**
 * A document, or a function building it (called on the first request).
 *
 * @example
 * ```ts
 * openApiRoute(openApiDocument) // built once, at import
 * openApiRoute(async () => generateOpenApi({ info, routes: await loadRoutes() })) // built on the first request
 * ```
 */
export type DocumentSource = OpenApiDocument | (() => OpenApiDocument | Promise<OpenApiDocument>)

/**
 * Options for {@link openApiRoute}.
 *
 * @example
 * ```ts
 * // Only signed-in users read the document, and proxies may cache it for a minute
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(openApiRoute(openApiDocument, { base: signedIn, cacheControl: 'public, max-age=60' }))
 * ```
 */
export interface OpenApiRouteOptions<TCtx extends object> {
  /** The handler to add the GET route to, such as one behind your own auth. Default: a fresh `createHandler()`. */
  base?: Handler<TCtx>
  /** The `Cache-Control` header. Default `no-cache`: clients may keep it, but revalidate with the ETag. */
  cacheControl?: string
}

/** The option names of openApiRoute and openApiReference. */
export const openApiRouteOptionNames = optionNames<OpenApiRouteOptions<{}>>({ base: true, cacheControl: true })

/** The document a source gives, awaited. */
export async function documentOf(source: DocumentSource): Promise<OpenApiDocument> {
  return typeof source === 'function' ? source() : source
}

/**
 * Serves an OpenAPI document as JSON from a route, on either router. The
 * document (or the function building it, possibly async, called on the
 * first request) is serialized once; responses carry a strong ETag, and a
 * matching `If-None-Match` gets a 304 without the body.
 *
 * @example
 * ```ts
 * // app/api/openapi/route.ts
 * const handler = openApiRoute(() => generateOpenApi({ info, routes }))
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(handler)
 * ```
 */
export function openApiRoute<TCtx extends object = {}>(document: DocumentSource, options: OpenApiRouteOptions<TCtx> = {}): Handler<TCtx> {
  checkOptionNames('routekit/openapi: openApiRoute()', options, openApiRouteOptionNames)
  const headers = { 'content-type': 'application/json', 'cache-control': options.cacheControl ?? 'no-cache' }
  const body = cachedBody(async () => JSON.stringify(await documentOf(document)))
  const base = options.base ?? (createHandler() as unknown as Handler<TCtx>)
  return base.get(async ({ req }) => conditionalResponse(req, await body(), headers))
}
