import { describe, expect, it } from 'vitest'
import { toAppRoute } from '../../src/adapters/app.js'
import { createHandler, created, HttpError } from '../../src/index.js'
import { problemOf, request } from '../helpers.js'

const item = createHandler()
  .get(({ params }) => ({ id: params.id }))
  .post(async ({ req }) => created(await req.json(), '/api/items/9'))
const route = toAppRoute(item)

// Next 15+ hands App Router handlers their params as a Promise.
const context = (params: Record<string, string | string[] | undefined>) => ({ params: Promise.resolve(params) })

describe('toAppRoute', () => {
  it('exports every method, so routekit rather than Next answers each one', () => {
    expect(Object.keys(route).sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'])
  })

  it('passes the awaited dynamic params to the handler', async () => {
    const response = await route.GET(request('GET', '/api/items/42'), context({ id: '42' }))
    expect(await response.json()).toEqual({ id: '42' })
  })

  it('accepts params as a plain object, drops absent optional catch-alls, and works without a context', async () => {
    const echo = toAppRoute(createHandler().get(({ params }) => params))
    expect(await (await echo.GET(request('GET'), { params: { slug: ['a', 'b'], opt: undefined } })).json()).toEqual({
      slug: ['a', 'b'],
    })
    expect(await (await echo.GET(request('GET'))).json()).toEqual({})
  })

  it('answers a method without a route with 405 problem+json and the exact Allow header', async () => {
    const response = await route.DELETE(request('DELETE', '/api/items/42'), context({ id: '42' }))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
    expect(await problemOf(response)).toMatchObject({ status: 405, code: 'method_not_allowed' })
  })

  it('answers HEAD with the GET headers and no body, and OPTIONS with 204 and Allow', async () => {
    const head = await route.HEAD(request('HEAD', '/api/items/1'), context({ id: '1' }))
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('application/json')
    expect(head.body).toBeNull()
    const options = await route.OPTIONS(request('OPTIONS', '/api/items/1'), context({ id: '1' }))
    expect(options.status).toBe(204)
    expect(options.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
  })

  it('reads the request body through the Web Request', async () => {
    const response = await route.POST(
      request('POST', '/api/items', { body: JSON.stringify({ name: 'pen' }), headers: { 'content-type': 'application/json' } }),
      context({}),
    )
    expect(response.status).toBe(201)
    expect(response.headers.get('location')).toBe('/api/items/9')
    expect(await response.json()).toEqual({ name: 'pen' })
  })

  it('maps errors to problem+json', async () => {
    const failing = toAppRoute(
      createHandler().get(() => {
        throw HttpError.notFound('No item 3.')
      }),
    )
    const response = await failing.GET(request('GET'), context({}))
    expect(response.status).toBe(404)
    expect(await problemOf(response)).toMatchObject({ detail: 'No item 3.' })
  })
})
