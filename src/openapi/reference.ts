import { checkOptionNames } from '../core/options.js'
import { createHandler, type Handler } from '../core/handler.js'
import { cachedBody, conditionalResponse } from './cached-body.js'
import { referenceHtml } from './reference/page.js'
import { referenceStyle } from './reference/style.js'
import { type DocumentSource, documentOf, openApiRouteOptionNames, type OpenApiRouteOptions } from './route.js'

/** The policy allows the page's one inline style by its hash, and nothing else: no script, no request. */
async function contentSecurityPolicy(): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(referenceStyle)))
  const hash = btoa(String.fromCharCode(...digest))
  return `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`
}

/**
 * Serves a readable reference of an OpenAPI document as one HTML page:
 * every operation with its parameters, body, responses and security, and
 * the components, linked. The page is self-contained (no script, no
 * external asset, a strict Content-Security-Policy), so it works offline
 * and behind any firewall; for a richer viewer, point Swagger UI or Scalar
 * at {@link openApiRoute}'s JSON.
 *
 * @example
 * ```ts
 * // app/api/reference/route.ts
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(openApiReference(openApiDocument))
 * ```
 */
export function openApiReference<TCtx extends object = {}>(document: DocumentSource, options: OpenApiRouteOptions<TCtx> = {}): Handler<TCtx> {
  checkOptionNames('routekit/openapi: openApiReference()', options, openApiRouteOptionNames)
  const body = cachedBody(async () => referenceHtml(await documentOf(document)))
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
