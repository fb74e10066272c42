import { describe, expect, it, vi } from 'vitest'
import { getPagesContext, toPagesRoute } from '../../src/adapters/pages.js'
import { createHandler } from '../../src/index.js'
import { callPages } from '../adapters/pages-helpers.js'
import { routers, send } from '../routers.js'
import { expectProblem } from './expect-problem.js'

// docs/security-cases.md, methods and the runtime.
const generic = { type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'internal_server_error' }
const getAndPost = createHandler({ dev: false })
  .get(() => ({ items: [] }))
  .post(() => ({ method: 'POST' }))

describe.each(routers)('methods and the runtime (%s router)', (router) => {
  it('M1: DELETE on a GET/POST route is 405 with Allow; OPTIONS is 204 with Allow; HEAD is 200 with headers only', async () => {
    const allow = { allow: 'GET, HEAD, POST, OPTIONS' }
    expectProblem(await send(router, getAndPost, { method: 'DELETE' }), 405, { code: 'method_not_allowed', headers: allow })
    const options = await send(router, getAndPost, { method: 'OPTIONS' })
    expect([options.status, options.headers.get('allow'), options.text]).toEqual([204, allow.allow, ''])
    const head = await send(router, getAndPost, { method: 'HEAD' })
    expect([head.status, head.headers.get('content-type'), head.text]).toEqual([200, 'application/json', ''])
  })

  it('C5: a POST with X-HTTP-Method-Override: DELETE is handled as POST', async () => {
    const answer = await send(router, getAndPost, { method: 'POST', headers: { 'x-http-method-override': 'DELETE' } })
    expect(answer.json()).toEqual({ method: 'POST' })
  })

  it('E1: in production, an Error carrying a password is a 500 with a generic title and nothing else', async () => {
    const onError = vi.fn()
    const leaky = createHandler({ dev: false, onError }).get(() => {
      throw new Error('ECONNREFUSED 10.1.2.3:5432 password=hunter2', { cause: new Error('pool exhausted') })
    })
    const answer = await send(router, leaky)
    expect(expectProblem(answer, 500)).toEqual(generic)
    for (const leak of ['ECONNREFUSED', 'hunter2', 'pool exhausted', 'at ']) expect(answer.text).not.toContain(leak)
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('E2: throwing "x", null, undefined or 42 is a 500 problem, passed to onError', async () => {
    for (const thrown of ['x', null, undefined, 42]) {
      const onError = vi.fn()
      const odd = createHandler({ dev: false, onError }).get(() => {
        throw thrown
      })
      expect(expectProblem(await send(router, odd), 500)).toEqual(generic)
      expect(onError).toHaveBeenCalledWith(thrown, expect.any(Request))
    }
  })

  it('E6: a middleware calling next() twice is a 500, and the handler runs once', async () => {
    const handler = vi.fn(() => 'ran')
    const twice = createHandler({ dev: false })
      .use(async ({ next }) => {
        await next()
        return next()
      })
      .get(handler)
    expectProblem(await send(router, twice), 500, { code: 'middleware_contract' })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('E7: a handler that returns nothing is answered 204 (documented), never a stalled request', async () => {
    const silent = createHandler().get(() => {})
    const answer = await send(router, silent)
    expect([answer.status, answer.text]).toEqual([204, ''])
  })

  it('E8: a handler that never settles, with a 2 s timeout, is 503 and its AbortSignal fires', { timeout: 5000 }, async () => {
    let signal: AbortSignal | undefined
    const stuck = createHandler({ timeout: 2000 }).get(({ signal: given }) => {
      signal = given
      return new Promise(() => {})
    })
    expectProblem(await send(router, stuck), 503, { code: 'timeout' })
    expect(signal?.aborted).toBe(true)
  })

  // Cases the list lacks.
  it('E10 (added): an onError hook that throws does not turn the 500 into a crash', async () => {
    const api = createHandler({
      dev: false,
      onError: () => {
        throw new Error('logger down')
      },
    }).get(() => {
      throw new Error('boom')
    })
    expect(expectProblem(await send(router, api), 500)).toEqual(generic)
  })

  it('E11 (added): a handler returning something JSON cannot encode (a BigInt, a cycle) is a 500 problem', async () => {
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    for (const value of [{ n: 1n }, cyclic]) {
      expect(expectProblem(await send(router, createHandler({ dev: false }).get(() => value)), 500)).toEqual(generic)
    }
  })
})

describe('Pages Router only', () => {
  it('E9: a handler that writes a 200 with res and then throws: the 200 arrives intact, no headers-sent crash', async () => {
    const onError = vi.fn()
    const route = toPagesRoute(
      createHandler({ onError }).get(({ req }) => {
        const { res } = getPagesContext(req)!
        res.statusCode = 200
        res.setHeader('content-type', 'application/json')
        res.end('{"written":true}')
        throw new Error('after responding')
      }),
    )
    const answer = await callPages(route)
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ written: true })
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('E7 (Pages): a handler that finishes without responding gets a 204', async () => {
    const answer = await callPages(toPagesRoute(createHandler().get(() => undefined)))
    expect([answer.status, answer.text()]).toEqual([204, ''])
  })

  it('M2 (added): TRACE and CONNECT, which Fetch cannot represent, are 405 with Allow', async () => {
    for (const method of ['TRACE', 'CONNECT'] as const) {
      const answer = await callPages(toPagesRoute(getAndPost), { method })
      expect([answer.status, answer.headers.allow]).toEqual([405, 'GET, HEAD, POST, OPTIONS'])
    }
  })
})
