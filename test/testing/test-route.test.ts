import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler, created } from '../../src/index.js'
import { jwt } from '../../src/jwt/index.js'
import { session } from '../../src/session/index.js'
import { testRoute, testSessionCookie, testToken } from '../../src/testing/index.js'
import { routers } from '../routers.js'

const jwtSecret = 'testing-helper-secret-32-bytes!!'
const sessionSecret = 'testing-helper-session-secret-32-chars'

const notes = createHandler()
  .get({ query: z.object({ tag: z.array(z.string()).optional(), limit: z.coerce.number().default(5) }) }, ({ query, params }) => ({ query, params }))
  .use(jwt({ secret: jwtSecret, algorithms: ['HS256'], issuer: 'tests', audience: 'notes' }))
  .post({ body: z.object({ text: z.string() }) }, ({ body, auth }) => created({ ...body, owner: auth.sub }, '/api/notes/1'))

const me = createHandler()
  .use(session({ secret: sessionSecret, required: true }))
  .get(({ session }) => session.data)
  .delete(({ session }) => {
    session.destroy()
  })

describe.each(routers)('testRoute (%s router)', (router) => {
  it('sends params and query, and parses a JSON answer', async () => {
    const result = await testRoute(notes, { router, url: '/api/notes/7', params: { id: '7' }, query: { tag: ['a', 'b'] } })
    expect(result.status).toBe(200)
    expect(result.headers.get('content-type')).toBe('application/json')
    expect(result.body).toEqual({ query: { tag: ['a', 'b'], limit: 5 }, params: { id: '7' } })
  })

  it('sends a JSON body and a bearer token minted by testToken', async () => {
    const auth = await testToken({ sub: 'u1' }, { secret: jwtSecret, issuer: 'tests', audience: 'notes' })
    const result = await testRoute(notes, { router, method: 'POST', body: { text: 'hi' }, auth })
    expect(result.status).toBe(201)
    expect(result.headers.get('location')).toBe('/api/notes/1')
    expect(result.body).toEqual({ text: 'hi', owner: 'u1' })
  })

  it('parses a problem answer too', async () => {
    const result = await testRoute(notes, { router, method: 'POST', body: { text: 'hi' } })
    expect(result.status).toBe(401)
    expect(result.body).toMatchObject({ status: 401, code: 'missing_token' })
  })

  it('sends a session cookie sealed by testSessionCookie, and reports the cookies an answer sets', async () => {
    const cookies = await testSessionCookie({ username: 'ada' }, { secret: sessionSecret })
    expect((await testRoute(me, { router, cookies })).body).toEqual({ username: 'ada' })
    const logout = await testRoute(me, { router, method: 'DELETE', cookies })
    expect(logout.status).toBe(204)
    expect(logout.body).toBeUndefined()
    expect(logout.cookies).toEqual({ session: '' })
  })

  it('sends form bodies as they are', async () => {
    const form = createHandler().post({ body: z.object({ a: z.string() }), accepts: ['form'] }, ({ body }) => body)
    const result = await testRoute(form, { router, method: 'POST', body: new URLSearchParams({ a: '1' }) })
    expect(result.body).toEqual({ a: '1' })
  })

  it('returns a text body as text', async () => {
    const text = createHandler().get(() => new Response('plain', { headers: { 'content-type': 'text/plain' } }))
    expect((await testRoute(text, { router })).body).toBe('plain')
  })
})
