import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { memorySessionStore, session, type SessionOptions } from '../../src/session/index.js'
import { routers, send } from '../routers.js'
import { flipOneByte, sealHeader, sessionCookie } from './helpers.js'

const secret = 'session-secret-of-at-least-32-chars!'
const otherSecret = 'another-app-secret-of-32-characters'
const User = z.object({ userId: z.string(), theme: z.string().optional() })
const day = 24 * 60 * 60

/** An app with login (POST), logout (DELETE), a profile update (PATCH) and a read (GET). */
function app(options: Partial<SessionOptions<typeof User>> = {}) {
  return createHandler({ dev: true })
    .use(session({ secret, schema: User, ttl: day, ...options }))
    .get(({ session }) => ({ data: session.data ?? null, id: session.id ?? null }))
    .post({ body: z.object({ userId: z.string() }) }, ({ body, session }) => {
      session.regenerate({ userId: body.userId })
      return { id: session.id }
    })
    .patch({ body: z.object({ theme: z.string() }) }, ({ body, session }) => {
      session.update(body)
    })
    .delete(({ session }) => {
      session.destroy()
    })
}

const loginBody = (userId = 'u1') => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })

afterEach(() => {
  vi.useRealTimers()
})

describe.each(routers)('sealed-cookie sessions (%s router)', (router) => {
  async function login(handler = app(), userId = 'u1', extraHeaders: Record<string, string> = {}) {
    const sent = loginBody(userId)
    const response = await send(router, handler, { ...sent, headers: { ...sent.headers, ...extraHeaders } })
    const cookie = sessionCookie(response)
    expect(cookie).toBeDefined()
    return { response, cookie: cookie! }
  }
  const read = (handler: ReturnType<typeof app>, cookie: string) => send(router, handler, { headers: { cookie } })

  it('S3: a login sets a sealed HttpOnly; Secure; SameSite=Lax; Path=/ cookie with Max-Age under the ttl', async () => {
    // An id long enough that random ciphertext cannot contain it by chance (a
    // two-letter one did, about once in 25 runs).
    const userId = 'user-whose-id-must-stay-secret'
    const { cookie } = await login(app(), userId)
    expect(cookie.attributes).toEqual(expect.arrayContaining(['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax']))
    const maxAge = Number(cookie.attributes.find((a) => a.startsWith('Max-Age='))!.slice(8))
    expect(maxAge).toBeLessThan(day)
    expect(maxAge).toBeGreaterThan(day - 120)
    expect(cookie.value.split('.')).toHaveLength(5) // a compact JWE
    expect(sealHeader(cookie.value)).toMatchObject({ alg: 'dir', enc: 'A256GCM', kid: '1' })
    expect(cookie.value).not.toContain(userId)
    const ciphertext = Buffer.from(cookie.value.split('.')[3]!, 'base64url').toString('latin1')
    expect(ciphertext).not.toContain(userId)
  })

  it('reads back what was sealed, and merges updates', async () => {
    const handler = app()
    const { cookie } = await login(handler)
    expect((await read(handler, cookie.pair)).json()).toMatchObject({ data: { userId: 'u1' } })
    const patched = await send(router, handler, {
      method: 'PATCH',
      headers: { cookie: cookie.pair, 'content-type': 'application/json', origin: 'http://routekit.test' },
      body: '{"theme":"dark"}',
    })
    const updated = sessionCookie(patched)!
    expect((await read(handler, updated.pair)).json()).toMatchObject({ data: { userId: 'u1', theme: 'dark' } })
  })

  it('sends no cookie when nothing changed', async () => {
    const handler = app()
    const { cookie } = await login(handler)
    expect(sessionCookie(await read(handler, cookie.pair))).toBeUndefined()
  })

  it('prevents fixation: login replaces a planted session with a new value and id, and revokes the old one', async () => {
    const store = memorySessionStore()
    const handler = app({ store })
    const planted = await login(handler, 'attacker')
    const plantedId = planted.response.json().id
    const { response, cookie } = await login(handler, 'victim', { cookie: planted.cookie.pair, origin: 'http://routekit.test' })
    expect(cookie.value).not.toBe(planted.cookie.value)
    expect(response.json().id).not.toBe(plantedId)
    expect((await read(handler, planted.cookie.pair)).json()).toEqual({ data: null, id: null })
  })

  it('S1: treats a tampered or foreign cookie as no session, clears it, and answers 401 where one is required', async () => {
    const handler = app()
    const { cookie } = await login(handler)
    const foreign = await login(app({ secret: otherSecret }))
    for (const pair of [`session=${flipOneByte(cookie.value)}`, foreign.cookie.pair, 'session=garbage', 'session=a.b.c.d.e']) {
      const response = await read(handler, pair)
      expect(response.status).toBe(200)
      expect(response.json()).toEqual({ data: null, id: null })
      expect(sessionCookie(response)?.attributes).toContain('Max-Age=0')
    }
    const required = createHandler().use(session({ secret, required: true })).get(({ session }) => session.data)
    const refused = await send(router, required, { headers: { cookie: `session=${flipOneByte(cookie.value)}` } })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toBe('Cookie realm="api"')
    expect(refused.json()).toMatchObject({ status: 401, code: 'session_required' })
  })

  it('S2: opens a value sealed with an older key, re-seals it with the newest when saved, and refuses it once that key is gone', async () => {
    const oldKey = { id: 'k1', secret }
    const newKey = { id: 'k2', secret: otherSecret }
    const { cookie } = await login(app({ secret: undefined, secrets: [oldKey] }))
    const rotated = app({ secret: undefined, secrets: [newKey, oldKey] })
    expect((await read(rotated, cookie.pair)).json()).toMatchObject({ data: { userId: 'u1' } })
    const saved = await send(router, rotated, {
      method: 'PATCH',
      headers: { cookie: cookie.pair, 'content-type': 'application/json', origin: 'http://routekit.test' },
      body: '{"theme":"dark"}',
    })
    expect(sealHeader(sessionCookie(saved)!.value).kid).toBe('k2')
    const retired = app({ secret: undefined, secrets: [newKey], required: true })
    expect((await read(retired, cookie.pair)).status).toBe(401)
  })

  it('S2: refuses a cookie once its ttl has passed', async () => {
    const { cookie } = await login()
    const required = app({ required: true })
    expect((await read(required, cookie.pair)).status).toBe(200)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + (day + 5) * 1000)
    expect((await read(required, cookie.pair)).status).toBe(401)
  })

  it('S5: logout sends an expiring cookie, and with a store the old cookie cannot be replayed', async () => {
    const handler = app({ store: memorySessionStore() })
    const { cookie } = await login(handler)
    const logout = await send(router, handler, { method: 'DELETE', headers: { cookie: cookie.pair, origin: 'http://routekit.test' } })
    expect(logout.status).toBe(204)
    const cleared = sessionCookie(logout)!
    expect(cleared.value).toBe('')
    expect(cleared.attributes).toContain('Max-Age=0')
    expect((await read(handler, cookie.pair)).json()).toEqual({ data: null, id: null })
  })

  it('answers an oversized session with a clear 500 instead of a cookie browsers would drop', async () => {
    const big = createHandler({ dev: true })
      .use(session({ secret }))
      .post(({ session }) => {
        session.set({ blob: 'x'.repeat(5000) })
      })
    const response = await send(router, big, { method: 'POST' })
    expect(response.status).toBe(500)
    expect(response.json().detail).toMatch(/^The sealed session cookie is \d+ bytes; browsers drop cookies over 4096/)
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('keeps the handler’s own cookies beside the session cookie', async () => {
    const both = createHandler()
      .use(session({ secret }))
      .post(({ session }) => {
        session.set({ userId: 'u1' })
        const headers = new Headers()
        headers.append('set-cookie', 'theme=dark; Path=/')
        headers.append('set-cookie', 'lang=en; Path=/')
        return new Response(null, { status: 201, headers })
      })
    const response = await send(router, both, { method: 'POST' })
    const names = response.headers.getSetCookie().map((cookie) => cookie.split('=')[0])
    expect(names).toEqual(['theme', 'lang', 'session'])
  })

  it('adds the session cookie to a response whose headers are immutable', async () => {
    const redirecting = createHandler()
      .use(session({ secret }))
      .post(({ session }) => {
        session.set({ userId: 'u1' })
        return Response.redirect('http://routekit.test/home', 303)
      })
    const response = await send(router, redirecting, { method: 'POST' })
    expect(response.status).toBe(303)
    expect(response.headers.get('location')).toBe('http://routekit.test/home')
    expect(sessionCookie(response)).toBeDefined()
  })

  it('re-issues the cookie on every request with rolling expiry', async () => {
    const handler = app({ rolling: true })
    const { cookie } = await login(handler)
    expect(sessionCookie(await read(handler, cookie.pair))).toBeDefined()
  })

  it('offers the __Host- prefix, and drops Secure only for plain-http localhost in development', async () => {
    const response = await send(router, app({ cookie: { hostPrefix: true } }), loginBody())
    expect(sessionCookie(response, 'session')).toBeUndefined()
    const host = sessionCookie(response, '__Host-session')!
    expect(host.attributes).toEqual(expect.arrayContaining(['Path=/', 'Secure']))
    expect(host.header).not.toContain('Domain=')

    const local = await send(router, app({ dev: true }), { ...loginBody(), origin: 'http://localhost:3000' })
    expect(sessionCookie(local)!.attributes).not.toContain('Secure')
    const production = await send(router, app({ dev: false }), { ...loginBody(), origin: 'http://localhost:3000' })
    expect(sessionCookie(production)!.attributes).toContain('Secure')
  })

  it('treats sealed data that no longer fits the schema as no session', async () => {
    const loose = createHandler().use(session({ secret })).post(({ session }) => session.set({ unexpected: true }))
    const cookie = sessionCookie(await send(router, loose, { method: 'POST' }))!
    expect((await read(app(), cookie.pair)).json()).toEqual({ data: null, id: null })
  })
})
