import { encode as encodeV5 } from '@auth/core/jwt'
import { encode as encodeV5Latest } from 'authjs-core-latest/jwt'
import { encode as encodeV4 } from 'next-auth/jwt'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { authjs } from '../../src/authjs/index.js'
import { createHandler } from '../../src/index.js'
import { authorize } from '../../src/jwt/index.js'
import { routers, send } from '../routers.js'

const secret = 'auth-secret-as-generated-by-npx-auth-secret'
const otherSecret = 'a-different-apps-auth-secret-value-entirely'
const user = { sub: 'u1', name: 'Ada', email: 'ada@example.com', picture: null }

const me = createHandler()
  .use(authjs({ secret }))
  .get(({ auth }) => ({ email: auth.email, sub: auth.sub }))
  .post(({ auth }) => ({ email: auth.email }))

/** Splits a long value into the `name.0`, `name.1`, ... cookies Auth.js's SessionStore writes (3936 characters each). */
function chunked(name: string, value: string): string {
  const size = 4096 - 160
  const parts: string[] = []
  for (let i = 0; i * size < value.length; i++) parts.push(`${name}.${i}=${value.slice(i * size, (i + 1) * size)}`)
  return parts.join('; ')
}

describe.each(routers)('authjs() (%s router)', (router) => {
  const withCookie = (cookie: string, extra: Record<string, string> = {}) => send(router, me, { headers: { cookie, ...extra } })

  it.each([
    ['Auth.js v5 (@auth/core 0.34)', 'authjs.session-token', (salt: string) => encodeV5({ token: user, secret, salt })],
    ['Auth.js v5, secure cookie', '__Secure-authjs.session-token', (salt: string) => encodeV5({ token: user, secret, salt })],
    ['Auth.js v5 (@auth/core 0.41)', 'authjs.session-token', (salt: string) => encodeV5Latest({ token: user, secret, salt })],
    ['next-auth v4', 'next-auth.session-token', () => encodeV4({ token: user, secret })],
    ['next-auth v4, secure cookie', '__Secure-next-auth.session-token', () => encodeV4({ token: user, secret })],
  ])('reads a session cookie minted by %s', async (_, name, mint) => {
    const response = await withCookie(`theme=dark; ${name}=${await mint(name)}`)
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ email: 'ada@example.com', sub: 'u1' })
  })

  it('reads a chunked cookie', async () => {
    const name = 'authjs.session-token'
    const token = await encodeV5({ token: { ...user, picture: `https://img.example/${'x'.repeat(6000)}` }, secret, salt: name })
    expect(token.length).toBeGreaterThan(4096)
    const response = await withCookie(chunked(name, token))
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ email: 'ada@example.com', sub: 'u1' })
  })

  it.each([
    ['no cookie', async () => 'theme=dark'],
    ['a cookie for another secret (v5)', async () => `authjs.session-token=${await encodeV5({ token: user, secret: otherSecret, salt: 'authjs.session-token' })}`],
    ['a cookie for another secret (v4)', async () => `next-auth.session-token=${await encodeV4({ token: user, secret: otherSecret })}`],
    ['an expired cookie', async () => `authjs.session-token=${await encodeV5({ token: user, secret, salt: 'authjs.session-token', maxAge: -60 })}`],
    ['a v5 cookie under the v4 name', async () => `next-auth.session-token=${await encodeV5({ token: user, secret, salt: 'authjs.session-token' })}`],
    ['junk', async () => 'authjs.session-token=not.a.jwe.at.all'],
  ])('answers %s with 401 and a challenge, never 500', async (_, cookie) => {
    const response = await withCookie(await cookie())
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Cookie realm="api"')
    expect(response.json()).toMatchObject({ status: 401, code: 'session_required' })
  })

  it('accepts cookies from an older secret while rotating', async () => {
    const rotating = createHandler().use(authjs({ secret: [otherSecret, secret] })).get(({ auth }) => auth.sub)
    const cookie = `authjs.session-token=${await encodeV5({ token: user, secret, salt: 'authjs.session-token' })}`
    expect((await send(router, rotating, { headers: { cookie } })).json()).toBe('u1')
  })

  it('supports a custom cookie name and salt', async () => {
    const custom = createHandler().use(authjs({ secret, cookieName: 'app.session', salt: 'my-salt' })).get(({ auth }) => auth.sub)
    const cookie = `app.session=${await encodeV5({ token: user, secret, salt: 'my-salt' })}`
    expect((await send(router, custom, { headers: { cookie } })).json()).toBe('u1')
  })

  it('validates the token with a schema, and lets authorize() use it', async () => {
    const admins = createHandler()
      .use(authjs({ secret, schema: z.object({ sub: z.string(), role: z.enum(['admin', 'member']) }) }))
      .use(authorize(({ auth }) => auth.role === 'admin'))
      .get(({ auth }) => auth.role)
    const cookie = async (role: string) => `authjs.session-token=${await encodeV5({ token: { ...user, role }, secret, salt: 'authjs.session-token' })}`
    expect((await send(router, admins, { headers: { cookie: await cookie('admin') } })).json()).toBe('admin')
    expect((await send(router, admins, { headers: { cookie: await cookie('member') } })).status).toBe(403)
    expect((await send(router, admins, { headers: { cookie: await cookie('root') } })).status).toBe(401)
  })

  it('lets anonymous requests through when optional', async () => {
    const maybe = createHandler().use(authjs({ secret, optional: true })).get(({ auth }) => ({ email: auth?.email ?? null }))
    expect((await send(router, maybe)).json()).toEqual({ email: null })
  })

  it('refuses a cross-site POST riding on the session cookie', async () => {
    const cookie = `authjs.session-token=${await encodeV5({ token: user, secret, salt: 'authjs.session-token' })}`
    const response = await send(router, me, { method: 'POST', headers: { cookie, origin: 'https://evil.example' } })
    expect(response.status).toBe(403)
    expect(response.json()).toMatchObject({ code: 'csrf_rejected' })
    const same = await send(router, me, { method: 'POST', headers: { cookie, origin: 'http://routekit.test' } })
    expect(same.status).toBe(200)
  })

  it('refuses to be created without a secret option', () => {
    expect(() => authjs({} as never)).toThrow(/`secret` is required/)
    expect(() => authjs({ secret: [''] })).toThrow(/`secret` must be a non-empty string/)
  })
})
