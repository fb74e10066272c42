import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { jwt, requireScope } from '../../src/jwt/index.js'
import { generateOpenApi, openApiReference } from '../../src/openapi/index.js'
import { secret } from '../jwt/fixtures.js'
import { routers, send } from '../routers.js'

const Note = z.object({ id: z.int(), text: z.string() }).meta({ id: 'Note' })
const hostile = '<script>alert(1)</script>'
const notes = createHandler()
  .get({ query: z.object({ tag: z.string().meta({ description: `Tag ${hostile}` }) }), responses: { 200: z.array(Note) }, summary: 'List notes' }, () => [])
  .use(jwt({ secret, algorithms: ['HS256'] }))
  .use(requireScope('notes:write'))
  .post({ body: z.object({ text: z.string() }), summary: `Create ${hostile}`, description: 'Line one\n"two" & <three>', deprecated: true }, () => null)
const document = generateOpenApi({ info: { title: `Notes ${hostile}`, version: '1.0.0' }, routes: { '/api/notes': notes } })

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
    // Nothing to load or run: no script, no external reference of any kind.
    expect(page.text).not.toMatch(/<script|<link|<img|<iframe|\ssrc=|url\(|https?:\/\//i)
  })

  it('shows every operation with its parameters, body, responses and security', async () => {
    const { text } = await send(router, openApiReference(document))
    expect(text).toContain('<span class="m">get</span> <code>/api/notes</code> List notes')
    expect(text).toContain('<span class="m">post</span>')
    expect(text).toContain('<code>tag</code></td><td>query</td><td>required</td>')
    expect(text).toContain('Security: bearerAuth (notes:write)')
    expect(text).toContain('class="deprecated"')
    expect(text).toContain('<a href="#schemas-Note">#/components/schemas/Note</a>')
    expect(text).toContain('<details id="schemas-Note">')
    expect(text).toContain('<a href="#responses-UnprocessableContent">')
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
