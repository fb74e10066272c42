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

// An empty JSON POST is "no body" on the App Router (400 body_required);
// Next's parser reports it as `{}`, which must not reach the schema as an
// empty object. The request's framing (Content-Length: 0) says there was
// nothing.
describe('toPagesRoute with Next’s parser on and an empty body', () => {
  const headers = { host: 'localhost', 'content-type': 'application/json', 'content-length': '0' }

  it('is body_required against a schema with every field optional, not {}', async () => {
    const route = toPagesRoute(createHandler().post({ body: z.object({ note: z.string().optional() }) }, ({ body }) => body))
    const result = await callPages(route, { method: 'POST', headers, body: {} })
    expect(result.status).toBe(400)
    expect(result.headers['content-type']).toBe('application/problem+json')
    expect(result.json().code).toBe('body_required')
  })

  it('is no body to a route without a body schema either', async () => {
    const route = toPagesRoute(createHandler().post(async ({ req }) => ({ body: await req.text() })))
    const result = await callPages(route, { method: 'POST', headers, body: {} })
    expect(result.json()).toEqual({ body: '' })
  })
})

describe('toPagesRoute with Next’s parser on and a JSON null body', () => {
  it('reaches the schema as null (a value), not as no body', async () => {
    const route = toPagesRoute(createHandler().post({ body: z.null() }, ({ body }) => ({ received: body })))
    const headers = { host: 'localhost', 'content-type': 'application/json', 'content-length': '4' }
    const result = await callPages(route, { method: 'POST', headers, body: null })
    expect(result.status).toBe(200)
    expect(result.json()).toEqual({ received: null })
  })
})
