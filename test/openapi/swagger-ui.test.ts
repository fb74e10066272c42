import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createHandler } from '../../src/index.js'
import { generateOpenApi } from '../../src/openapi/index.js'
import { swaggerUi } from '../../src/openapi/swagger-ui/index.js'
import { routers, send } from '../routers.js'

const dist = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'))
const version = JSON.parse(readFileSync(`${dist}/package.json`, 'utf8')).version as string
const hostile = '</script><script>alert(1)</script>'
const document = generateOpenApi({ info: { title: `Shop ${hostile}`, version: '1' }, routes: { '/api/items': createHandler().get(() => []) } })

describe.each(routers)('swaggerUi() (%s router)', (router) => {
  it('serves a page whose scripts run only with a fresh nonce, from this origin only', async () => {
    const handler = swaggerUi(document)
    const page = await send(router, handler, { path: '/api/docs' })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('cache-control')).toBe('no-store')
    const policy = page.headers.get('content-security-policy')!
    const nonce = /script-src 'nonce-([A-Za-z0-9+/]+=*)'/.exec(policy)![1]!
    expect(policy).toBe(
      `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
    )
    expect(policy).not.toMatch(/unsafe|https?:|\*/)
    // Every script element carries the nonce, but the JSON options block, which never runs.
    const scripts = [...page.text.matchAll(/<script([^>]*)>/g)].map((match) => match[1]!)
    expect(scripts).toEqual([
      ' type="application/json" id="swagger-ui-options"',
      ` src="/api/docs/swagger-ui-bundle.js?v=${version}" nonce="${nonce}"`,
      ` src="/api/docs/routekit-swagger-ui.js?v=${version}" nonce="${nonce}"`,
    ])
    expect(page.text).toContain(`<link rel="stylesheet" href="/api/docs/swagger-ui.css?v=${version}">`)
    expect(page.text).not.toMatch(/https?:\/\//)
    const again = await send(router, handler, { path: '/api/docs/' })
    expect(again.headers.get('content-security-policy')).not.toContain(nonce)
    expect(again.text).toContain('src="/api/docs/swagger-ui-bundle.js')
  })

  it('passes the options as JSON that cannot close its script block', async () => {
    const page = await send(router, swaggerUi(document, { config: { docExpansion: 'none' } }), { path: '/api/docs' })
    const json = /<script type="application\/json" id="swagger-ui-options">(.*?)<\/script>/.exec(page.text)![1]!
    expect(JSON.parse(json)).toEqual({ validatorUrl: null, deepLinking: true, docExpansion: 'none', url: '/api/docs/openapi.json' })
    expect(page.text).not.toContain(hostile)
    expect(page.text).toContain('<title>Shop &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>')
  })

  it('serves Swagger UI’s own files from swagger-ui-dist, for good, with ETags', async () => {
    const handler = swaggerUi(document)
    const bundle = await send(router, handler, { path: `/api/docs/swagger-ui-bundle.js?v=${version}` })
    expect(bundle.status).toBe(200)
    expect(bundle.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(createHash('sha256').update(bundle.text).digest('hex')).toBe(createHash('sha256').update(readFileSync(`${dist}/swagger-ui-bundle.js`, 'utf8')).digest('hex'))
    const css = await send(router, handler, { path: '/api/docs/swagger-ui.css' })
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
    const cached = await send(router, handler, { path: '/api/docs/swagger-ui.css', headers: { 'if-none-match': css.headers.get('etag')! } })
    expect(cached.status).toBe(304)
    const starter = await send(router, handler, { path: '/api/docs/routekit-swagger-ui.js' })
    expect(starter.text).toContain('SwaggerUIBundle(options)')
    // Names an object has by inheritance are no asset files: a deep link to the page, not a 500.
    for (const name of ['constructor', 'toString', 'hasOwnProperty']) {
      const answer = await send(router, handler, { path: `/api/docs/${name}` })
      expect([answer.status, answer.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
    }
  })

  it('serves the document it was given, or points at a URL', async () => {
    const served = await send(router, swaggerUi(() => document), { path: '/api/docs/openapi.json' })
    expect(JSON.parse(served.text)).toEqual(document)
    const pointed = swaggerUi('/api/openapi')
    const page = await send(router, pointed, { path: '/api/docs' })
    expect(page.text).toContain('&quot;url&quot;:&quot;/api/openapi&quot;'.replace(/&quot;/g, '"'))
    expect(page.text).toContain('<title>API reference</title>')
    expect((await send(router, pointed, { path: '/api/docs/openapi.json' })).status).toBe(404)
    expect((await send(router, pointed, { path: '/api/docs/package.json' })).status).toBe(404)
    expect((await send(router, pointed, { path: '/api/docs/..%2Fpackage.json' })).status).toBe(404)
  })
})

describe('swaggerUi() configuration', () => {
  it('refuses unknown options and says how to install a missing swagger-ui-dist', async () => {
    expect(() => swaggerUi(document, { cdn: 'x' } as never)).toThrow(/unknown option "cdn"|cdn/)
    const missing = await send('app', swaggerUi(document, { dist: '/nonexistent/swagger-ui-dist' }), { path: '/api/docs' })
    expect(missing.status).toBe(500)
  })
})
