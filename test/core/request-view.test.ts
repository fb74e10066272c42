import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'

// The core tells a Request from an adapter's source by a registered brand,
// never by probing the Request's own properties: Next's NextRequest (the
// Edge runtime's request) throws from some of its getters, `request` among them.
class EdgeLikeRequest extends Request {
  get request(): never {
    throw new Error('The middleware accepts an async API directly')
  }
  get page(): never {
    throw new Error('removed')
  }
}

describe('the core given a Request with throwing getters', () => {
  const handler = createHandler()
    .get({ query: z.object({ q: z.string() }) }, ({ query, req }) => ({ q: query.q, isRequest: req instanceof Request }))
    .post({ body: z.object({ n: z.number() }) }, ({ body }) => body)

  it('answers a GET with a query schema', async () => {
    const response = await handler.handle(new EdgeLikeRequest('http://localhost/api/x?q=hi'))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ q: 'hi', isRequest: true })
  })

  it('reads and validates a body', async () => {
    const response = await handler.handle(
      new EdgeLikeRequest('http://localhost/api/x', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":1}' }),
    )
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ n: 1 })
  })
})
