import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { jwt, requireScope } from '../../src/jwt/index.js'
import { generateOpenApi, openApiReference, type OpenApiDocument } from '../../src/openapi/index.js'
import { secret } from '../jwt/fixtures.js'
import { routers, send } from '../routers.js'

const Note = z.object({ id: z.int(), text: z.string().meta({ examples: ['Buy milk'] }), author: z.object({ name: z.string() }) }).meta({ id: 'Note' })
const hostile = '<script>alert(1)</script>'
const notes = createHandler()
  .get({ query: z.object({ tag: z.string().max(20).meta({ description: `Tag ${hostile}` }) }), responses: { 200: z.array(Note) }, summary: 'List notes' }, () => [])
  .use(jwt({ secret, algorithms: ['HS256'] }))
  .use(requireScope('notes:write'))
  .post({ body: z.object({ text: z.string().min(1).max(500) }), summary: `Create ${hostile}`, description: 'Line one\n"two" & <three>', deprecated: true }, () => null)
const document = generateOpenApi({ info: { title: `Notes ${hostile}`, version: '1.0.0' }, routes: { '/api/notes': notes } })

/** The page's ids, and the fragments its links point to. */
function anchors(html: string) {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!)
  const links = [...html.matchAll(/href="#([^"]+)"/g)].map((match) => match[1]!)
  return { ids, links }
}

describe.each(routers)('openApiReference() (%s router)', (router) => {
  it('serves one self-contained HTML page under a strict Content-Security-Policy', async () => {
    const page = await send(router, openApiReference(document), { path: '/api/reference' })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    const policy = page.headers.get('content-security-policy')!
    expect(policy).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/)
    // The one inline style is the one the policy allows, by its hash.
    const styles = [...page.text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]!)
    expect(styles).toHaveLength(1)
    expect(policy).toContain(`'sha256-${createHash('sha256').update(styles[0]!).digest('base64')}'`)
    // Nothing to load or run: no script, no external reference, no inline style attribute the policy would block.
    expect(page.text).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|\sstyle=|url\(|https?:\/\//i)
  })

  it('has a table of contents whose every link lands on an element of the page', async () => {
    const { text } = await send(router, openApiReference(document))
    expect(text).toMatch(/<nav aria-labelledby="toc"><h2 id="toc">Contents<\/h2>/)
    const { ids, links } = anchors(text)
    expect(new Set(ids).size).toBe(ids.length)
    for (const link of links) expect(ids).toContain(link)
    expect(links).toEqual(expect.arrayContaining(['op-get-_2fapi_2fnotes', 'op-post-_2fapi_2fnotes', 'schemas-Note', 'schemas-Problem', 'securitySchemes-bearerAuth']))
    // Nothing is hidden behind a closed <details> a link could jump into.
    expect(text).not.toContain('<details')
  })

  it('shows parameters and schemas as tables with types, required marks, constraints and examples', async () => {
    const { text } = await send(router, openApiReference(document))
    expect(text).toContain('<thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead>')
    expect(text).toContain('<td><code class="name">tag</code> <span class="req">required</span></td><td>query</td><td class="t">string</td>')
    expect(text).toContain('at most 20 characters')
    expect(text).toContain('1 to 500 characters')
    // Nested inline objects get their own rows; named schemas are links.
    expect(text).toContain('<code class="name">author.name</code>')
    expect(text).toContain('array of <a href="#schemas-Note"><code>Note</code></a>')
    expect(text).toContain('example <code>&quot;Buy milk&quot;</code>')
    expect(text).toContain('&quot;text&quot;: &quot;Buy milk&quot;')
    // No empty header cells, no JSON Schema dumps.
    expect(text).not.toMatch(/<th[^>]*>\s*<\/th>/)
    expect(text).not.toContain('&quot;type&quot;: &quot;object&quot;')
  })

  it('says who may call each operation and what each response is', async () => {
    const { text } = await send(router, openApiReference(document))
    expect(text).toContain('<span class="m m-get">GET</span> <code class="path">/api/notes</code>')
    expect(text).toContain('<p class="summary">List notes</p>')
    expect(text).toContain('<a href="#securitySchemes-bearerAuth">bearerAuth</a> (HTTP bearer (JWT)) with scope <code>notes:write</code>')
    expect(text).toContain('<span class="dep">Deprecated</span>')
    // A shared problem response is followed: its status, phrase, description and problem+json body.
    expect(text).toMatch(/<span class="s s4">422<\/span> Unprocessable Content<\/p><p>The body is well-formed but fails its schema/)
    // (with the status pinned once the generator writes it so)
    expect(text).toMatch(/<code class="mt">application\/problem\+json<\/code>: <span class="t"><a href="#schemas-Problem"><code>Problem<\/code><\/a>( with <code>status<\/code> <code>422<\/code>)?<\/span>/)
  })

  it('escapes everything the document says', async () => {
    const { text } = await send(router, openApiReference(document))
    expect(text).not.toContain(hostile)
    expect(text).toContain('Create &lt;script&gt;alert(1)&lt;/script&gt;')
    expect(text).toContain('<title>Notes &lt;script&gt;alert(1)&lt;/script&gt;</title>')
    expect(text).toContain('Line one\n&quot;two&quot; &amp; &lt;three&gt;')
  })

  it('answers a client that has the page with 304', async () => {
    const handler = openApiReference(() => document)
    const first = await send(router, handler)
    const again = await send(router, handler, { headers: { 'if-none-match': first.headers.get('etag')! } })
    expect(again.status).toBe(304)
    expect(again.text).toBe('')
    expect(again.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'))
  })
})

