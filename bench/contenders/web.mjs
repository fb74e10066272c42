// The Web path (what an App Router route runs): Request in, Response out.
// Four implementations of the same workload.
import { zValidator } from '@hono/zod-validator'
import { Hono } from 'hono'
import { jwt as honoJwt } from 'hono/jwt'
import { jwtVerify } from 'jose'
import { createEdgeRouter } from 'next-connect'
import { createHandler, json } from 'routekit'
import { jwt } from 'routekit/jwt'
import { allow, audience, Body, issuer, problem, Query, secret, secretBytes } from './workload.mjs'

// The floor: jose and zod called directly, the key imported once.
const key = await crypto.subtle.importKey('raw', secretBytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify'])
const verifyOptions = { algorithms: ['HS256'], issuer, audience, requiredClaims: ['exp'] }

async function authorised(req) {
  const header = req.headers.get('authorization')
  if (!header?.startsWith('Bearer ')) return false
  try {
    await jwtVerify(header.slice(7), key, verifyOptions)
    return true
  } catch {
    return false
  }
}

async function createItem(req) {
  if (!(await authorised(req))) return problem(401, 'Unauthorized')
  if (!req.headers.get('content-type')?.startsWith('application/json')) return problem(415, 'Unsupported Media Type')
  let data
  try {
    data = await req.json()
  } catch {
    return problem(400, 'Bad Request')
  }
  const parsed = Body.safeParse(data)
  if (!parsed.success) return problem(422, 'Unprocessable Content')
  return Response.json({ created: parsed.data }, { status: 201 })
}

function listItems(req) {
  const parsed = Query.safeParse(Object.fromEntries(new URL(req.url).searchParams))
  if (!parsed.success) return problem(400, 'Bad Request')
  return Response.json(parsed.data)
}

export async function handWritten(req) {
  if (req.method === 'POST') return createItem(req)
  if (req.method === 'GET') return listItems(req)
  return problem(405, 'Method Not Allowed')
}

// routekit, built once at module scope as a user would.
export const items = createHandler()
  .get({ query: Query }, ({ query }) => query)
  .use(jwt({ secret, algorithms: ['HS256'], issuer, audience }))
  .post({ body: Body }, ({ body }) => json({ created: body }, { status: 201 }))
export const routekit = (req) => items.handle(req)

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
