import { redirect } from 'next/navigation.js'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createHandler, handlerWide, HttpError } from '../../src/index.js'
import { cors } from '../../src/cors/index.js'
import { jwt } from '../../src/jwt/index.js'
import { ipKey, memoryRateLimitStore, rateLimit } from '../../src/rate-limit/index.js'
import { session } from '../../src/session/index.js'
import { runAction, testSessionCookie, testToken } from '../../src/testing/index.js'

// An action runs the builder's own middleware: what a route would refuse,
// the action refuses with the same problem; what a route would set (a
// session cookie), the action writes through Next's cookie store.
const secret = 'an-action-test-secret-at-least-32-bytes!'
const NewNote = z.object({ text: z.string().min(1), tags: z.array(z.string()).default([]) })
const User = z.object({ username: z.string() })
const api = createHandler()
const signedIn = api.use(session({ secret, schema: User, required: true }))
const sameSite = { 'sec-fetch-site': 'same-origin', origin: 'http://localhost' }
const signedInAs = (username: string) => testSessionCookie({ username }, { secret })

const createNote = signedIn.action({ body: NewNote }, ({ body, session }) => ({ ...body, owner: session.data.username }))

describe('an action on a session base', () => {
  it('runs the function with the validated input and the middleware context', async () => {
    const { result } = await runAction(createNote, { text: 'milk' }, { headers: sameSite, cookies: await signedInAs('ada') })
    expect(result).toEqual({ ok: true, data: { text: 'milk', tags: [], owner: 'ada' } })
  })

  it('takes a FormData as a form body: repeated names become arrays', async () => {
    const form = new FormData()
    form.append('text', 'eggs')
    form.append('tags', 'food')
    form.append('tags', 'home')
    form.append('$ACTION_ID_abc', '')
    const { result } = await runAction(createNote, form, { headers: sameSite, cookies: await signedInAs('ada') })
    expect(result).toEqual({ ok: true, data: { text: 'eggs', tags: ['food', 'home'], owner: 'ada' } })
  })

  it('answers invalid input with the validation problem, errors by path', async () => {
    const { result } = await runAction(createNote, { text: '', tags: [3] } as never, { headers: sameSite, cookies: await signedInAs('ada') })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problem).toMatchObject({ status: 422, code: 'validation_failed' })
    expect((result.problem.errors as { path: unknown[] }[]).map((issue) => issue.path)).toEqual([['text'], ['tags', 0]])
  })

  it('is a 401 problem signed out, and the function never runs', async () => {
    const fn = vi.fn()
    const { result } = await runAction(signedIn.action(fn), undefined, { headers: sameSite })
    expect(result).toMatchObject({ ok: false, problem: { status: 401 } })
    expect(fn).not.toHaveBeenCalled()
  })

  it('refuses a cross-site call with 403, signed in or not', async () => {
    const fn = vi.fn()
    const crossSite = { 'sec-fetch-site': 'cross-site', origin: 'https://attacker.example' }
    for (const cookies of [await signedInAs('ada'), undefined]) {
      const { result } = await runAction(signedIn.action(fn), undefined, { headers: crossSite, cookies })
      expect(result).toMatchObject({ ok: false, problem: { status: 403 } })
    }
    expect(fn).not.toHaveBeenCalled()
  })

  it('writes session changes as cookies, also when the function ends in redirect()', async () => {
    const login = api.use(session({ secret, schema: User })).action({ body: User }, ({ body, session }) => {
      session.regenerate(body)
      redirect('/notes')
    })
    const run = runAction(login, { username: 'ada' }, { headers: sameSite })
    await expect(run).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT/) })
    const cookies: string[] = []
    await login.run(new Request('http://localhost/', { method: 'POST', headers: sameSite }), { username: 'ada' }, { setCookie: (header) => void cookies.push(header) }).catch(() => undefined)
    expect(cookies).toHaveLength(1)
    expect(cookies[0]).toMatch(/^session=[^;]+;.*HttpOnly/i)
  })

  it('ends a session: destroy() deletes the cookie', async () => {
    const logout = signedIn.action(({ session }) => session.destroy())
    const { result, cookies } = await runAction(logout, undefined, { headers: sameSite, cookies: await signedInAs('ada') })
    expect(result).toEqual({ ok: true, data: undefined })
    expect(cookies).toEqual({ session: '' })
  })
})

describe('an action on other middleware', () => {
  it('reads a bearer token from the forwarded Authorization header', async () => {
    const jwtSecret = 'a-jwt-secret-for-actions-at-least-32-b'
    const whoAmI = api.use(jwt({ secret: jwtSecret, algorithms: ['HS256'] })).action(({ auth }) => auth.sub)
    const token = await testToken({ sub: 'u1' }, { secret: jwtSecret })
    expect((await runAction(whoAmI, undefined, { headers: { authorization: `Bearer ${token}` } })).result).toEqual({ ok: true, data: 'u1' })
    expect((await runAction(whoAmI, undefined)).result).toMatchObject({ ok: false, problem: { status: 401 } })
  })

  it('counts calls against a rate limit: over it is a 429 problem', async () => {
    const limited = api.use(rateLimit({ key: ipKey({ header: 'x-forwarded-for' }), limit: 2, window: '1m', store: memoryRateLimitStore() })).action(() => 'ok')
    const headers = { 'x-forwarded-for': '203.0.113.9' }
    const statuses = []
    for (let i = 0; i < 3; i++) {
      const { result } = await runAction(limited, undefined, { headers })
      statuses.push(result.ok ? 200 : result.problem.status)
    }
    expect(statuses).toEqual([200, 200, 429])
  })

  it('maps an HttpError to its problem, anything else to a bare 500 with onError told', async () => {
    const onError = vi.fn()
    const base = createHandler({ onError, dev: false })
    const missing = await runAction(base.action(() => { throw HttpError.notFound('No such note.') }), undefined)
    expect(missing.result).toMatchObject({ ok: false, problem: { status: 404, detail: 'No such note.' } })
    const broken = await runAction(base.action(() => { throw new Error('db password is hunter2') }), undefined)
    expect(broken.result).toEqual({ ok: false, problem: { type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'internal_server_error' } })
    expect(onError).toHaveBeenCalledTimes(1)
    expect((onError.mock.calls[0]![0] as Error).message).toBe('db password is hunter2')
  })
})

describe('building an action', () => {
  it("skips cors(), which concerns HTTP only, and refuses any other handler-wide layer", () => {
    expect(() => createHandler().use(cors({ origin: 'https://app.example' })).action(() => 'ok')).not.toThrow()
    const audit = handlerWide(async function audit({ next }) { return next() })
    expect(() => createHandler().use(audit).action(() => 'ok')).toThrow(/audit runs around the method guard/)
  })

  it('refuses spec keys an action has no use for', () => {
    expect(() => api.action({ query: NewNote } as never, () => 'ok')).toThrow(/unknown option `query` \(an action has only a body/)
    expect(() => api.action({ body: NewNote }, undefined as never)).toThrow(/an action needs a function/)
  })

  it("refuses a function Next made a Server Action of (inline in a 'use server' file on Next 14): it would be callable past the chain", () => {
    // What React's registerServerReference() does to the function Next hoists.
    const hoisted = Object.assign(async () => 'ok', { $$typeof: Symbol.for('react.server.reference'), $$id: 'abc', $$bound: null })
    expect(() => signedIn.action({ body: NewNote }, hoisted)).toThrow(/itself a Server Action.*Build the action in a module without 'use server'/)
  })
})
