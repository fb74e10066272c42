import type { NextApiHandler } from 'next'
import type { NextRequest } from 'next/server'
import { describe, expectTypeOf, it } from 'vitest'
import { toAppRoute } from '../../src/adapters/app.js'
import { toPagesRoute } from '../../src/adapters/pages.js'
import { createHandler } from '../../src/index.js'

const authed = createHandler()
  .use(({ next }) => next({ ctx: { auth: { sub: 'u1' } } }))
  .get(({ auth }) => auth.sub)

type Params = Record<string, string | string[] | undefined>

// What `next build` checks on a route.ts export, from the types Next generates
// (test/compat/next runs the real builds). Next 15: the inferred second
// parameter must be assignable to { params: Promise<...> }.
type Next15SecondArg<T extends Function> = T extends (...args: [any, infer A]) => any ? (unknown extends A ? any : A) : never
// Next 16: the export must be assignable to this, for the route's own params.
type Next16Method<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response | void> | Response | void

describe('adapter types', () => {
  it('accept a handler of any context type', () => {
    const { GET, POST, OPTIONS } = toAppRoute(authed)
    // The last signature, the one Next 15 reads (the first also admits a plain object or no context).
    expectTypeOf<Parameters<typeof GET>>().toEqualTypeOf<[request: Request, context: { params: Promise<Params> }]>()
    expectTypeOf(POST).returns.toEqualTypeOf<Promise<Response>>()
    expectTypeOf(OPTIONS).returns.toEqualTypeOf<Promise<Response>>()
  })

  it('pass the route checks of Next 15 and 16 (Next 14 checks nothing there)', () => {
    const { GET } = toAppRoute(authed)
    expectTypeOf<Next15SecondArg<typeof GET>>().toEqualTypeOf<{ params: Promise<Params> }>()
    expectTypeOf<Next15SecondArg<typeof GET>>().toExtend<{ params: Promise<any> }>()
    expectTypeOf(GET).toExtend<Next16Method<{}>>()
    expectTypeOf(GET).toExtend<Next16Method<{ id: string }>>()
    expectTypeOf(GET).toExtend<Next16Method<{ slug: string[]; opt?: string[] }>>()
  })

  it('accept what the function takes at run time: a Promise, a plain object (Next 14) or no context', () => {
    const { GET } = toAppRoute(authed)
    const request = new Request('http://localhost/api/items/1')
    expectTypeOf(GET(request, { params: Promise.resolve({ id: '1' }) })).toEqualTypeOf<Promise<Response>>()
    expectTypeOf(GET(request, { params: { id: '1', rest: ['a', 'b'], opt: undefined } })).toEqualTypeOf<Promise<Response>>()
    expectTypeOf(GET(request)).toEqualTypeOf<Promise<Response>>()
    // @ts-expect-error params are strings
    void GET(request, { params: { id: 1 } })
  })

  it('make a Pages route that is a NextApiHandler', () => {
    const route: NextApiHandler = toPagesRoute(authed)
    expectTypeOf(route).toBeFunction()
  })

  it('refuse something that is not a handler', () => {
    // @ts-expect-error a bare function is not a routekit handler
    toAppRoute(() => new Response())
    // @ts-expect-error likewise for the Pages adapter
    toPagesRoute({ get: () => 1 })
  })
})
