import type { NextApiHandler } from 'next'
import { describe, expectTypeOf, it } from 'vitest'
import { toAppRoute } from '../../src/adapters/app.js'
import { toPagesRoute } from '../../src/adapters/pages.js'
import { createHandler } from '../../src/index.js'

const authed = createHandler()
  .use(({ next }) => next({ ctx: { auth: { sub: 'u1' } } }))
  .get(({ auth }) => auth.sub)

describe('adapter types', () => {
  it('accept a handler of any context type', () => {
    const { GET, POST, OPTIONS } = toAppRoute(authed)
    expectTypeOf(GET).parameters.toEqualTypeOf<
      [request: Request, context?: { params?: Promise<Record<string, string | string[] | undefined>> | Record<string, string | string[] | undefined> }]
    >()
    expectTypeOf(POST).returns.toEqualTypeOf<Promise<Response>>()
    expectTypeOf(OPTIONS).returns.toEqualTypeOf<Promise<Response>>()
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
