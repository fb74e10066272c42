import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { createHandler } from '../../src/index.js'
import { routers, send } from '../routers.js'

// Any Standard Schema library works the same way as zod; valibot stands in for them.
describe.each(routers)('a valibot schema (%s router)', (router) => {
  const api = createHandler().post(
    {
      query: v.object({ page: v.optional(v.pipe(v.string(), v.transform(Number)), '1') }),
      body: v.object({ name: v.pipe(v.string(), v.minLength(1)) }),
    },
    ({ query, body }) => ({ page: query.page, name: body.name }),
  )

  it('validates and transforms', async () => {
    const response = await send(router, api, {
      method: 'POST',
      path: '/api/items?page=3',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"pen"}',
    })
    expect(response.json()).toEqual({ page: 3, name: 'pen' })
  })

  it('reports issues with path and the library’s own code', async () => {
    const response = await send(router, api, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":""}',
    })
    expect(response.status).toBe(422)
    expect(response.json().errors).toEqual([{ in: 'body', path: ['name'], message: expect.any(String), code: 'invalid' }])
  })
})
