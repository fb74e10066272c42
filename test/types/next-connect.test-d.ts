import type { NextApiRequest, NextApiResponse } from 'next'
import { createEdgeRouter, createRouter } from 'next-connect'
import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { jwt } from '../../src/jwt/index.js'
import { type AddedBy, mountEdge, mountNode, useEdge, useNode, validateEdge, validateNode } from '../../src/next-connect/index.js'
import { type RequiredSession, session } from '../../src/session/index.js'

const bearer = jwt({ secret: 'x'.repeat(32), algorithms: ['HS256'], claims: z.object({ sub: z.string(), scope: z.string() }) })
const NewNote = z.object({ text: z.string(), tags: z.array(z.string()).default([]) })
const ListQuery = z.object({ limit: z.coerce.number().default(20) })

describe('routekit/next-connect types', () => {
  it('say what a middleware step adds to the request', () => {
    const auth = useNode(bearer)
    expectTypeOf<AddedBy<typeof auth>>().toEqualTypeOf<{ auth: { sub: string; scope: string } }>()
    const signedIn = useEdge(session({ secret: 'x'.repeat(32), schema: z.object({ userId: z.string() }), required: true }))
    expectTypeOf<AddedBy<typeof signedIn>>().toEqualTypeOf<{ session: RequiredSession<{ userId: string }> }>()
  })

  it('say what a validation step puts on req.validated: the schemas’ outputs, only for the parts given', () => {
    const create = validateNode({ query: ListQuery, body: NewNote })
    expectTypeOf<AddedBy<typeof create>>().toEqualTypeOf<{
      validated: { query: { limit: number }; body: { text: string; tags: string[] } }
    }>()
    const list = validateEdge({ query: ListQuery })
    expectTypeOf<AddedBy<typeof list>['validated']>().toEqualTypeOf<{ query: { limit: number } }>()
  })

  it('type the handlers of a Node router built with them', () => {
    const auth = useNode(bearer)
    const create = validateNode({ body: NewNote })
    const router = createRouter<NextApiRequest & AddedBy<typeof auth> & AddedBy<typeof create>, NextApiResponse>()
    router.use(auth).post(create, (req, res) => {
      expectTypeOf(req.auth.sub).toEqualTypeOf<string>()
      expectTypeOf(req.validated.body.tags).toEqualTypeOf<string[]>()
      // Next's own members are untouched.
      expectTypeOf(req.query).toEqualTypeOf<NextApiRequest['query']>()
      // @ts-expect-error only the parts the spec validates are there
      void req.validated.query
      res.status(201).json(req.validated.body)
    })
    router.all(mountNode(createHandler().get(() => 'ok')))
    expectTypeOf(router.handler()).toBeFunction()
  })

  it('type the handlers of an edge router built with them', () => {
    const auth = useEdge(bearer)
    const list = validateEdge({ query: ListQuery })
    type Ctx = { params: Promise<{ id: string }> }
    const router = createEdgeRouter<Request & AddedBy<typeof auth> & AddedBy<typeof list>, Ctx>()
    router.use(auth).get(list, (req) => {
      expectTypeOf(req.auth.scope).toEqualTypeOf<string>()
      expectTypeOf(req.validated.query.limit).toEqualTypeOf<number>()
      return Response.json({ limit: req.validated.query.limit })
    })
    router.all(mountEdge(createHandler().get(() => 'ok')))
  })

  it('refuse what is not a routekit handler or middleware', () => {
    // @ts-expect-error a bare function is not a routekit handler
    mountNode(() => undefined)
    // @ts-expect-error nor is a next-connect handler a routekit middleware
    useEdge((req: Request, ctx: unknown) => new Response())
  })
})
