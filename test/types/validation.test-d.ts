import * as v from 'valibot'
import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { createHandler, type RawHeaders, type RawParams, type RawQuery, type RouteSpec } from '../../src/index.js'

describe('handler argument types from zod schemas', () => {
  it('are the schemas’ outputs, with coercion, defaults and transforms', () => {
    createHandler().post(
      {
        params: z.object({ id: z.coerce.number() }),
        query: z.object({ limit: z.coerce.number().default(20), q: z.string().optional() }),
        headers: z.object({ 'x-tenant': z.string() }),
        body: z.object({ name: z.string(), at: z.iso.datetime().transform((s) => new Date(s)) }),
      },
      ({ params, query, headers, body }) => {
        expectTypeOf(params).toEqualTypeOf<{ id: number }>()
        expectTypeOf(query).toEqualTypeOf<{ limit: number; q?: string | undefined }>()
        expectTypeOf(headers).toEqualTypeOf<{ 'x-tenant': string }>()
        expectTypeOf(body).toEqualTypeOf<{ name: string; at: Date }>()
      },
    )
  })

  it('fall back to raw records for parts without a schema, and no body', () => {
    createHandler().put({ body: z.array(z.string()) }, ({ params, query, headers, body }) => {
      expectTypeOf(params).toEqualTypeOf<RawParams>()
      expectTypeOf(query).toEqualTypeOf<RawQuery>()
      expectTypeOf(headers).toEqualTypeOf<RawHeaders>()
      expectTypeOf(body).toEqualTypeOf<string[]>()
    })
    createHandler().get({}, ({ body }) => {
      expectTypeOf(body).toEqualTypeOf<undefined>()
    })
  })

  it('combine with middleware context', () => {
    createHandler()
      .use(({ next }) => next({ ctx: { auth: { sub: 'u1' } } }))
      .patch({ body: z.object({ done: z.boolean() }) }, ({ auth, body }) => {
        expectTypeOf(auth).toEqualTypeOf<{ sub: string }>()
        expectTypeOf(body).toEqualTypeOf<{ done: boolean }>()
      })
  })
})

describe('handler argument types from valibot (another Standard Schema library)', () => {
  it('are the schemas’ outputs too', () => {
    createHandler().post(
      {
        params: v.object({ id: v.pipe(v.string(), v.transform(Number)) }),
        body: v.object({ name: v.string(), tags: v.optional(v.array(v.string()), []) }),
      },
      ({ params, body }) => {
        expectTypeOf(params).toEqualTypeOf<{ id: number }>()
        expectTypeOf(body).toEqualTypeOf<{ name: string; tags: string[] }>()
      },
    )
  })
})

describe('declared responses type the handler’s return', () => {
  const Item = z.object({ id: z.string() })

  it('accept a matching value or any Response', () => {
    createHandler().get({ responses: { 200: Item } }, () => ({ id: '1' }))
    createHandler().get({ responses: { 200: Item } }, () => new Response(null, { status: 304 }))
    createHandler().delete({ responses: { 204: z.undefined() } }, async () => {})
  })

  it('refuse a value that does not match, or returning nothing without a declared 204', () => {
    // @ts-expect-error id must be a string
    createHandler().get({ responses: { 200: Item } }, () => ({ id: 1 }))
    // @ts-expect-error no 204 is declared, so forgetting to return is caught
    createHandler().get({ responses: { 200: Item } }, async () => {})
  })

  it('refuse a spec that is not one', () => {
    // @ts-expect-error a body must be a schema
    createHandler().post({ body: 'json' }, () => null)
  })

  it('take the problem statuses a route throws as literals, and only error statuses', () => {
    const spec = { errors: [404, 409] } satisfies RouteSpec
    expectTypeOf(spec.errors).toEqualTypeOf<(404 | 409)[]>()
    createHandler().get({ errors: [404, 503] }, () => null)
    // @ts-expect-error 200 is not an error status
    createHandler().get({ errors: [200] }, () => null)
    // @ts-expect-error nor is 4040
    createHandler().get({ errors: [4040] }, () => null)
  })
})
