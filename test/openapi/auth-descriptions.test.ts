// routekit's own auth middleware describe themselves for OpenAPI: the
// security scheme they enforce and the problem statuses they answer with.
// The descriptions are checked against what the middleware really answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authjs } from '../../src/authjs/index.js'
import { createHandler, middlewareDescription, type Middleware } from '../../src/index.js'
import { authorize, jwt, requireScope } from '../../src/jwt/index.js'
import { session } from '../../src/session/index.js'
import { JwksServer } from '../jwt/jwks-server.js'
import { audience, issuer, rsa, secret, token } from '../jwt/fixtures.js'
import { routers, send } from '../routers.js'

const bearerScheme = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }
const sessionSecret = 'a-session-secret-of-at-least-32-chars'
const crossSite = { origin: 'https://evil.example' }

const down = new JwksServer()
beforeAll(async () => {
  await down.start()
  await down.stop() // a key set that cannot be reached
})
afterAll(() => down.stop())

const describedBy = (middleware: Middleware<any, any>) => middlewareDescription(middleware)
const guarded = (middleware: Middleware<any, any>) =>
  createHandler()
    .use(middleware)
    .get(() => ({ ok: true }))
    .post(() => ({ ok: true }))

describe('jwt() describes itself', () => {
  it('as an http bearer scheme answering 400 and 401', () => {
    expect(describedBy(jwt({ secret, algorithms: ['HS256'] }))).toEqual({
      security: { name: 'bearerAuth', scheme: bearerScheme, optional: false },
      statuses: [400, 401],
      unsafeMethodStatuses: [],
    })
  })

  it('as optional when anonymous requests pass', () => {
    expect(describedBy(jwt({ secret, algorithms: ['HS256'], optional: true }))?.security?.optional).toBe(true)
  })

  it('with 503 when it fetches a JWKS, and 403 when it reads a cookie with the CSRF check', () => {
    expect(describedBy(jwt({ jwks: down.url, algorithms: ['RS256'] }))?.statuses).toEqual([400, 401, 503])
    const fromCookie = describedBy(jwt({ secret, algorithms: ['HS256'], cookie: 'token' }))
    expect(fromCookie?.statuses).toEqual([400, 401])
    expect(fromCookie?.unsafeMethodStatuses).toEqual([403])
    expect(describedBy(jwt({ secret, algorithms: ['HS256'], cookie: 'token', csrf: false }))?.statuses).toEqual([400, 401])
  })
})

describe('requireScope() and authorize() describe themselves', () => {
  it('requireScope: the bearer scheme with its scopes, answering 401 and 403', () => {
    expect(describedBy(requireScope('notes:write', 'notes:read'))).toEqual({
      security: { name: 'bearerAuth', scheme: bearerScheme, scopes: ['notes:write', 'notes:read'] },
      statuses: [401, 403],
    })
    expect(describedBy(requireScope({ realm: 'x' }, 'admin'))?.security?.scopes).toEqual(['admin'])
  })

  it('authorize: 401 and 403 without a scheme of its own', () => {
    expect(describedBy(authorize(() => true))).toEqual({ statuses: [401, 403] })
  })
})

describe('session() and authjs() describe themselves', () => {
  it('session: an apiKey cookie scheme named after the cookie', () => {
    expect(describedBy(session({ secret: sessionSecret }))).toEqual({
      security: { name: 'sessionCookie', scheme: { type: 'apiKey', in: 'cookie', name: 'session' }, optional: true },
      statuses: [],
      unsafeMethodStatuses: [403],
    })
    expect(describedBy(session({ secret: sessionSecret, cookieName: 'sid', required: true, csrf: false }))).toEqual({
      security: { name: 'sessionCookie', scheme: { type: 'apiKey', in: 'cookie', name: 'sid' }, optional: false },
      statuses: [401],
      unsafeMethodStatuses: [],
    })
    expect(describedBy(session({ secret: sessionSecret, cookie: { hostPrefix: true } }))?.security?.scheme.name).toBe('__Host-session')
  })

  it('authjs: an apiKey cookie scheme naming the Auth.js cookies', () => {
    const described = describedBy(authjs({ secret: 'auth-secret' }))
    expect(described?.security).toMatchObject({
      name: 'authjsSession',
      scheme: { type: 'apiKey', in: 'cookie', name: 'authjs.session-token' },
      optional: false,
    })
    expect(described?.security?.scheme.description).toContain('__Secure-next-auth.session-token')
    expect(described?.statuses).toEqual([401])
    expect(described?.unsafeMethodStatuses).toEqual([403])
    expect(describedBy(authjs({ secret: 'auth-secret', cookieName: 'my-session', optional: true, csrf: false }))).toEqual({
      security: { name: 'authjsSession', scheme: { type: 'apiKey', in: 'cookie', name: 'my-session' }, optional: true },
      statuses: [],
      unsafeMethodStatuses: [],
    })
  })
})

// The statuses a description claims are ones the middleware really answers with.
describe.each(routers)('the described statuses happen (%s router)', (router) => {
  it('jwt(): 400, 401, 403 and 503', async () => {
    const cookieJwt = guarded(jwt({ secret, algorithms: ['HS256'], cookie: 'token', issuer, audience }))
    expect((await send(router, cookieJwt, { headers: { authorization: 'Bearer' } })).status).toBe(400)
    expect((await send(router, cookieJwt)).status).toBe(401)
    const fromCookie = { cookie: `token=${await token()}`, ...crossSite }
    expect((await send(router, cookieJwt, { method: 'POST', headers: fromCookie })).status).toBe(403)
    const remote = guarded(jwt({ jwks: { url: down.url, timeoutDuration: 300 }, algorithms: ['RS256'] }))
    const signed = await token({ alg: 'RS256', key: rsa.privateKey, header: { kid: 'k1' } })
    expect((await send(router, remote, { headers: { authorization: `Bearer ${signed}` } })).status).toBe(503)
  })

  it('requireScope(): 401 without a token, 403 without the scope', async () => {
    const scoped = createHandler()
      .use(jwt({ secret, algorithms: ['HS256'], optional: true }))
      .use(requireScope('admin'))
      .put(() => null)
    expect((await send(router, scoped, { method: 'PUT' })).status).toBe(401)
    const headers = { authorization: `Bearer ${await token()}` }
    expect((await send(router, scoped, { method: 'PUT', headers })).status).toBe(403)
  })

  it('session(): 401 when required, 403 for a cross-site write', async () => {
    const required = guarded(session({ secret: sessionSecret, required: true }))
    expect((await send(router, required)).status).toBe(401)
    const optional = guarded(session({ secret: sessionSecret }))
    const response = await send(router, optional, { method: 'POST', headers: { cookie: 'session=anything', ...crossSite } })
    expect(response.status).toBe(403)
  })

  it('authjs(): 401 without a session, 403 for a cross-site write', async () => {
    const signedIn = guarded(authjs({ secret: 'auth-secret' }))
    expect((await send(router, signedIn)).status).toBe(401)
    const response = await send(router, signedIn, { method: 'POST', headers: { cookie: 'authjs.session-token=x', ...crossSite } })
    expect(response.status).toBe(403)
  })
})
