import { checkOptionNames } from '../core/options.js'
import { createHandler, type Handler } from '../core/handler.js'
import { cachedBody, conditionalResponse } from './cached-body.js'
import { type DocumentSource, documentOf, openApiRouteOptionNames, type OpenApiRouteOptions } from './route.js'

// The renderer loads on the page's first request: an app that imports
// routekit/openapi only for the document does not carry the page in the
// code every importing route loads.
const renderer = () => import('./reference/page.js')

/** The policy allows the page's one inline style by its hash, and nothing else: no script, no request. */
async function contentSecurityPolicy(): Promise<string> {
  const { referenceStyle } = await renderer()
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(referenceStyle)))
  const hash = btoa(String.fromCharCode(...digest))
  return `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`
}

/**
 * Serves a readable reference of an OpenAPI document as one HTML page: a
 * table of contents, every operation with its parameters, body (as tables
 * with types, required marks and an example), responses (shared problem
 * responses followed) and who may call it, then the components, linked.
 * The page is self-contained (no script, no external asset, a strict
 * Content-Security-Policy), so it works offline and behind any firewall,
 * on any runtime; it fits a phone's screen and follows the reader's light
 * or dark setting. For an interactive viewer with "Try it out", see
 * `swaggerUi()` from `routekit/openapi/swagger-ui`.
 *
 * @example
 * ```ts
 * // app/api/reference/route.ts
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(openApiReference(openApiDocument))
 * ```
 */
export function openApiReference<TCtx extends object = {}>(document: DocumentSource, options: OpenApiRouteOptions<TCtx> = {}): Handler<TCtx> {
  checkOptionNames('routekit/openapi: openApiReference()', options, openApiRouteOptionNames)
  const body = cachedBody(async () => (await renderer()).referenceHtml(await documentOf(document)))
  let policy: Promise<string> | undefined
  const base = options.base ?? (createHandler() as unknown as Handler<TCtx>)
  return base.get(async ({ req }) => {
    const headers = {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': options.cacheControl ?? 'no-cache',
      'content-security-policy': await (policy ??= contentSecurityPolicy()),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    }
    return conditionalResponse(req, await body(), headers)
  })
}
