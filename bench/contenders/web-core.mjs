// The Web path's floor and routekit, alone: what bench/instructions.mjs
// loads for those two (bench/contenders/web.mjs adds Hono and next-connect).
import { jwtVerify } from 'jose'
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

export async function createItem(req) {
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

export function listItems(req) {
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

export const coreContenders = { 'hand-written': handWritten, routekit }
