// routekit/openapi/swagger-ui: Swagger UI, installed from npm
// (swagger-ui-dist, an optional peer dependency) and served by the route
// itself under a strict Content-Security-Policy. A separate entry, because
// it reads files (Node runtime) and because routekit/openapi should not
// grow for apps that only want the document or the no-script page.
import { checkOptionNames, optionNames } from '../../core/options.js'
import { createHandler, type Handler } from '../../core/handler.js'
import { HttpError } from '../../core/http-error.js'
import { cachedBody, conditionalResponse } from '../cached-body.js'
import { type DocumentSource, documentOf } from '../route.js'
import { assetFiles, type AssetName, swaggerUiAssets } from './assets.js'
import { starterScript, swaggerUiHtml, swaggerUiPolicy } from './page.js'

/**
 * Options for {@link swaggerUi}.
 *
 * @example
 * ```ts
 * swaggerUi('/api/openapi', { base: signedIn, title: 'Notes API', config: { docExpansion: 'none', tryItOutEnabled: true } })
 * ```
 */
export interface SwaggerUiOptions<TCtx extends object> {
  /** The handler to add the GET route to, such as one behind your own auth. Default: a fresh `createHandler()`. */
  base?: Handler<TCtx>
  /** The page's title. Default: the document's `info.title`, or "API reference" when given a URL. */
  title?: string
  /** More Swagger UI options, as JSON (`{ docExpansion: 'none', tryItOutEnabled: true }`); functions cannot be passed. */
  config?: Record<string, unknown>
  /** The swagger-ui-dist folder. Default: the one the app installs, resolved from the working directory. */
  dist?: string
}

const swaggerUiOptionNames = optionNames<SwaggerUiOptions<{}>>({ base: true, title: true, config: true, dist: true })
const starter = cachedBody(() => starterScript)
// Asset URLs carry the swagger-ui-dist version, so a cached copy is never stale.
const immutable = 'public, max-age=31536000, immutable'

/** A fresh random nonce per page, as the CSP specification asks (128 bits, base64). */
function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))))
}

/**
 * Serves Swagger UI for a document: the page, Swagger UI's own files from
 * the installed `swagger-ui-dist` (nothing from a CDN), and the document
 * itself when given one (at `<route>/openapi.json`; or pass the URL of your
 * `openApiRoute()`). Mount it on a catch-all route, so the files are
 * served below the page's path, on the Node.js runtime (it reads files).
 *
 * The page runs only scripts carrying a fresh nonce, loads styles and
 * images only from its own origin and talks to no other: its
 * Content-Security-Policy has no `'unsafe-inline'` and no external source.
 * Swagger UI's validator badge is off, since it would call out.
 *
 * @example
 * ```ts
 * // app/api/docs/[[...asset]]/route.ts
 * import { toAppRoute } from 'routekit/app'
 * import { swaggerUi } from 'routekit/openapi/swagger-ui'
 * import { openApiDocument } from '../../../../lib/openapi'
 *
 * export const runtime = 'nodejs'
 * export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(swaggerUi(openApiDocument))
 * ```
 */
export function swaggerUi<TCtx extends object = {}>(document: DocumentSource | string, options: SwaggerUiOptions<TCtx> = {}): Handler<TCtx> {
  checkOptionNames('routekit/openapi/swagger-ui: swaggerUi()', options, swaggerUiOptionNames)
  const assets = swaggerUiAssets(options.dist)
  const served = typeof document === 'string' ? undefined : cachedBody(async () => JSON.stringify(await documentOf(document)))
  const title = async () => options.title ?? (typeof document === 'string' ? 'API reference' : (await documentOf(document)).info.title)
  const base = options.base ?? (createHandler() as unknown as Handler<TCtx>)
  return base.get(async ({ req }) => {
    const path = new URL(req.url).pathname
    const name = path.slice(path.lastIndexOf('/') + 1)
    if (Object.hasOwn(assetFiles, name)) {
      return conditionalResponse(req, await assets.file(name as AssetName), { 'content-type': assetFiles[name as AssetName], 'cache-control': immutable })
    }
    if (name === 'routekit-swagger-ui.js') return conditionalResponse(req, await starter(), { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': immutable })
    if (name === 'openapi.json' && served) return conditionalResponse(req, await served(), { 'content-type': 'application/json', 'cache-control': 'no-cache' })
    if (name.includes('.')) throw HttpError.notFound(`No file ${name} here.`)
    const pageBase = path.replace(/\/+$/, '')
    const nonce = newNonce()
    const config = { validatorUrl: null, deepLinking: true, ...options.config, url: typeof document === 'string' ? document : `${pageBase}/openapi.json` }
    const html = swaggerUiHtml({ title: await title(), base: pageBase, version: await assets.version(), nonce, options: config })
    return new Response(html, {
      headers: {
        'content-type': 'text/html; charset=utf-8',
        // A nonce is good for one response only: never cached, never shared.
        'cache-control': 'no-store',
        'content-security-policy': swaggerUiPolicy(nonce),
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
    })
  })
}
