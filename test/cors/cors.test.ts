import { describe, expect, it } from 'vitest'
import { cors } from '../../src/cors/index.js'
import { createHandler, handlerWide, HttpError, json, type Middleware } from '../../src/index.js'
import { routers, send } from '../routers.js'

const app = 'https://app.example.com'
const evil = 'https://evil.example.net'

const requireKey: Middleware = ({ req, next }) => {
  if (req.headers.get('x-api-key') !== 'k') throw HttpError.unauthorized(undefined, { headers: { 'www-authenticate': 'ApiKey' } })
  return next()
}

const credentialed = createHandler()
  .use(cors({ origin: [app], credentials: true, exposedHeaders: ['location', 'x-request-id'], maxAge: 600 }))
  .get(() => json({ ok: true }, { headers: { vary: 'Accept-Encoding' } }))
  .post(() => {
    throw HttpError.conflict('Already there.')
  })
  .use(requireKey)
  .put(() => ({ replaced: true }))
  .patch(() => {
    throw new Error('database password hunter2')
  })

const corsHeaders = (headers: Headers) => [...headers.keys()].filter((name) => name.startsWith('access-control-'))

describe.each(routers)('cors() preflight (%s router)', (router) => {
  const preflight = (origin: string, method: string, extra: Record<string, string> = {}) =>
    send(router, credentialed, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, ...extra } })

  it('grants an allowed origin the handler’s methods, before any route middleware', async () => {
    const res = await preflight(app, 'PUT', { 'access-control-request-headers': 'content-type,x-api-key' })
    expect(res.status).toBe(204)
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'access-control-allow-origin': app,
      'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, OPTIONS',
      'access-control-allow-headers': 'content-type,x-api-key',
      'access-control-allow-credentials': 'true',
      'access-control-max-age': '600',
      vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
    })
    // The PUT route's key check did not run: a preflight never carries credentials.
    expect(res.headers.get('www-authenticate')).toBeNull()
    expect(res.headers.get('access-control-expose-headers')).toBeNull()
    expect(res.text).toBe('')
  })

  it('answers an origin not on the list like a plain OPTIONS, with no CORS headers', async () => {
    const res = await preflight(evil, 'PUT')
    expect(res.status).toBe(204)
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST, PUT, PATCH, OPTIONS')
    expect(corsHeaders(res.headers)).toEqual([])
    expect(res.headers.get('vary')).toContain('Origin')
  })

  it('does not grant a method the handler lacks, even to an allowed origin', async () => {
    const res = await preflight(app, 'DELETE')
    expect(res.status).toBe(204)
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST, PUT, PATCH, OPTIONS')
    expect(corsHeaders(res.headers)).toEqual([])
    // Method names are case-sensitive: "put" is not PUT.
    expect(corsHeaders((await preflight(app, 'put')).headers)).toEqual([])
  })

  it('leaves a plain OPTIONS to the method guard: 204 with Allow', async () => {
    const res = await send(router, credentialed, { method: 'OPTIONS' })
    expect(res.status).toBe(204)
    expect(res.headers.get('allow')).toBe('GET, HEAD, POST, PUT, PATCH, OPTIONS')
    expect(res.headers.get('access-control-allow-methods')).toBeNull()
    const withOrigin = await send(router, credentialed, { method: 'OPTIONS', headers: { origin: app } })
    expect([withOrigin.status, withOrigin.headers.get('allow')]).toEqual([204, 'GET, HEAD, POST, PUT, PATCH, OPTIONS'])
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe(app)
    expect(withOrigin.headers.get('access-control-allow-methods')).toBeNull()
  })

  it('sends a fixed allowedHeaders list instead of reflecting the request', async () => {
    const fixed = createHandler()
      .use(cors({ origin: app, allowedHeaders: ['content-type', 'authorization'] }))
      .post(() => 'ok')
    const res = await send(router, fixed, {
      method: 'OPTIONS',
      headers: { origin: app, 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-other' },
    })
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type, authorization')
    expect(res.headers.get('vary')).toBe('Origin, Access-Control-Request-Method')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    expect(res.headers.get('access-control-max-age')).toBeNull()
  })

  it('does not reflect request headers that are not a list of header names', async () => {
    const res = await preflight(app, 'PUT', { 'access-control-request-headers': 'x-a, x b' })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(app)
    expect(res.headers.get('access-control-allow-headers')).toBeNull()
  })
})

