import { describe, expect, it } from 'vitest'
import { authjs } from '../../src/authjs/index.js'
import { createHandler } from '../../src/index.js'
import { jwt, signJwt } from '../../src/jwt/index.js'
import { session } from '../../src/session/index.js'
import { routers, send } from '../routers.js'
import { sessionCookie } from './helpers.js'

const secret = 'session-secret-of-at-least-32-chars!'

function app(csrf?: Parameters<typeof session>[0]['csrf']) {
  return createHandler()
    .use(session({ secret, csrf }))
    .get(({ session }) => session.data ?? null)
    .post(({ session }) => {
      session.set({ userId: session.data?.userId ?? 'u1' })
      return 'changed'
    })
}

describe.each(routers)('CSRF protection for cookie sessions (%s router)', (router) => {
  async function cookie() {
    return sessionCookie(await send(router, app(), { method: 'POST' }))!.pair
  }
  const post = async (handler: ReturnType<typeof app>, headers: Record<string, string>) =>
    send(router, handler, { method: 'POST', headers: { cookie: await cookie(), ...headers } })

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['Origin: null', { origin: 'null' }],
    ['the same host on another scheme', { origin: 'https://routekit.test' }],
    ['a sibling subdomain', { origin: 'http://evil.routekit.test' }],
    ['no Origin and Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['no Origin and Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
  ])('C1: refuses a cookie-authenticated POST with %s (403)', async (_, headers) => {
    const response = await post(app(), headers)
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(response.json()).toEqual({
      type: 'about:blank',
      title: 'Forbidden',
      status: 403,
      code: 'csrf_rejected',
      detail: 'Cross-site requests that could change state are refused.',
    })
  })

  it.each([
    ['its own Origin', { origin: 'http://routekit.test' }],
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin' }],
    ['Sec-Fetch-Site: none (typed in the address bar)', { 'sec-fetch-site': 'none' }],
    ['neither header (a non-browser client)', {}],
  ])('accepts a cookie-authenticated POST with %s', async (_, headers) => {
    expect((await post(app(), headers)).status).toBe(200)
  })

  it('lets safe methods through from anywhere', async () => {
    const response = await send(router, app(), { headers: { cookie: await cookie(), origin: 'https://evil.example' } })
    expect(response.status).toBe(200)
  })

  it('accepts configured origins', async () => {
    const partner = app({ allowedOrigins: ['https://admin.example'] })
    expect((await post(partner, { origin: 'https://admin.example' })).status).toBe(200)
    expect((await post(partner, { origin: 'https://evil.example' })).status).toBe(403)
  })

  it('trusts X-Forwarded-Host only when told to', async () => {
    const headers = { origin: 'http://public.example', 'x-forwarded-host': 'public.example' }
    expect((await post(app(), headers)).status).toBe(403)
    expect((await post(app({ trustForwardedHost: true }), headers)).status).toBe(200)
  })

  it('can be turned off', async () => {
    expect((await post(app(false), { origin: 'https://evil.example' })).status).toBe(200)
  })

  it('C4: does not apply to a bearer-authenticated POST from a foreign origin', async () => {
    const jwtSecret = 'jwt-secret-of-at-least-32-bytes!!'
    const api = createHandler()
      .use(session({ secret }))
      .use(jwt({ secret: jwtSecret, algorithms: ['HS256'] }))
      .post(({ auth }) => ({ sub: auth.sub }))
    const token = await signJwt({ sub: 'u1' }, { secret: jwtSecret, algorithm: 'HS256' })
    const response = await send(router, api, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, origin: 'https://evil.example' },
    })
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ sub: 'u1' })
  })
})

describe('the app’s own origin', () => {
  it('comes from the Host header, not from a request URL that names another host (as Next’s App Router does)', async () => {
    const api = app()
    const cookie = sessionCookie(await send('app', api, { method: 'POST' }))!.pair
    // Next hands App Router routes http://localhost:<port>/... whatever the browser asked for.
    const asNextDoes = (origin: string) =>
      api.handle(
        new Request('http://localhost:3000/api/items', {
          method: 'POST',
          headers: { cookie, host: 'app.example.com', origin },
        }),
      )
    expect((await asNextDoes('http://app.example.com')).status).toBe(200)
    expect((await asNextDoes('http://localhost:3000')).status).toBe(403)
    expect((await asNextDoes('https://evil.example')).status).toBe(403)
  })
})

// Login CSRF: a cross-site form that signs the visitor in (or out) carries
// no session cookie yet, so the check cannot wait for one.
describe.each(routers)('cross-site requests without a session cookie (%s router)', (router) => {
  const login = () =>
    createHandler()
      .use(session({ secret }))
      .post(({ session }) => {
        session.regenerate({ userId: 'attacker' })
        return 'signed in'
      })
  const authjsLogin = () =>
    createHandler()
      .use(authjs({ secret: 'auth-secret-as-generated-by-npx-auth-secret', optional: true }))
      .post(() => 'ok')

  it.each([
    ['Sec-Fetch-Site: cross-site (a form on another site)', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site', origin: 'https://evil.routekit.test' }],
    ['a foreign Origin without Fetch Metadata', { origin: 'https://evil.example' }],
    ['Origin: null (a sandboxed frame)', { origin: 'null' }],
  ])('session() refuses %s: 403 and no cookie is set', async (_, headers) => {
    const answer = await send(router, login(), { method: 'POST', headers })
    expect(answer.status).toBe(403)
    expect(answer.json().code).toBe('csrf_rejected')
    expect(answer.headers.get('set-cookie')).toBeNull()
  })

  it('authjs() refuses a cross-site POST without a cookie too', async () => {
    const answer = await send(router, authjsLogin(), { method: 'POST', headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' } })
    expect(answer.status).toBe(403)
    expect(answer.json().code).toBe('csrf_rejected')
  })

  it.each([
    ['Sec-Fetch-Site: same-origin', { 'sec-fetch-site': 'same-origin', origin: 'http://routekit.test' }],
    // A proxy that rewrote Host cannot make the browser's own verdict wrong.
    ['Sec-Fetch-Site: same-origin behind a proxy that changed Host', { 'sec-fetch-site': 'same-origin', origin: 'https://app.example' }],
    ['its own Origin without Fetch Metadata', { origin: 'http://routekit.test' }],
    ['neither header (curl, another server)', {}],
  ])('session() lets a login with %s sign in', async (_, headers) => {
    const answer = await send(router, login(), { method: 'POST', headers })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('set-cookie')).toMatch(/^session=/)
  })

  it('an allowed origin passes even though the browser calls it same-site', async () => {
    const partner = createHandler()
      .use(session({ secret, csrf: { allowedOrigins: ['https://admin.routekit.test'] } }))
      .post(() => 'ok')
    const headers = { 'sec-fetch-site': 'same-site', origin: 'https://admin.routekit.test' }
    expect((await send(router, partner, { method: 'POST', headers })).status).toBe(200)
    expect((await send(router, partner, { method: 'POST', headers: { ...headers, origin: 'https://evil.routekit.test' } })).status).toBe(403)
  })

  it('a request with an Authorization header and no session cookie is not CSRF (C4)', async () => {
    const answer = await send(router, authjsLogin(), {
      method: 'POST',
      headers: { authorization: 'Bearer abc', 'sec-fetch-site': 'cross-site', origin: 'https://partner.example' },
    })
    expect(answer.status).toBe(200)
  })
})
