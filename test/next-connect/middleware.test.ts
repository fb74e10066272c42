import type { ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { getPagesContext } from '../../src/adapters/pages.js'
import { createHandler, HttpError, type Middleware } from '../../src/index.js'
import { jwt, requireScope } from '../../src/jwt/index.js'
import { session } from '../../src/session/index.js'
import { testSessionCookie } from '../../src/testing/index.js'
import { audience, issuer, secret, token, unsignedToken } from '../jwt/fixtures.js'
import { kits } from './harness.js'

const bearer = jwt({ secret, algorithms: ['HS256'], issuer, audience, claims: z.object({ sub: z.string(), scope: z.string() }) })
const sessionSecret = 'session-secret-of-at-least-32-chars!'
const User = z.object({ username: z.string() })

describe.each(kits())('routekit middleware as next-connect middleware ($kind router)', (kit) => {
  const authed = () =>
    kit
      .router()
      .use(kit.use(bearer))
      .get(kit.reply((req) => ({ sub: req.auth.sub })))
      .post(kit.use(requireScope('items:write')), kit.reply((req) => ({ wrote: req.auth.sub }), 201))

  it('puts what the middleware adds on req for the next handlers', async () => {
    const answer = await kit.send(authed(), { headers: { authorization: `Bearer ${await token()}` } })
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ sub: 'user-1' })
  })

  it('refuses a request without a token: 401 problem with WWW-Authenticate, the handler never runs', async () => {
    const answer = await kit.send(authed())
    expect(answer.status).toBe(401)
    expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="api"')
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
    expect(answer.json()).toMatchObject({ type: 'about:blank', title: 'Unauthorized', status: 401 })
    expect(answer.text).not.toContain('user-1')
  })

  it.each([
    ['expired', async () => token({ exp: -60 }), 'token_expired'],
    ['signed with another secret', async () => token({ key: new TextEncoder().encode('another-secret-of-at-least-32-bytes') }), 'invalid_token'],
    ['unsigned (alg: none)', async () => unsignedToken(), 'invalid_token'],
  ])('refuses a token that is %s with 401 invalid_token', async (_, make, code) => {
    const answer = await kit.send(authed(), { headers: { authorization: `Bearer ${await make()}` } })
    expect(answer.status).toBe(401)
    expect(answer.headers.get('www-authenticate')).toContain('error="invalid_token"')
    expect(answer.json()).toMatchObject({ status: 401, code })
  })

  it('runs a second routekit middleware with the context the first added (403 without the scope)', async () => {
    const reader = await kit.send(authed(), { method: 'POST', headers: { authorization: `Bearer ${await token()}` } })
    expect(reader.status).toBe(403)
    expect(reader.headers.get('www-authenticate')).toContain('error="insufficient_scope"')
    const writer = await token({ payload: { scope: 'items:write' } })
    const answer = await kit.send(authed(), { method: 'POST', headers: { authorization: `Bearer ${writer}` } })
    expect(answer.status).toBe(201)
    expect(answer.json()).toEqual({ wrote: 'user-1' })
  })

  it('saves a session changed by a next-connect handler (the code after next() runs)', async () => {
    const login = kit
      .router()
      .post(kit.use(session({ secret: sessionSecret, schema: User })), kit.reply((req) => {
        req.session.regenerate({ username: 'ada' })
        return { signedIn: true }
      }))
    const answer = await kit.send(login, { method: 'POST' })
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ signedIn: true })
    const cookie = answer.headers.get('set-cookie')
    expect(cookie).toMatch(/^session=[^;]+; Path=\/; Max-Age=\d+; Expires=[^;]+; HttpOnly; Secure; SameSite=Lax$/)

    const me = kit
      .router()
      .get(kit.use(session({ secret: sessionSecret, schema: User, required: true })), kit.reply((req) => req.session.data))
    const pair = cookie!.split(';', 1)[0]!
    expect((await kit.send(me, { headers: { cookie: pair } })).json()).toEqual({ username: 'ada' })
    const anonymous = await kit.send(me)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toBe('Cookie realm="api"')
  })

  it('refuses a cross-site POST carrying the session cookie (403)', async () => {
    const cookies = await testSessionCookie({ username: 'ada' }, { secret: sessionSecret })
    const router = kit.router().post(kit.use(session({ secret: sessionSecret, schema: User })), kit.reply(() => 'changed'))
    const answer = await kit.send(router, {
      method: 'POST',
      headers: { cookie: `session=${cookies.session}`, origin: 'https://evil.example' },
    })
    expect(answer.status).toBe(403)
    expect(answer.json()).toMatchObject({ status: 403 })
  })

  it('lets code after next() add headers to the handler’s answer, body intact', async () => {
    const stamp: Middleware = async ({ next }) => {
      const result = await next()
      result.response.headers.set('x-served-by', 'routekit')
      return result
    }
    const answer = await kit.send(kit.router().get(kit.use(stamp), kit.reply(() => ({ ok: true }))))
    expect(answer.status).toBe(200)
    expect(answer.headers.get('x-served-by')).toBe('routekit')
    expect(answer.json()).toEqual({ ok: true })
  })

  it('answers with the middleware’s problem when its code after next() throws, instead of the handler’s answer', async () => {
    const audit: Middleware = async ({ next }) => {
      await next()
      throw HttpError.conflict('The audit log refused the change.')
    }
    const answer = await kit.send(kit.router().get(kit.use(audit), kit.reply(() => ({ secret: 'handler body' }))))
    expect(answer.status).toBe(409)
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
    expect(answer.json()).toMatchObject({ status: 409, detail: 'The audit log refused the change.' })
    expect(answer.text).not.toContain('handler body')
  })

  it('answers with a Response the middleware returns instead of calling next()', async () => {
    const closed: Middleware = () => new Response('closed for maintenance', { status: 503, headers: { 'retry-after': '60' } })
    const answer = await kit.send(kit.router().get(kit.use(closed), kit.reply(() => 'unreached')))
    expect(answer.status).toBe(503)
    expect(answer.headers.get('retry-after')).toBe('60')
    expect(answer.text).toBe('closed for maintenance')
  })

  it('keeps each request’s context to itself under concurrent requests', async () => {
    const router = authed()
    const subs = ['ada', 'grace', 'linus', 'barbara', 'edsger']
    const answers = await Promise.all(
      subs.map(async (sub) => kit.send(router, { headers: { authorization: `Bearer ${await token({ payload: { sub } })}` } })),
    )
    expect(answers.map((answer) => answer.json().sub)).toEqual(subs)
  })

  it('wraps a mounted routekit handler too: a rolling session renews its cookie around its answer', async () => {
    const cookies = await testSessionCookie({ username: 'ada' }, { secret: sessionSecret })
    const handler = createHandler().get(() => ({ from: 'routekit' }))
    const router = kit.router().use(kit.use(session({ secret: sessionSecret, schema: User, rolling: true }))).all(kit.mount(handler))
    const answer = await kit.send(router, { headers: { cookie: `session=${cookies.session}` } })
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ from: 'routekit' })
    expect(answer.headers.get('set-cookie')).toMatch(/^session=(?!;)/)
    expect(answer.headers.get('set-cookie')).not.toContain(cookies.session!)
  })

  it('hands errors thrown by next-connect handlers to next-connect’s onError', async () => {
    const answer = await kit.send(kit.router().get(kit.use(bearer), kit.fail('legacy bug')), {
      headers: { authorization: `Bearer ${await token()}` },
    })
    expect(answer.status).toBe(500)
    expect(answer.text).toBe('onError: legacy bug')
    expect(kit.reported).toEqual([new Error('legacy bug')])
  })

  it('leaves an error the middleware recovered from to the middleware: onError never sees it', async () => {
    const recover: Middleware = async ({ next }) => {
      try {
        return await next()
      } catch {
        return Response.json({ recovered: true }, { status: 502 })
      }
    }
    const answer = await kit.send(kit.router().get(kit.use(recover), kit.fail('legacy bug')))
    expect(answer.status).toBe(502)
    expect(answer.json()).toEqual({ recovered: true })
    expect(kit.reported).toEqual([])
  })

  it('answers a middleware’s own crash with a 500 problem that leaks nothing', async () => {
    const broken: Middleware = () => {
      throw new Error('redis password=hunter2')
    }
    const answer = await kit.send(kit.router().get(kit.use(broken), kit.reply(() => 'unreached')))
    expect(answer.status).toBe(500)
    expect(answer.json()).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'internal_server_error' })
  })

  it('refuses context that would replace the request’s own members (500 middleware_contract)', async () => {
    const clobber: Middleware<{}, { headers: string }> = ({ next }) => next({ ctx: { headers: 'mine' } })
    const answer = await kit.send(kit.router().get(kit.use(clobber, { dev: true }), kit.reply(() => 'unreached')))
    expect(answer.status).toBe(500)
    expect(answer.json()).toMatchObject({ code: 'middleware_contract' })
    expect(answer.json().detail).toContain('"headers"')
  })
})

