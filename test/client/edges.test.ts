import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ClientError, createClient } from '../../src/client/index.js'
import { createHandler, json } from '../../src/index.js'
import { routesFetch } from '../../src/testing/index.js'

// The edges a second reading found: dot segments, a base path, init headers,
// bodies fetch must name itself, error bodies that are no problem, and
// routesFetch ranking paths the way Next does.
const api = createHandler()
const echo = api.post(({ req }) => ({ url: new URL(req.url).pathname, type: req.headers.get('content-type'), trace: req.headers.get('x-trace'), from: req.headers.get('x-from') }))
const bytes = api.post({ body: z.instanceof(Uint8Array), accepts: ['bytes'] }, ({ body }) => ({ length: body.length }))
const form = api.post({ body: z.object({ text: z.string() }), accepts: ['form'] }, ({ body }) => body)
const item = api.get(({ params }) => ({ route: 'item', params }))
const shopNew = api.get(() => ({ route: 'shop/new' }))
const categoryNew = api.get(({ params }) => ({ route: 'category/new', params }))
const optional = api.get(({ params }) => ({ route: 'optional', params }))
const routes = {
  '/api/echo/[id]': echo,
  '/api/bytes': bytes,
  '/api/form': form,
  '/[category]/new': categoryNew,
  '/shop/[id]': item,
  '/shop/new': shopNew,
  '/api/[[...slug]]': optional,
  '/api/[id]': item,
}
const fetchRoutes = routesFetch(routes)
const client = createClient<typeof routes>({ baseUrl: 'http://localhost', fetch: fetchRoutes })

describe('routekit/client at the edges', () => {
  it("refuses '', '.' and '..' as a segment instead of calling another route", async () => {
    for (const id of ['', '.', '..']) await expect(client('/api/echo/[id]').post({ params: { id } })).rejects.toThrow('may not be')
    await expect(client('/api/[[...slug]]').get({ params: { slug: ['a', '..'] } })).rejects.toThrow('may not be')
  })

  it('keeps a base path, and merges init headers under the headers options', async () => {
    let seen = ''
    const prefixed = createClient<typeof routes>({ baseUrl: 'http://localhost/shop-app/', fetch: async (input) => ((seen = String(input)), new Response(null, { status: 204 })) })
    await prefixed('/api/echo/[id]').post({ params: { id: 'x' } })
    expect(seen).toBe('http://localhost/shop-app/api/echo/x')
    const layered = createClient<typeof routes>({ baseUrl: 'http://localhost', fetch: fetchRoutes, init: { headers: { 'x-trace': 'client-init', 'x-from': 'client-init' } }, headers: { 'x-trace': 'client' } })
    const answer = await layered('/api/echo/[id]').post({ params: { id: 'x' }, init: { headers: { 'x-from': 'call-init' } } })
    expect(answer.ok && answer.data).toMatchObject({ trace: 'client', from: 'call-init' })
  })

  it('lets fetch name a form body, and sends an untyped Blob as octet-stream', async () => {
    const withJsonDefault = createClient<typeof routes>({ baseUrl: 'http://localhost', fetch: fetchRoutes, headers: { 'content-type': 'application/json' } })
    const sent = await withJsonDefault('/api/form').post({ body: new URLSearchParams({ text: 'hi' }) })
    expect(sent.ok && sent.data).toEqual({ text: 'hi' })
    const blob = await client('/api/bytes').post({ body: new Blob([new Uint8Array([1, 2, 3])]) })
    expect(blob.ok && blob.data).toEqual({ length: 3 })
  })

  it('gives an error body that is no problem (a page labelled JSON, empty, or other JSON) a problem made from the status', async () => {
    const answers = [
      new Response('<html>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'application/json' } }),
      new Response('', { status: 503, statusText: 'Service Unavailable', headers: { 'content-type': 'application/json' } }),
      new Response('{"error":"nope"}', { status: 400, statusText: 'Bad Request', headers: { 'content-type': 'application/json' } }),
    ]
    for (const answer of answers) {
      const proxied = createClient<typeof routes>({ baseUrl: 'http://localhost', fetch: async () => answer })
      const result = await proxied('/api/bytes').post({ body: new Uint8Array(), throwOnError: true }).catch((e: unknown) => e)
      expect(result).toBeInstanceOf(ClientError)
      expect(result).toMatchObject({ status: answer.status, problem: { status: answer.status, title: answer.statusText, code: 'unexpected_response' } })
    }
  })

  it('routesFetch ranks paths as Next does: segment by segment, static, dynamic, catch-all, optional catch-all', async () => {
    const get = async (path: string) => (await (await fetchRoutes(`http://localhost${path}`)).json()) as { route: string }
    expect((await get('/shop/new')).route).toBe('shop/new')
    expect((await get('/shop/42')).route).toBe('item')
    expect((await get('/books/new')).route).toBe('category/new')
    expect((await get('/api/x')).route).toBe('item')
    expect(await get('/api/a/b/')).toEqual({ route: 'optional', params: { slug: ['a', 'b'] } })
    expect((await fetchRoutes('http://localhost/api/%E0%A4%A/b')).status).toBe(400)
  })
})

describe('typed responses with an error status', () => {
  it('are not a success', async () => {
    const lost = api.get(() => json({ missing: true }, { status: 404 }))
    const only = createClient<{ '/lost': typeof lost }>({ baseUrl: 'http://localhost', fetch: routesFetch({ '/lost': lost }) })
    const result = await only('/lost').get()
    expect(result.ok).toBe(false)
    // @ts-expect-error a json(…, { status: 404 }) answer is no success: there is no 404 success to narrow to
    if (result.ok) result.status satisfies 404
  })
})
