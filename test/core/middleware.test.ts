import { describe, expect, it, vi } from 'vitest'
import { createHandler, HttpError, type Middleware } from '../../src/index.js'
import { problemOf, request } from '../helpers.js'

describe('middleware', () => {
  it('runs as an onion: in order on the way in, reversed on the way out', async () => {
    const trace: string[] = []
    const layer =
      (name: string): Middleware =>
      async ({ next }) => {
        trace.push(`${name} in`)
        const result = await next()
        trace.push(`${name} out`)
        return result
      }
    const api = createHandler()
      .use(layer('outer'))
      .use(layer('inner'))
      .get(() => {
        trace.push('handler')
      })
    await api.handle(request('GET'))
    expect(trace).toEqual(['outer in', 'inner in', 'handler', 'inner out', 'outer out'])
  })

  it('adds context that later middleware and the handler see, later keys overwriting earlier ones', async () => {
    const api = createHandler()
      .use(({ next }) => next({ ctx: { user: null as string | null, tenant: 't1' } }))
      .use(({ ctx, next }) => next({ ctx: { user: ctx.user ?? 'anonymous' } }))
      .get(({ user, tenant }) => ({ user, tenant }))
    expect(await (await api.handle(request('GET'))).json()).toEqual({ user: 'anonymous', tenant: 't1' })
  })

  it('can change the downstream response after next()', async () => {
    const api = createHandler()
      .use(async ({ next }) => {
        const result = await next()
        result.response.headers.set('x-request-id', 'abc')
        return result
      })
      .get(() => ({ ok: true }))
    const response = await api.handle(request('GET'))
    expect(response.headers.get('x-request-id')).toBe('abc')
    expect(await response.json()).toEqual({ ok: true })
  })

  it('can replace the response, or answer without calling next()', async () => {
    const handlerRan = vi.fn()
    const replaced = createHandler()
      .use(async ({ next }) => {
        await next()
        return new Response('replaced', { status: 202 })
      })
      .get(() => 'original')
    const replacedResponse = await replaced.handle(request('GET'))
    expect(replacedResponse.status).toBe(202)
    expect(await replacedResponse.text()).toBe('replaced')

    const shortCircuit = createHandler()
      .use(() => new Response(null, { status: 304 }))
      .get(handlerRan)
    expect((await shortCircuit.handle(request('GET'))).status).toBe(304)
    expect(handlerRan).not.toHaveBeenCalled()
  })

  it('turns an HttpError thrown by a middleware into its problem response', async () => {
    const api = createHandler()
      .use(() => {
        throw HttpError.forbidden('Admins only.', { code: 'admins_only' })
      })
      .get(() => 'secret')
    const response = await api.handle(request('GET'))
    expect(response.status).toBe(403)
    expect(await problemOf(response)).toMatchObject({ status: 403, code: 'admins_only', detail: 'Admins only.' })
  })

  it('lets a middleware catch what the handler threw', async () => {
    const api = createHandler()
      .use(async ({ next }) => {
        try {
          return await next()
        } catch {
          return new Response('recovered', { status: 200 })
        }
      })
      .get(() => {
        throw new Error('boom')
      })
    expect(await (await api.handle(request('GET'))).text()).toBe('recovered')
  })

  it('answers 500 and runs the handler once when a middleware calls next() twice', async () => {
    const handler = vi.fn(() => 'ran')
    const twiceAwaited = createHandler()
      .use(async ({ next }) => {
        await next()
        return next()
      })
      .get(handler)
    expect((await twiceAwaited.handle(request('GET'))).status).toBe(500)
    expect(handler).toHaveBeenCalledTimes(1)

    handler.mockClear()
    const secondIgnored = createHandler()
      .use(async ({ next }) => {
        const result = await next()
        void next()
        return result
      })
      .get(handler)
    const response = await secondIgnored.handle(request('GET'))
    expect(response.status).toBe(500)
    expect(await problemOf(response)).toMatchObject({ code: 'middleware_contract' })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('answers 500 when a (JavaScript) middleware returns nothing instead of next()', async () => {
    const forgetful = (async ({ next }: { next: () => Promise<unknown> }) => {
      await next()
    }) as unknown as Middleware
    const api = createHandler({ dev: true }).use(forgetful).get(() => 'ok')
    const response = await api.handle(request('GET'))
    expect(response.status).toBe(500)
    expect(await problemOf(response)).toMatchObject({
      code: 'middleware_contract',
      detail: "A middleware returned neither next()'s result nor a Response.",
    })
  })

  it('leaves no unhandled rejection when a middleware does not await a failing next()', async () => {
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    try {
      const api = createHandler()
        .use(({ next }) => {
          void next()
          return new Response('answered early')
        })
        .get(async () => {
          await new Promise((resolve) => setTimeout(resolve, 5))
          throw new Error('late failure')
        })
      expect(await (await api.handle(request('GET'))).text()).toBe('answered early')
      await new Promise((resolve) => setTimeout(resolve, 30))
      expect(unhandled).not.toHaveBeenCalled()
    } finally {
      process.off('unhandledRejection', unhandled)
    }
  })

  it('gives middleware the request and a signal', async () => {
    const api = createHandler()
      .use(({ req, signal, next }) => next({ ctx: { path: new URL(req.url).pathname, aborted: signal.aborted } }))
      .get(({ path, aborted }) => ({ path, aborted }))
    expect(await (await api.handle(request('GET', '/api/things'))).json()).toEqual({ path: '/api/things', aborted: false })
  })
})
