import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler, HttpError } from '../../src/index.js'
import { kits } from './harness.js'

const errors: unknown[] = []
const items = createHandler({ onError: (error) => void errors.push(error) })
  .get({ query: z.object({ limit: z.coerce.number().int().max(100).default(20) }) }, ({ query }) => ({ limit: query.limit }))
  .post({ body: z.object({ name: z.string().min(1) }) }, ({ body }) => Response.json({ created: body.name }, { status: 201 }))

const item = createHandler()
  .get({ params: z.object({ id: z.string().regex(/^[\w ]+$/) }) }, ({ params }) => ({ id: params.id }))
  .delete(() => {
    throw new Error('db password=hunter2 refused')
  })

describe.each(kits())('mounting a routekit handler ($kind router)', (kit) => {
  it('answers through router.all(): routes, validation and the body it reads itself', async () => {
    const router = kit.router().all(kit.mount(items))
    const list = await kit.send(router, { path: '/api/items?limit=5' })
    expect(list.status).toBe(200)
    expect(list.json()).toEqual({ limit: 5 })
    const created = await kit.send(router, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'pen' }),
    })
    expect(created.status).toBe(201)
    expect(created.json()).toEqual({ created: 'pen' })
  })

  it('answers methods the handler lacks with 405 and Allow, OPTIONS with 204, HEAD without a body', async () => {
    const router = kit.router().all(kit.mount(items))
    const refused = await kit.send(router, { method: 'PUT' })
    expect(refused.status).toBe(405)
    expect(refused.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(refused.json()).toMatchObject({ status: 405, code: 'method_not_allowed' })
    const options = await kit.send(router, { method: 'OPTIONS' })
    expect(options.status).toBe(204)
    expect(options.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
    const head = await kit.send(router, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('application/json')
    expect(head.text).toBe('')
  })

  it('answers validation failures as routekit problems', async () => {
    const router = kit.router().all(kit.mount(items))
    const query = await kit.send(router, { path: '/api/items?limit=500' })
    expect(query.status).toBe(400)
    expect(query.json()).toMatchObject({ status: 400, errors: [{ in: 'query', path: ['limit'] }] })
    const body = await kit.send(router, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":""}' })
    expect(body.status).toBe(422)
    expect(body.json().errors).toEqual([expect.objectContaining({ in: 'body', path: ['name'] })])
  })

  it('takes params from next-connect’s pattern, decoded, and from Next’s dynamic segments', async () => {
    const router = kit.router().get('/api/items/:id', kit.mount(item))
    expect((await kit.send(router, { path: '/api/items/42' })).json()).toEqual({ id: '42' })
    expect((await kit.send(router, { path: '/api/items/a%20b' })).json()).toEqual({ id: 'a b' })
    const invalid = await kit.send(router, { path: '/api/items/4$2' })
    expect(invalid.status).toBe(400)
    expect(invalid.json().errors).toEqual([expect.objectContaining({ in: 'params', path: ['id'] })])
    // pages/api/items/[id].ts (or app/api/items/[id]/route.ts) with a pattern-less route:
    const fromNext = kit.router().get(kit.mount(item))
    expect((await kit.send(fromNext, { path: '/api/items/7', segments: { id: '7' } })).json()).toEqual({ id: '7' })
  })

  it('shares a resource with legacy next-connect handlers, method by method', async () => {
    const router = kit.router().get(kit.mount(items)).post(kit.reply(() => ({ legacy: true }), 201))
    expect((await kit.send(router, { path: '/api/items?limit=1' })).json()).toEqual({ limit: 1 })
    const legacy = await kit.send(router, { method: 'POST', body: '{}' })
    expect(legacy.status).toBe(201)
    expect(legacy.json()).toEqual({ legacy: true })
  })

  it('answers a thrown error with a 500 problem that leaks nothing; next-connect’s onError never sees it', async () => {
    const router = kit.router().all('/api/items/:id', kit.mount(item))
    const answer = await kit.send(router, { method: 'DELETE', path: '/api/items/1' })
    expect(answer.status).toBe(500)
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
    expect(answer.json()).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'internal_server_error' })
    expect(answer.text).not.toContain('hunter2')
    expect(answer.text).not.toContain('onError')
  })

  it('gives the handler’s own onError the real error', async () => {
    const failing = createHandler({ onError: (error) => void errors.push(error) }).get(() => {
      throw new HttpError(503, { detail: 'down' })
    })
    errors.length = 0
    const answer = await kit.send(kit.router().all(kit.mount(failing)))
    expect(answer.status).toBe(503)
    expect(errors).toHaveLength(1)
  })
})
