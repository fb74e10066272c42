import { describe, expect, it } from 'vitest'
import { call, ownOrigin } from './client.js'

const json = { 'content-type': 'application/json' }

async function login(password = 'lovelace') {
  return call('POST', '/api/session/login', { headers: json, body: JSON.stringify({ username: 'ada', password }) })
}

function cookieOf(answer: { headers: Headers }) {
  const header = answer.headers.getSetCookie().find((cookie) => cookie.startsWith('session='))
  return { header, pair: header?.split(';')[0] }
}

describe('cookie sessions inside Next.js', () => {
  it('refuses a wrong password and issues a hardened cookie for the right one', async () => {
    expect((await login('guess')).status).toBe(401)
    const answer = await login()
    expect(answer.status).toBe(200)
    const { header } = cookieOf(answer)
    expect(header).toMatch(/; Path=\/; Max-Age=\d+; Expires=.+; HttpOnly; Secure; SameSite=Lax$/)
  })

  it('reads the session back, and answers 401 with a Cookie challenge without it', async () => {
    const { pair } = cookieOf(await login())
    expect((await call('GET', '/api/session/me', { headers: { cookie: pair! } })).json()).toEqual({ username: 'ada' })
    const anonymous = await call('GET', '/api/session/me')
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toBe('Cookie realm="api"')
  })

  it('checks the origin of unsafe requests that carry the cookie', async () => {
    const { pair } = cookieOf(await login())
    const put = (origin: string) =>
      call('PUT', '/api/legacy/notes/1', { headers: { ...json, cookie: pair!, origin }, body: '{"text":"Try routekit","tags":["welcome"]}' })
    expect((await put('https://evil.example')).status).toBe(403)
    expect((await put('null')).status).toBe(403)
    const same = await put(ownOrigin)
    expect(same.status).toBe(200)
    expect(same.json()).toMatchObject({ id: 1, owner: 'ada' })
  })

  it('checks the origin on the App Router too, where Next names every request url localhost', async () => {
    const { pair } = cookieOf(await login())
    const put = (origin: string) =>
      call('PUT', '/api/preferences', { headers: { ...json, cookie: pair!, origin }, body: '{"theme":"dark"}' })
    expect((await put('https://evil.example')).status).toBe(403)
    const same = await put(ownOrigin)
    expect(same.status).toBe(200)
    expect(same.json()).toEqual({ username: 'ada', theme: 'dark' })
    const updated = cookieOf(same).pair!
    expect((await call('GET', '/api/preferences', { headers: { cookie: updated } })).json()).toEqual({ username: 'ada', theme: 'dark' })
  })

  it('logs out with an expiring cookie, after which the old one is refused', async () => {
    const { pair } = cookieOf(await login())
    const logout = await call('POST', '/api/session/logout', { headers: { cookie: pair!, origin: ownOrigin } })
    expect(logout.status).toBe(204)
    expect(cookieOf(logout).header).toMatch(/^session=; Path=\/; Max-Age=0;/)
    expect((await call('GET', '/api/session/me', { headers: { cookie: pair! } })).status).toBe(401)
  })

  it('refuses a tampered cookie with 401, not 500', async () => {
    const { pair } = cookieOf(await login())
    const tampered = `${pair!.slice(0, -5)}AAAAA`
    expect((await call('GET', '/api/session/me', { headers: { cookie: tampered } })).status).toBe(401)
  })
})
