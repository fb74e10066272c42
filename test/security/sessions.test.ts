import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHandler } from '../../src/index.js'
import { jwt, signJwt } from '../../src/jwt/index.js'
import { memorySessionStore, session, type SessionOptions } from '../../src/session/index.js'
import { routers, send } from '../routers.js'
import { flipOneByte, sealHeader, sessionCookie } from '../session/helpers.js'
import { expectProblem } from './expect-problem.js'

// docs/security-cases.md, sessions and CSRF.
const key1 = { id: '1', secret: 'first-session-secret-32-characters!' }
const key2 = { id: '2', secret: 'second-session-secret-32-characters' }
const ttl = 3600

const app = (options: Partial<SessionOptions> = {}) =>
  createHandler()
    .use(session({ secrets: [key1], ttl, required: true, ...options }))
    .get(({ session }) => session.data)
    .post(({ session }) => {
      session.update({ touched: true })
    })
    .delete(({ session }) => {
      session.destroy()
    })
const loginRoute = (options: Partial<SessionOptions> = {}) =>
  createHandler()
    .use(session({ secrets: [key1], ttl, ...options }))
    .post(({ session }) => {
      session.regenerate({ userId: 'u1' })
    })

afterEach(() => {
  vi.useRealTimers()
})

describe.each(routers)('sessions (%s router)', (router) => {
  const login = async (options: Partial<SessionOptions> = {}) => sessionCookie(await send(router, loginRoute(options), { method: 'POST' }))!
  const get = (handler: ReturnType<typeof app>, cookie: string) => send(router, handler, { headers: { cookie } })
  const required = { code: 'session_required', headers: { 'www-authenticate': 'Cookie realm="api"' } }

  it('S1: a cookie with one byte flipped, or sealed for another app, is 401 on a route that requires a session, and is cleared', async () => {
    const { value } = await login()
    const flipped = await get(app(), `session=${flipOneByte(value)}`)
    expectProblem(flipped, 401, required)
    expect(sessionCookie(flipped)?.attributes).toContain('Max-Age=0')
    const foreign = await login({ secrets: [key2] })
    const refused = await get(app(), foreign.pair)
    expectProblem(refused, 401, required)
    expect(sessionCookie(refused)?.attributes).toContain('Max-Age=0')
  })

  it('S2: sealed with key 1 of {1, 2}: 200 and re-sealed with key 2 when saved; key 1 removed: 401; ttl passed: 401', async () => {
    const { pair } = await login()
    const rotated = app({ secrets: [key2, key1] })
    expect((await get(rotated, pair)).status).toBe(200)
    const saved = await send(router, rotated, { method: 'POST', headers: { cookie: pair } })
    expect(sealHeader(sessionCookie(saved)!.value).kid).toBe('2')
    expectProblem(await get(app({ secrets: [key2] }), pair), 401, required)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + (ttl + 1) * 1000)
    expectProblem(await get(app(), pair), 401, required)
  })

  it('S3: the login response sets HttpOnly, Secure, SameSite=Lax, Path=/ and a Max-Age below the ttl', async () => {
    const { attributes } = await login()
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=Lax', 'Path=/']))
    const maxAge = Number(attributes.find((attribute) => attribute.startsWith('Max-Age='))!.slice('Max-Age='.length))
    expect(maxAge).toBeGreaterThan(0)
    expect(maxAge).toBeLessThan(ttl)
  })

  it('S5: logout sends an expiring cookie; with revocation on, replaying the old cookie is 401', async () => {
    const store = memorySessionStore()
    const { pair } = await login({ store })
    const logout = await send(router, app({ store }), { method: 'DELETE', headers: { cookie: pair } })
    expect(sessionCookie(logout)!.attributes).toContain('Max-Age=0')
    expectProblem(await get(app({ store }), pair), 401, required)
  })

  it('C1: a cookie-authenticated POST from Origin https://evil.example or Origin null is 403', async () => {
    const { pair } = await login()
    for (const origin of ['https://evil.example', 'null']) {
      const answer = await send(router, app(), { method: 'POST', headers: { cookie: pair, origin } })
      expectProblem(answer, 403, { code: 'csrf_rejected' })
      expect(sessionCookie(answer)).toBeUndefined()
    }
  })

  it('C4: a bearer-authenticated POST from a foreign Origin is 200', async () => {
    const jwtSecret = 'bearer-secret-of-at-least-32-bytes'
    const api = createHandler()
      .use(session({ secrets: [key1] }))
      .use(jwt({ secret: jwtSecret, algorithms: ['HS256'] }))
      .post(() => 'ok')
    const token = await signJwt({ sub: 'u1' }, { secret: jwtSecret, algorithm: 'HS256' })
    expect((await send(router, api, { method: 'POST', headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' } })).status).toBe(200)
  })

  // Cases the list lacks.
  it('S6 (added): a cookie planted before login is replaced at login with a new value (no fixation)', async () => {
    const planted = await login()
    const after = sessionCookie(await send(router, loginRoute(), { method: 'POST', headers: { cookie: planted.pair } }))!
    expect(after.value).not.toBe(planted.value)
  })

  it('C6 (added): Sec-Fetch-Site: cross-site without Origin is 403, and X-Forwarded-Host is not trusted by default', async () => {
    const { pair } = await login()
    expectProblem(await send(router, app(), { method: 'POST', headers: { cookie: pair, 'sec-fetch-site': 'cross-site' } }), 403, { code: 'csrf_rejected' })
    const spoofed = await send(router, app(), {
      method: 'POST',
      headers: { cookie: pair, origin: 'http://evil.example', 'x-forwarded-host': 'evil.example' },
    })
    expectProblem(spoofed, 403, { code: 'csrf_rejected' })
  })
})
