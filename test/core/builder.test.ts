import { describe, expect, it } from 'vitest'
import { createHandler } from '../../src/index.js'
import { request } from '../helpers.js'

describe('the immutable builder', () => {
  it('returns a new handler from .use() and every route method, leaving the original unchanged', async () => {
    const base = createHandler()
    const withGet = base.get(() => 'listed')
    expect(withGet).not.toBe(base)
    expect(base.allowedMethods).toEqual(['OPTIONS'])
    expect((await base.handle(request('GET'))).status).toBe(405)
    expect(await (await withGet.handle(request('GET'))).json()).toBe('listed')
  })

  it('keeps routes and middleware of two routes built from one shared base apart', async () => {
    const seen: string[] = []
    const base = createHandler().use(({ next }) => {
      seen.push('base')
      return next({ ctx: { from: 'base' } })
    })
    const items = base
      .use(({ next }) => {
        seen.push('items-only')
        return next({ ctx: { from: 'items' } })
      })
      .get(({ from }) => ({ from }))
    const users = base.post(({ from }) => ({ from }))

    expect(items.allowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS'])
    expect(users.allowedMethods).toEqual(['POST', 'OPTIONS'])
    expect((await items.handle(request('POST'))).status).toBe(405)
    expect((await users.handle(request('GET'))).status).toBe(405)

    seen.length = 0
    expect(await (await users.handle(request('POST'))).json()).toEqual({ from: 'base' })
    expect(seen).toEqual(['base'])

    seen.length = 0
    expect(await (await items.handle(request('GET'))).json()).toEqual({ from: 'items' })
    expect(seen).toEqual(['base', 'items-only'])
  })

  it('runs for each route only the middleware added before that route', async () => {
    const api = createHandler()
      .get(() => 'public')
      .use(() => new Response('refused', { status: 401 }))
      .post(() => 'never reached')
    expect(await (await api.handle(request('GET'))).json()).toBe('public')
    const refused = await api.handle(request('POST'))
    expect(refused.status).toBe(401)
    expect(await refused.text()).toBe('refused')
  })

  it('refuses a second route for the same method when the handler is built', () => {
    const api = createHandler().get(() => 1)
    expect(() => api.get(() => 2)).toThrow(/GET route is already defined/)
  })

  it('gives the handler the path params it was called with, and the query with repeated keys as arrays', async () => {
    const api = createHandler().get(({ params, query, headers }) => ({ params, query, agent: headers['x-agent'] }))
    const response = await api.handle(
      request('GET', '/api/items/7?tag=a&tag=b&limit=5', { headers: { 'X-Agent': 'test' } }),
      { params: { id: '7' } },
    )
    expect(await response.json()).toEqual({
      params: { id: '7' },
      query: { tag: ['a', 'b'], limit: '5' },
      agent: 'test',
    })
  })

  it('lets request parts win over context keys of the same name, without failing', async () => {
    const api = createHandler()
      .use(({ next }) => next({ ctx: { query: 'ctx', headers: 'ctx', signal: 'ctx', params: 'ctx', req: 'ctx', body: 'ctx', kept: 'ctx' } }))
      .get(({ query, headers, signal, params, req, body, kept }) => ({
        query,
        agent: headers['x-agent'],
        signal: signal instanceof AbortSignal,
        params,
        req: req instanceof Request,
        body: body ?? null,
        kept,
      }))
    const response = await api.handle(request('GET', '/api/items?a=1', { headers: { 'x-agent': 't' } }), { params: { id: '1' } })
    expect(await response.json()).toEqual({ query: { a: '1' }, agent: 't', signal: true, params: { id: '1' }, req: true, body: null, kept: 'ctx' })
  })

  it('keeps query keys that share a name with Object.prototype members as plain values', async () => {
    const api = createHandler().get(({ query }) => query)
    const response = await api.handle(request('GET', '/api/items?constructor=x&toString=y&valueOf=1&valueOf=2'))
    expect(await response.json()).toEqual({ constructor: 'x', toString: 'y', valueOf: ['1', '2'] })
  })
})
