import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { authorize, jwt, requireScope } from '../../src/jwt/index.js'
import { routers, send } from '../routers.js'
import { secret, token } from './fixtures.js'

const auth = jwt({ secret, algorithms: ['HS256'], realm: 'items' })
const whoami = createHandler()
  .use(auth)
  .get(({ auth }) => ({ sub: auth.sub }))
  .post(({ auth }) => ({ sub: auth.sub }))

describe.each(routers)('finding credentials (%s router)', (router) => {
  it('H1: answers no credentials, or another scheme, with 401 and a realm-only challenge', async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: 'Basic dXNlcjpwYXNz' }, { authorization: 'Token abc' }]
    for (const headers of attempts) {
      const response = await send(router, whoami, { headers })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="items"')
      expect(response.json()).toEqual({
        type: 'about:blank',
        title: 'Unauthorized',
        status: 401,
        code: 'missing_token',
        detail: 'This request needs a bearer token.',
      })
    }
  })

  it('H3: answers an empty or doubled Bearer with 400 invalid_request', async () => {
    for (const authorization of ['Bearer', 'Bearer ', 'bearer    ', 'Bearer a b']) {
      const response = await send(router, whoami, { headers: { authorization } })
      expect(response.status, authorization).toBe(400)
      expect(response.headers.get('www-authenticate')).toBe('Bearer realm="items", error="invalid_request"')
      expect(response.json()).toMatchObject({ status: 400, code: 'invalid_request' })
    }
  })

  it('matches the scheme case-insensitively and tolerates extra spaces', async () => {
    const value = await token()
    for (const authorization of [`bearer ${value}`, `BEARER ${value}`, `  Bearer    ${value}  `]) {
      expect((await send(router, whoami, { headers: { authorization } })).status, authorization).toBe(200)
    }
  })

  it('H4: ignores ?access_token=: the header decides, and a query token alone is 401', async () => {
    const value = await token()
    const both = await send(router, whoami, { path: '/api/items?access_token=junk', headers: { authorization: `Bearer ${value}` } })
    expect(both.status).toBe(200)
    const queryOnly = await send(router, whoami, { path: `/api/items?access_token=${value}` })
    expect(queryOnly.status).toBe(401)
    expect(queryOnly.json().code).toBe('missing_token')
  })

  it('N1: is not fooled by x-middleware-subrequest', async () => {
    const response = await send(router, whoami, {
      headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' },
    })
    expect(response.status).toBe(401)
  })

  it('refuses an unauthenticated upload without reading its body', async () => {
    let bodyRead = false
    const upload = createHandler()
      .use(auth)
      .post({ body: z.object({}) }, () => {
        bodyRead = true
      })
    const response = await send(router, upload, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ blob: 'x'.repeat(100_000) }),
    })
    expect(response.status).toBe(401)
    expect(bodyRead).toBe(false)
  })
})