describe.each(routers)('cors() on answers (%s router)', (router) => {
  const get = (headers: Record<string, string> = {}, method = 'GET') => send(router, credentialed, { method, headers })

  it('lets an allowed origin read a GET, with credentials and the exposed headers', async () => {
    const res = await get({ origin: app })
    expect(res.status).toBe(200)
    expect(res.json()).toEqual({ ok: true })
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'access-control-allow-origin': app,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'location, x-request-id',
    })
    expect(res.headers.get('access-control-allow-methods')).toBeNull()
    expect(res.headers.get('access-control-max-age')).toBeNull()
  })

  it('appends Origin to the Vary the route set, for every origin or none', async () => {
    for (const headers of [{ origin: app }, { origin: evil }, {}] as Record<string, string>[]) {
      expect((await get(headers)).headers.get('vary')).toBe('Accept-Encoding, Origin')
    }
  })

  it('leaves Vary: * alone and does not repeat a name the route listed', async () => {
    for (const [routeVary, sent] of [['*', '*'], ['origin', 'origin'], ['Accept, origin', 'Accept, origin']]) {
      const handler = createHandler()
        .use(cors({ origin: app }))
        .get(() => json('ok', { headers: { vary: routeVary! } }))
      expect((await send(router, handler, { headers: { origin: app } })).headers.get('vary')).toBe(sent)
    }
  })

  it('gives another origin, or a request without one, the answer without CORS headers', async () => {
    for (const headers of [{ origin: evil }, {}, { origin: 'null' }, { origin: `${app}.evil.example.net` }] as Record<string, string>[]) {
      const res = await get(headers)
      expect(res.status).toBe(200)
      expect(corsHeaders(res.headers)).toEqual([])
    }
  })

  it('adds the headers to HEAD', async () => {
    const res = await get({ origin: app }, 'HEAD')
    expect([res.status, res.text, res.headers.get('access-control-allow-origin')]).toEqual([200, '', app])
  })

  it.each([
    ['a 405 from the method guard', 'DELETE', 'k', 405],
    ['a thrown 409 HttpError', 'POST', 'k', 409],
    ['a 401 from route middleware', 'PUT', 'wrong', 401],
    ['a 500 for a thrown Error', 'PATCH', 'k', 500],
  ])('adds the headers to %s', async (_, method, key, status) => {
    const headers = { origin: app, 'x-api-key': key, 'content-type': 'application/json' }
    const res = await send(router, credentialed, { method, headers, body: '{}' })
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.headers.get('access-control-allow-origin')).toBe(app)
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('vary')).toBe('Origin')
    expect(res.text).not.toContain('hunter2')
  })

  it('keeps the other error headers: Allow on 405, WWW-Authenticate on 401', async () => {
    expect((await get({ origin: app }, 'DELETE')).headers.get('allow')).toBe('GET, HEAD, POST, PUT, PATCH, OPTIONS')
    expect((await get({ origin: app }, 'PUT')).headers.get('www-authenticate')).toBe('ApiKey')
  })

  it('adds the headers to an error from a handler-wide middleware added after it', async () => {
    const maintenance = handlerWide(() => {
      throw HttpError.serviceUnavailable('Back soon.', { headers: { 'retry-after': '60' } })
    })
    const handler = createHandler().use(cors({ origin: app })).use(maintenance).get(() => 'ok')
    const res = await send(router, handler, { headers: { origin: app } })
    expect([res.status, res.headers.get('retry-after')]).toEqual([503, '60'])
    expect(res.headers.get('access-control-allow-origin')).toBe(app)
    expect(res.headers.get('vary')).toBe('Origin')
  })

  it('adds the headers to a 422 from validation', async () => {
    const validated = createHandler()
      .use(cors({ origin: app }))
      .post({ body: { '~standard': { version: 1, vendor: 'test', validate: () => ({ issues: [{ message: 'no' }] }) } } }, () => 'ok')
    const res = await send(router, validated, { method: 'POST', headers: { origin: app, 'content-type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(422)
    expect(res.headers.get('access-control-allow-origin')).toBe(app)
  })

  it('adds the headers to a response whose own headers are immutable', async () => {
    const redirecting = createHandler()
      .use(cors({ origin: app }))
      .get(() => Response.redirect('https://routekit.test/elsewhere', 302))
    const res = await send(router, redirecting, { headers: { origin: app } })
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('https://routekit.test/elsewhere')
    expect(res.headers.get('access-control-allow-origin')).toBe(app)
    expect(res.headers.get('vary')).toBe('Origin')
  })

  it('replaces CORS headers a route set for an allowed origin', async () => {
    const handler = createHandler()
      .use(cors({ origin: app }))
      .get(() => json('ok', { headers: { 'access-control-allow-origin': '*' } }))
    expect((await send(router, handler, { headers: { origin: app } })).headers.get('access-control-allow-origin')).toBe(app)
  })

  it('does not let a route’s own CORS headers grant what the policy does not', async () => {
    // Say a route that passes on an upstream's response, CORS headers and all.
    const upstream = { 'access-control-allow-credentials': 'true', 'access-control-expose-headers': 'x-session-token' }
    const handler = createHandler()
      .use(cors({ origin: app }))
      .get(() => json('ok', { headers: upstream }))
    const res = await send(router, handler, { headers: { origin: app } })
    expect(res.headers.get('access-control-allow-origin')).toBe(app)
    expect(corsHeaders(res.headers)).toEqual(['access-control-allow-origin'])
  })
})

describe.each(routers)('cors() origins (%s router)', (router) => {
  const readable = async (handler: ReturnType<typeof createHandler>, origin: string) =>
    (await send(router, handler.get(() => 'ok'), { headers: { origin } })).headers.get('access-control-allow-origin')

  it('matches a pattern against the whole Origin', async () => {
    const previews = createHandler().use(cors({ origin: [app, /https:\/\/[a-z0-9-]+\.preview\.example\.com/g] }))
    expect(await readable(previews, 'https://pr-12.preview.example.com')).toBe('https://pr-12.preview.example.com')
    expect(await readable(previews, 'https://pr-12.preview.example.com')).toBe('https://pr-12.preview.example.com')
    expect(await readable(previews, app)).toBe(app)
    expect(await readable(previews, 'https://pr-12.preview.example.com.evil.io')).toBeNull()
    expect(await readable(previews, 'http://pr-12.preview.example.com')).toBeNull()
  })

  it('asks a function, with the request, and allows only on true', async () => {
    const seen: string[] = []
    const checked = createHandler().use(
      cors({
        origin: async (origin, req) => {
          seen.push(origin)
          return origin.endsWith('.example.com') && req.headers.get('x-tenant') !== 'blocked'
        },
        credentials: true,
      }),
    )
    expect(await readable(checked, app)).toBe(app)
    expect(await readable(checked, evil)).toBeNull()
    expect(await readable(checked, 'null')).toBeNull()
    expect(seen).toEqual([app, evil]) // never asked about "null"
    const blocked = await send(router, checked.get(() => 'ok'), { headers: { origin: app, 'x-tenant': 'blocked' } })
    expect(blocked.headers.get('access-control-allow-origin')).toBeNull()
    const truthy = createHandler().use(cors({ origin: (() => 'yes') as never }))
    expect(await readable(truthy, app)).toBeNull()
  })

  it('allows the origin "null" only when listed as the string', async () => {
    expect(await readable(createHandler().use(cors({ origin: [app, 'null'] })), 'null')).toBe('null')
    expect(await readable(createHandler().use(cors({ origin: /.*/ })), 'null')).toBeNull()
  })

  it("answers every origin with '*' and no credentials for origin: '*'", async () => {
    const open = createHandler().use(cors({ origin: '*', exposedHeaders: ['x-total'] })).get(() => 'ok')
    for (const headers of [{ origin: evil }, { origin: 'null' }, {}] as Record<string, string>[]) {
      const res = await send(router, open, { headers })
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
      expect(res.headers.get('access-control-expose-headers')).toBe('x-total')
      expect(res.headers.get('access-control-allow-credentials')).toBeNull()
      expect(res.headers.get('vary')).toBeNull()
    }
    const pre = await send(router, open, { method: 'OPTIONS', headers: { origin: evil, 'access-control-request-method': 'GET' } })
    expect([pre.status, pre.headers.get('access-control-allow-origin'), pre.headers.get('access-control-allow-methods')]).toEqual([204, '*', 'GET, HEAD, OPTIONS'])
  })

  it('grants each handler built on a shared base its own methods', async () => {
    const base = createHandler().use(cors({ origin: app }))
    const asks = { method: 'OPTIONS', headers: { origin: app, 'access-control-request-method': 'GET' } }
    const one = await send(router, base.get(() => 'a'), asks)
    const two = await send(router, base.get(() => 'b').delete(() => undefined), asks)
    expect(one.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS')
    expect(two.headers.get('access-control-allow-methods')).toBe('GET, HEAD, DELETE, OPTIONS')
  })
})
