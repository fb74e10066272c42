// The Web path (what an App Router route runs): Request in, Response out.
// Four implementations of the same workload.
import { zValidator } from '@hono/zod-validator'
import { Hono } from 'hono'
import { jwt as honoJwt } from 'hono/jwt'
import { createEdgeRouter } from 'next-connect'
import { createItem, handWritten, items, listItems, routekit } from './web-core.mjs'
import { allow, audience, Body, issuer, problem, Query, secret } from './workload.mjs'

export { handWritten, items, routekit }

// Hono with its JWT middleware and the zod validator, through app.fetch.
const app = new Hono()
app.get('/items', zValidator('query', Query), (c) => c.json(c.req.valid('query')))
app.post('/items', honoJwt({ secret, alg: 'HS256', verification: { iss: issuer, aud: audience } }), zValidator('json', Body), (c) =>
  c.json({ created: c.req.valid('json') }, 201),
)
app.on(['PUT', 'PATCH', 'DELETE'], '/items', () => problem(405, 'Method Not Allowed'))
export const hono = (req) => app.fetch(req)

// next-connect's edge router: routing by method, the same steps by hand.
const router = createEdgeRouter()
router.get((req) => listItems(req))
router.post((req) => createItem(req))
const ncHandler = router.handler({ onNoMatch: () => problem(405, 'Method Not Allowed'), onError: () => problem(500, 'Internal Server Error') })
export const nextConnect = (req) => ncHandler(req, {})

export const webContenders = { 'hand-written': handWritten, routekit, hono, 'next-connect': nextConnect }
export { allow }