describe.each(routers)('a token in a cookie (%s router)', (router) => {
  const cookieAuth = createHandler()
    .use(jwt({ secret, algorithms: ['HS256'], cookie: 'access_token' }))
    .get(({ auth }) => ({ sub: auth.sub }))
    .post(({ auth }) => ({ sub: auth.sub }))
  const cookie = async () => `theme=dark; access_token=${await token()}`

  it('is read when there is no Authorization header', async () => {
    const response = await send(router, cookieAuth, { headers: { cookie: await cookie() } })
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ sub: 'user-1' })
  })

  it('C1: refuses a cross-site POST that relies on it with 403', async () => {
    for (const origin of ['https://evil.example', 'null']) {
      const response = await send(router, cookieAuth, { method: 'POST', headers: { cookie: await cookie(), origin } })
      expect(response.status, origin).toBe(403)
      expect(response.json()).toMatchObject({ status: 403, code: 'csrf_rejected' })
    }
    const fetchSite = await send(router, cookieAuth, {
      method: 'POST',
      headers: { cookie: await cookie(), 'sec-fetch-site': 'cross-site' },
    })
    expect(fetchSite.status).toBe(403)
  })

  it('accepts a same-origin POST, and one from a configured origin', async () => {
    const same = await send(router, cookieAuth, { method: 'POST', headers: { cookie: await cookie(), origin: 'http://routekit.test' } })
    expect(same.status).toBe(200)
    const partner = createHandler()
      .use(jwt({ secret, algorithms: ['HS256'], cookie: 'access_token', csrf: { allowedOrigins: ['https://admin.example'] } }))
      .post(() => 'ok')
    const allowed = await send(router, partner, { method: 'POST', headers: { cookie: await cookie(), origin: 'https://admin.example' } })
    expect(allowed.status).toBe(200)
  })

  it('C4: does not apply CSRF checks to a bearer header from a foreign origin', async () => {
    const response = await send(router, cookieAuth, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token()}`, origin: 'https://evil.example' },
    })
    expect(response.status).toBe(200)
  })
})

describe.each(routers)('claims, revocation and optional authentication (%s router)', (router) => {
  it('validates the payload with the claims schema, answering 401 without echoing claim values', async () => {
    const typed = createHandler()
      .use(jwt({ secret, algorithms: ['HS256'], claims: z.object({ sub: z.string(), role: z.enum(['admin', 'member']) }) }))
      .get(({ auth }) => auth)
    const good = await send(router, typed, { headers: { authorization: `Bearer ${await token({ payload: { role: 'admin' } })}` } })
    expect(good.json()).toEqual({ sub: 'user-1', role: 'admin' })
    const bad = await send(router, typed, { headers: { authorization: `Bearer ${await token({ payload: { role: 'superuser-secret-value' } })}` } })
    expect(bad.status).toBe(401)
    expect(bad.text).not.toContain('superuser-secret-value')
  })

  it('J14: refuses a token the revocation hook reports, e.g. a replayed jti', async () => {
    const seen = new Set<unknown>()
    const isRevoked = vi.fn((payload: { jti?: unknown }) => {
      const replay = seen.has(payload.jti)
      seen.add(payload.jti)
      return replay
    })
    const once = createHandler().use(jwt({ secret, algorithms: ['HS256'], isRevoked })).get(() => 'ok')
    const headers = { authorization: `Bearer ${await token({ payload: { jti: `t-${router}` } })}` }
    expect((await send(router, once, { headers })).status).toBe(200)
    const second = await send(router, once, { headers })
    expect(second.status).toBe(401)
    expect(second.headers.get('www-authenticate')).toBe('Bearer realm="api", error="invalid_token"')
  })

  it('with optional: true, lets anonymous requests through but still refuses a bad token', async () => {
    const maybe = createHandler()
      .use(jwt({ secret, algorithms: ['HS256'], optional: true }))
      .get(({ auth }) => ({ sub: auth?.sub ?? null }))
    expect((await send(router, maybe)).json()).toEqual({ sub: null })
    expect((await send(router, maybe, { headers: { authorization: `Bearer ${await token()}` } })).json()).toEqual({ sub: 'user-1' })
    expect((await send(router, maybe, { headers: { authorization: 'Bearer junk' } })).status).toBe(401)
  })
})

describe.each(routers)('scopes and authorization (%s router)', (router) => {
  const writers = createHandler().use(auth).use(requireScope({ realm: 'items' }, 'items:write', 'items:read')).post(() => 'written')

  it('J13: answers a token without a required scope with 403 insufficient_scope naming the scopes', async () => {
    const response = await send(router, writers, { method: 'POST', headers: { authorization: `Bearer ${await token()}` } })
    expect(response.status).toBe(403)
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="items", error="insufficient_scope", scope="items:write items:read"')
    expect(response.json()).toMatchObject({ status: 403, code: 'insufficient_scope' })
  })

  it('accepts the scopes as a space-separated scope or an scp list', async () => {
    for (const payload of [{ scope: 'items:read items:write' }, { scope: undefined, scp: ['items:write', 'items:read'] }]) {
      const response = await send(router, writers, { method: 'POST', headers: { authorization: `Bearer ${await token({ payload })}` } })
      expect(response.status).toBe(200)
    }
  })

  it('answers 401 when an optional jwt() found no token', async () => {
    const guarded = createHandler().use(jwt({ secret, algorithms: ['HS256'], optional: true })).use(requireScope('items:read')).get(() => 'ok')
    const response = await send(router, guarded)
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="api"')
  })

  it('authorize() refuses with 403 what its check rejects', async () => {
    const admins = createHandler()
      .use(jwt({ secret, algorithms: ['HS256'], claims: z.object({ sub: z.string(), role: z.string() }) }))
      .use(authorize(({ auth }) => auth.role === 'admin'))
      .get(() => 'welcome')
    const member = await send(router, admins, { headers: { authorization: `Bearer ${await token({ payload: { role: 'member' } })}` } })
    expect(member.status).toBe(403)
    expect(member.json()).toMatchObject({ code: 'forbidden' })
    const admin = await send(router, admins, { headers: { authorization: `Bearer ${await token({ payload: { role: 'admin' } })}` } })
    expect(admin.status).toBe(200)
  })
})
