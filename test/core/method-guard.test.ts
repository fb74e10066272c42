import { describe, expect, it } from 'vitest'
import { createHandler } from '../../src/index.js'
import { problemOf, request } from '../helpers.js'
import { routers, send } from '../routers.js'

const items = createHandler()
  .get(() => ({ items: [1, 2] }))
  .post(() => ({ created: true }))

describe('the method guard', () => {
  it('answers a method without a route with 405 problem+json and the exact Allow header', async () => {
    const response = await items.handle(request('DELETE'))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
    expect(await problemOf(response)).toEqual({
      type: 'about:blank',
      title: 'Method Not Allowed',
      status: 405,
      code: 'method_not_allowed',
      detail: 'This resource answers GET, HEAD, POST, OPTIONS.',
    })
  })

  it('lists every defined method in a stable order, whatever order they were added in', () => {
    const all = createHandler()
      .delete(() => undefined)
      .patch(() => undefined)
      .put(() => undefined)
      .post(() => undefined)
      .get(() => undefined)
    expect(all.allowedMethods).toEqual(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'])
  })

  it('does not offer HEAD without GET', async () => {
    const postOnly = createHandler().post(() => 'ok')
    const response = await postOnly.handle(request('HEAD'))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST, OPTIONS')
    expect(response.body).toBeNull() // a HEAD answer never has a body
  })

  it('answers HEAD by running GET and sending its status and headers without a body', async () => {
    let runs = 0
    const api = createHandler().get(() => {
      runs += 1
      return new Response('{"big":"body"}', { status: 200, headers: { 'content-type': 'application/json', etag: '"v1"' } })
    })
    const response = await api.handle(request('HEAD'))
    expect(runs).toBe(1)
    expect(response.status).toBe(200)
    expect(response.headers.get('etag')).toBe('"v1"')
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.body).toBeNull()
  })

  it('answers OPTIONS with 204 and Allow, without running any route', async () => {
    const response = await items.handle(request('OPTIONS'))
    expect(response.status).toBe(204)
    expect(response.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
    expect(await response.text()).toBe('')
  })

  it('ignores X-HTTP-Method-Override: a POST that asks to be a DELETE is handled as the POST it is', async () => {
    const response = await items.handle(request('POST', '/api/items', { headers: { 'X-HTTP-Method-Override': 'DELETE' } }))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ created: true })
  })

  it('refuses unknown and lower-case extension methods with 405', async () => {
    for (const method of ['PROPFIND', 'patch']) {
      const response = await items.handle(request(method))
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
    }
  })

  it('answers an empty handler with 405 and Allow: OPTIONS', async () => {
    const response = await createHandler().handle(request('GET'))
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('OPTIONS')
  })
})

describe.each(routers)('HEAD on the %s router', (router) => {
  it('carries the Content-Length the GET body has, in bytes, for answers routekit builds', async () => {
    const api = createHandler().get(() => ({ greeting: 'grüß dich' }))
    const get = await send(router, api)
    const head = await send(router, api, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.text).toBe('')
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(get.text)))
  })
})