describe.each(kits().filter((kit) => kit.kind === 'node'))('routekit middleware before Node handlers that write by hand', (kit) => {
  const withSession = () => kit.use(session({ secret: sessionSecret, schema: User }))

  it('keeps writeHead’s status and headers and every chunk, in order, and adds the session cookie', async () => {
    const router = kit.router().post(withSession(), async (req: any, res: ServerResponse) => {
      req.session.set({ username: 'grace' })
      res.writeHead(202, { 'content-type': 'text/plain', 'x-legacy': '1' })
      res.write('one,')
      await new Promise((resolve) => setTimeout(resolve, 5))
      res.write('two,')
      await new Promise<void>((resolve) => res.end('three', resolve)) // waits for the real flush: must not hang
    })
    const answer = await kit.send(router, { method: 'POST' })
    expect(answer.status).toBe(202)
    expect(answer.headers.get('x-legacy')).toBe('1')
    expect(answer.headers.get('set-cookie')).toMatch(/^session=/)
    expect(answer.text).toBe('one,two,three')
  })

  it('keeps every header of writeHead’s raw list, repeated Set-Cookie included, as Node sends them', async () => {
    const router = kit.router().post(withSession(), (req: any, res: ServerResponse) => {
      req.session.set({ username: 'grace' })
      res.setHeader('x-legacy', 'replaced')
      res.writeHead(200, ['Set-Cookie', 'a=1', 'Set-Cookie', 'b=2', 'x-legacy', '1'])
      res.end('ok')
    })
    const answer = await kit.send(router, { method: 'POST' })
    expect(answer.headers.getSetCookie()).toEqual(['a=1', 'b=2', expect.stringMatching(/^session=/)])
    expect(answer.headers.get('x-legacy')).toBe('1')
    expect(answer.text).toBe('ok')
  })

  it('shows a handler that has answered that it has (headersSent, writableEnded), as Node would', async () => {
    // The middleware is still busy after next() (a session sealing its cookie) while the handler goes on.
    let handlerDone!: () => void
    const handlerFinished = new Promise<void>((resolve) => (handlerDone = resolve))
    const busyAfterNext: Middleware = async ({ next }) => {
      const result = await next()
      await handlerFinished
      return result
    }
    const seen: boolean[][] = []
    const router = kit.router().get(kit.use(busyAfterNext), (_req: unknown, res: ServerResponse) => {
      seen.push([res.headersSent, res.writableEnded])
      res.setHeader('content-type', 'application/json')
      res.end('{"first":true}')
      seen.push([res.headersSent, res.writableEnded])
      // The usual guard in a legacy catch block: with headers "not sent" it would answer twice.
      if (!res.headersSent) {
        res.statusCode = 500
        res.end('{"second":true}')
      }
      handlerDone()
    })
    const answer = await kit.send(router)
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ first: true })
    expect(seen).toEqual([
      [false, false],
      [true, true],
    ])
  })

  it('lets a mounted handler that writes res by hand answer once, with its own status', async () => {
    const byHand = createHandler().get(({ req }) => {
      const { res } = getPagesContext(req)!
      res.statusCode = 201
      res.end('written by hand') // returns nothing: routekit must not add a 204 of its own
    })
    const router = kit.router().use(withSession()).get(kit.mount(byHand))
    const answer = await kit.send(router)
    expect(answer.status).toBe(201)
    expect(answer.text).toBe('written by hand')
  })

  it('lets a handler that answers later (after awaiting something) through', async () => {
    const router = kit.router().get(withSession(), async (_req: unknown, res: ServerResponse) => {
      await new Promise((resolve) => setTimeout(resolve, 5))
      res.setHeader('content-type', 'application/json')
      res.end('{"late":true}')
    })
    const answer = await kit.send(router)
    expect(answer.json()).toEqual({ late: true })
    expect(answer.headers.get('set-cookie')).toBeNull()
  })
})
