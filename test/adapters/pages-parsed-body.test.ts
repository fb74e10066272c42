import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { toPagesRoute } from '../../src/adapters/pages.js'
import { createHandler } from '../../src/index.js'
import { callPages } from './pages-helpers.js'

// With Next's body parser left on, `req.body` holds what JSON.parse made of
// the bytes: for a JSON string that is a plain string, which must not be
// mistaken for the raw bytes of the body.
const json = { host: 'localhost', 'content-type': 'application/json', 'content-length': '20' }

describe('toPagesRoute with a JSON body Next’s parser already read', () => {
  it('accepts a JSON string body, as the App Router does', async () => {
    const route = toPagesRoute(createHandler().post({ body: z.string() }, ({ body }) => ({ received: body })))
    // The client sent `"hello"`; Next's parser left the string `hello`.
    const result = await callPages(route, { method: 'POST', headers: json, body: 'hello' })
    expect(result.status).toBe(200)
    expect(result.json()).toEqual({ received: 'hello' })
  })

  it('keeps a JSON string that looks like an object a string', async () => {
    const route = toPagesRoute(createHandler().post({ body: z.object({ role: z.string() }) }, ({ body }) => body))
    // The client sent `"{\"role\":\"admin\"}"`: a string, not an object.
    const result = await callPages(route, { method: 'POST', headers: json, body: '{"role":"admin"}' })
    expect(result.status).toBe(422)
    expect(result.headers['content-type']).toBe('application/problem+json')
  })
})