describe('openApiReference() with problem responses declared by hand', () => {
  // The shape routekit writes for a route's declared problems: a shared
  // response whose problem+json body pins the Problem schema's status.
  const declared: OpenApiDocument = {
    openapi: '3.1.1',
    info: { title: 'Shop', version: '2' },
    servers: [{ url: '/' }],
    paths: {
      '/api/orders/{id}': {
        get: {
          operationId: 'getOrder',
          security: [],
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', exclusiveMinimum: 0 } }],
          responses: {
            '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] } } } },
            '404': { $ref: '#/components/responses/NotFound' },
            '429': {
              description: 'Too many requests from this client.',
              headers: { 'Retry-After': { description: 'Seconds until a retry may succeed.', schema: { type: 'integer', minimum: 0 } } },
              content: { 'application/problem+json': { schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { properties: { status: { const: 429 } } }] } } },
            },
          },
        },
      },
    },
    components: {
      schemas: { Problem: { type: 'object', properties: { status: { type: 'integer' }, title: { type: 'string' } }, required: ['status'] } },
      responses: {
        NotFound: {
          description: 'No order has this id.',
          content: { 'application/problem+json': { schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { status: { const: 404 } } }] } } },
        },
      },
    },
  }

  it('describes each problem with its status, description, headers and pinned status', async () => {
    const { text } = await send('app', openApiReference(declared))
    expect(text).toContain('<span class="s s4">404</span> Not Found</p><p>No order has this id.</p>')
    expect(text).toContain('<a href="#schemas-Problem"><code>Problem</code></a> with <code>status</code> <code>404</code>')
    expect(text).toContain('with <code>status</code> <code>429</code>')
    expect(text).toContain('<caption>Headers</caption>')
    expect(text).toContain('<code class="name">Retry-After</code></td><td class="t">integer</td><td><p>Seconds until a retry may succeed.</p><p class="c">≥ 0</p>')
    expect(text).toContain('<b>Authentication:</b> none, public.')
    expect(text).toContain('Server: <code>/</code>')
    // An inline response body gets its table in place.
    expect(text).toMatch(/<code class="mt">application\/json<\/code><\/p><table>.*<code class="name">id<\/code> <span class="req">required<\/span>/)
    expect(text).toContain('<p class="c">&gt; 0</p>')
    const { ids, links } = anchors(text)
    for (const link of links) expect(ids).toContain(link)
  })
})
