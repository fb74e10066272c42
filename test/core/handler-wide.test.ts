import { describe, expect, it } from 'vitest'
import { createHandler, handlerWide, HttpError, type Middleware } from '../../src/index.js'
import { routers, send } from '../routers.js'

// A stand-in for CORS: it must see what the method guard answers, and its
// header must reach every response, errors included.
const stamp = handlerWide(async ({ req, next, allowedMethods }) => {
  if (req.method === 'OPTIONS' && req.headers.has('x-preflight')) {
    return new Response(null, { status: 204, headers: { 'x-methods': allowedMethods.join(',') } })
  }
  const result = await next()
  result.response.headers.set('x-stamp', 'yes')
  return result
})

describe.each(routers)('handler-wide middleware (%s router)', (router) => {
  const api = createHandler()
    .use(stamp)
    .get(() => ({ ok: true }))
    .post(() => {
      throw HttpError.conflict('Already there.')
    })

  it('answers before the method guard, and knows the allowed methods', async () => {
    const res = await send(router, api, { method: 'OPTIONS', headers: { 'x-preflight': '1' } })
    expect(res.status).toBe(204)
    expect(res.headers.get('x-methods')).toBe('GET,HEAD,POST,OPTIONS')
    expect(res.headers.get('allow')).toBeNull()
  })

  it('wraps the guard answers: plain OPTIONS, 405 and HEAD', async () => {
    const options = await send(router, api, { method: 'OPTIONS' })
    expect([options.status, options.headers.get('allow'), options.headers.get('x-stamp')]).toEqual([204, 'GET, HEAD, POST, OPTIONS', 'yes'])
    const refused = await send(router, api, { method: 'DELETE' })
    expect([refused.status, refused.headers.get('x-stamp')]).toEqual([405, 'yes'])
    const head = await send(router, api, { method: 'HEAD' })
    expect([head.status, head.headers.get('x-stamp'), head.text]).toEqual([200, 'yes', ''])
  })

  it('wraps error responses from the route', async () => {
    const res = await send(router, api, { method: 'POST' })
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.headers.get('x-stamp')).toBe('yes')
  })

  it('runs before ordinary middleware added earlier', async () => {
    const order: string[] = []
    const ordinary: Middleware = ({ next }) => {
      order.push('ordinary')
      return next()
    }
    const wide = handlerWide(({ next }) => {
      order.push('wide')
      return next()
    })
    await send(router, createHandler().use(ordinary).use(wide).get(() => 'ok'))
    expect(order).toEqual(['wide', 'ordinary'])
  })

  it('maps its own errors to problem+json', async () => {
    const failing = handlerWide(() => {
      throw HttpError.tooManyRequests('Slow down.')
    })
    const res = await send(router, createHandler().use(failing).get(() => 'ok'))
    expect(res.status).toBe(429)
    expect(res.json()).toMatchObject({ status: 429, detail: 'Slow down.' })
    const crashing = handlerWide(() => {
      throw new Error('secret internals')
    })
    const crashed = await send(router, createHandler().use(crashing).get(() => 'ok'))
    expect(crashed.status).toBe(500)
    expect(crashed.text).not.toContain('secret')
  })

  it('hands an inner one’s error to the outer ones as its problem response, like every other answer', async () => {
    const errors: unknown[] = []
    const blocking = handlerWide(({ req, next }) => {
      if (req.headers.has('x-blocked')) throw HttpError.forbidden('Blocked.')
      if (req.headers.has('x-crash')) throw new Error('secret internals')
      return next()
    })
    const handler = createHandler({ onError: (error) => void errors.push(error) }).use(stamp).use(blocking).get(() => 'ok')
    const blocked = await send(router, handler, { headers: { 'x-blocked': '1' } })
    expect([blocked.status, blocked.headers.get('content-type'), blocked.headers.get('x-stamp')]).toEqual([403, 'application/problem+json', 'yes'])
    const crashed = await send(router, handler, { headers: { 'x-crash': '1' } })
    expect([crashed.status, crashed.headers.get('x-stamp')]).toEqual([500, 'yes'])
    expect(crashed.text).not.toContain('secret')
    expect(errors).toHaveLength(1) // onError hears of it once
  })
})

describe('handler-wide middleware, building', () => {
  it('must come before the first route', () => {
    const withRoute = createHandler().get(() => 'ok')
    expect(() => withRoute.use(stamp)).toThrow(/before the handler's first route/)
  })

  it('is shared by handlers derived from the base, and ordinary middleware sees allowedMethods too', async () => {
    let seen: readonly string[] = []
    const base = createHandler().use(stamp)
    const items = base
      .use(({ next, allowedMethods }) => {
        seen = allowedMethods
        return next()
      })
      .get(() => 'ok')
      .delete(() => undefined)
    const res = await items.handle(new Request('http://routekit.test/api/items'))
    expect(res.headers.get('x-stamp')).toBe('yes')
    expect(seen).toEqual(['GET', 'HEAD', 'DELETE', 'OPTIONS'])
  })
})
