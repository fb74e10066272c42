import { escape } from '../reference/html.js'

// The page that starts Swagger UI. Every script carries the request's nonce,
// the only way the Content-Security-Policy lets a script run; the options
// travel in a JSON block (data, never executed) so the starter script is a
// fixed file and nothing inline runs.

/** The script that starts Swagger UI from the page's JSON options; served as a file. */
export const starterScript = [
  '// routekit: starts Swagger UI with the options in #swagger-ui-options.',
  '(function () {',
  "  var options = JSON.parse(document.getElementById('swagger-ui-options').textContent)",
  "  options.dom_id = '#swagger-ui'",
  '  options.presets = [SwaggerUIBundle.presets.apis]',
  "  options.layout = 'BaseLayout'",
  '  window.ui = SwaggerUIBundle(options)',
  '})()',
  '',
].join('\n')

/** JSON that cannot end its `<script>` block early, whatever strings it holds. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
}

/** What the page needs to know, per request. */
export interface SwaggerUiPage {
  title: string
  /** The path assets are served under, without a trailing slash. */
  base: string
  version: string
  nonce: string
  options: Record<string, unknown>
}

/**
 * The HTML page: Swagger UI's stylesheet and bundle from this route, then
 * the starter script, each allowed by the nonce.
 *
 * @example
 * ```ts
 * swaggerUiHtml({ title: 'API', base: '/api/docs', version: '5.35.0', nonce, options: { url: '/api/openapi' } })
 * ```
 */
export function swaggerUiHtml(page: SwaggerUiPage): string {
  const asset = (name: string) => `${escape(page.base)}/${name}?v=${encodeURIComponent(page.version)}`
  const nonce = escape(page.nonce)
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escape(page.title)}</title>`,
    // An empty icon, so the browser does not ask the app for a /favicon.ico it may not have.
    '<link rel="icon" href="data:,">',
    `<link rel="stylesheet" href="${asset('swagger-ui.css')}">`,
    '</head><body><main id="swagger-ui"></main>',
    `<script type="application/json" id="swagger-ui-options">${scriptJson(page.options)}</script>`,
    `<script src="${asset('swagger-ui-bundle.js')}" nonce="${nonce}"></script>`,
    `<script src="${asset('routekit-swagger-ui.js')}" nonce="${nonce}"></script>`,
    '</body></html>',
  ].join('')
}

/**
 * The page's policy: scripts only with this request's nonce, styles and
 * images only from this origin (Swagger UI's icons are `data:` SVGs),
 * requests only to this origin (the document and "Try it out").
 *
 * @example
 * ```ts
 * headers.set('content-security-policy', swaggerUiPolicy(nonce))
 * ```
 */
export function swaggerUiPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}
