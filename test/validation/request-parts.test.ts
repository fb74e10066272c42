import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { routers, send } from '../routers.js'

describe.each(routers)('validating params, query and headers (%s router)', (router) => {
  const item = createHandler().get(
    {
      params: z.object({ id: z.coerce.number().int().positive() }),
      query: z.object({
        limit: z.coerce.number().int().max(100).default(20),
        tag: z.array(z.string()).optional(),
        sort: z.enum(['asc', 'desc']).optional(),
      }),
      headers: z.object({ 'x-tenant': z.string().min(1) }),
    },
    ({ params, query, headers }) => ({ params, query, tenant: headers['x-tenant'] }),
  )

  it('gives the handler the schemas’ outputs, with coercion and defaults applied', async () => {
    const response = await send(router, item, {
      path: '/api/items/7?tag=a&tag=b',
      params: { id: '7' },
      headers: { 'X-Tenant': 'acme' },
    })
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ params: { id: 7 }, query: { limit: 20, tag: ['a', 'b'] }, tenant: 'acme' })
  })

  it('answers 400 listing every issue in params, query and headers at once, without running the handler', async () => {
    const handler = vi.fn()
    const strict = createHandler().get(
      { params: z.object({ id: z.coerce.number().int() }), query: z.object({ limit: z.coerce.number().max(10) }), headers: z.object({ 'x-tenant': z.string() }) },
      handler,
    )
    const response = await send(router, strict, { path: '/api/items/x?limit=50', params: { id: 'x' } })
    expect(response.status).toBe(400)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    const problem = response.json()
    expect(problem).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400, code: 'validation_failed' })
    expect(problem.errors).toEqual([
      { in: 'params', path: ['id'], message: expect.any(String), code: 'invalid_type' },
      { in: 'query', path: ['limit'], message: expect.any(String), code: 'too_big' },
      { in: 'headers', path: ['x-tenant'], message: expect.any(String), code: 'invalid_type' },
    ])
    expect(handler).not.toHaveBeenCalled()
  })

  it('refuses a repeated key against a scalar schema instead of picking one', async () => {
    const response = await send(router, item, { path: '/api/items/7?limit=1&limit=2', params: { id: '7' }, headers: { 'x-tenant': 't' } })
    expect(response.status).toBe(400)
    expect(response.json().errors).toEqual([expect.objectContaining({ in: 'query', path: ['limit'] })])
  })

  it('treats an empty value as absent: `?limit=` is a 400 against z.coerce.number(), not 0', async () => {
    const required = createHandler().get({ query: z.object({ limit: z.coerce.number() }) }, ({ query }) => query)
    const response = await send(router, required, { path: '/api/items?limit=' })
    expect(response.status).toBe(400)
    expect(response.json().errors[0]).toMatchObject({ in: 'query', path: ['limit'] })
    // ...and falls back to the default where the schema has one.
    const withDefault = await send(router, item, { path: '/api/items/7?limit=', params: { id: '7' }, headers: { 'x-tenant': 't' } })
    expect(withDefault.json().query.limit).toBe(20)
  })

  it('strips keys the schema does not know', async () => {
    const response = await send(router, item, {
      path: '/api/items/7?limit=5&isAdmin=true',
      params: { id: '7' },
      headers: { 'x-tenant': 't' },
    })
    expect(response.json().query).toEqual({ limit: 5 })
  })

  it('refuses a __proto__ query key with 400', async () => {
    const response = await send(router, item, { path: '/api/items/7?__proto__=x', params: { id: '7' }, headers: { 'x-tenant': 't' } })
    expect(response.status).toBe(400)
    expect(response.json()).toMatchObject({ code: 'forbidden_key' })
  })

  it('never reads the body of a route without a body schema', async () => {
    let bodyUsed: boolean | undefined
    const noBody = createHandler().post({ query: z.object({}) }, ({ req, body }) => {
      bodyUsed = req.bodyUsed
      return { body: body ?? null }
    })
    const response = await send(router, noBody, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"ignored":true}',
    })
    expect(response.json()).toEqual({ body: null })
    expect(bodyUsed).toBe(false)
  })
})
