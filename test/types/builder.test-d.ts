import { describe, expectTypeOf, it } from 'vitest'
import { createHandler, type HandlerArgs, type Middleware, type RawParams, type RawQuery } from '../../src/index.js'

interface User {
  id: string
  role: 'admin' | 'member'
}

describe('context types', () => {
  it('accumulate through three .use() calls, later keys overwriting earlier ones', () => {
    createHandler()
      .use(({ next }) => next({ ctx: { tenant: 'acme', level: 'low' as string } }))
      .use(({ ctx, next }) => {
        expectTypeOf(ctx).toEqualTypeOf<{ tenant: string; level: string }>()
        return next({ ctx: { requestId: 1 } })
      })
      .use(({ ctx, next }) => {
        expectTypeOf(ctx).toEqualTypeOf<{ tenant: string; level: string; requestId: number }>()
        return next({ ctx: { level: 3 } })
      })
      .get((args) => {
        expectTypeOf(args.tenant).toEqualTypeOf<string>()
        expectTypeOf(args.requestId).toEqualTypeOf<number>()
        expectTypeOf(args.level).toEqualTypeOf<number>()
      })
  })

  it('let a later middleware narrow a type', () => {
    createHandler()
      .use(({ next }) => next({ ctx: { user: null as User | null } }))
      .use(({ ctx, next }) => {
        if (!ctx.user) return new Response(null, { status: 401 })
        return next({ ctx: { user: ctx.user } })
      })
      .get(({ user }) => {
        expectTypeOf(user).toEqualTypeOf<User>()
      })
  })

  it('give the handler a flat argument: context beside the request parts', () => {
    type Args = HandlerArgs<{ user: User; tenant: string }>
    expectTypeOf<Args>().toEqualTypeOf<{
      user: User
      tenant: string
      req: Request
      params: RawParams
      query: RawQuery
      headers: Record<string, string>
      body: undefined
      signal: AbortSignal
    }>()
  })

  it('keep request parts authoritative over a context key of the same name', () => {
    createHandler()
      .use(({ next }) => next({ ctx: { params: 'not params' } }))
      .get(({ params }) => {
        expectTypeOf(params).toEqualTypeOf<RawParams>()
      })
  })

  it('leave a middleware that only answers without adding anything', () => {
    createHandler()
      .use(() => new Response('short-circuit'))
      .get((args) => {
        expectTypeOf(args).toEqualTypeOf<HandlerArgs<{}>>()
      })
  })

  it('accept a reusable middleware typed for any context', () => {
    const withClock: Middleware<{}, { now: Date }> = ({ next }) => next({ ctx: { now: new Date() } })
    createHandler()
      .use(({ next }) => next({ ctx: { a: 1 } }))
      .use(withClock)
      .get(({ a, now }) => {
        expectTypeOf(a).toEqualTypeOf<number>()
        expectTypeOf(now).toEqualTypeOf<Date>()
      })
  })
})

describe('what must not compile', () => {
  it('refuses a middleware that forgets to return next()', () => {
    // @ts-expect-error a Promise<void> is neither next()'s result nor a Response
    createHandler().use(async ({ next }) => {
      await next()
    })
    // @ts-expect-error nothing is returned at all
    createHandler().use(({ next }) => {
      void next()
    })
  })

  it('refuses a middleware that returns some other value', () => {
    // @ts-expect-error a string is not a response
    createHandler().use(() => 'done')
    // @ts-expect-error a hand-made object cannot pass for next()'s result
    createHandler().use(() => ({ response: new Response() }))
  })

  it('refuses a middleware that needs context the chain does not provide', () => {
    const adminOnly: Middleware<{ user: User }> = ({ ctx, next }) => {
      if (ctx.user.role !== 'admin') return new Response(null, { status: 403 })
      return next()
    }
    // @ts-expect-error no earlier middleware added `user`
    createHandler().use(adminOnly)
    createHandler()
      .use(({ next }) => next({ ctx: { user: { id: '1', role: 'admin' as const } } }))
      .use(adminOnly)
  })

  it('refuses reading context that no middleware added', () => {
    createHandler()
      .use(({ next }) => next({ ctx: { tenant: 'acme' } }))
      // @ts-expect-error `user` was never added
      .get(({ user }) => user)
  })

  it('refuses next() with something other than a context object', () => {
    // @ts-expect-error ctx must be an object
    createHandler().use(({ next }) => next({ ctx: 'user' }))
  })
})
