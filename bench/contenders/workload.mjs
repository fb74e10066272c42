// The work every contender does, defined once: a POST with a JSON body, an
// HS256 bearer token (iss, aud, exp checked) and a zod body schema, answered
// with JSON; a GET with a query schema; and a 405 for any other method.
import { SignJWT } from 'jose'
import { z } from 'zod'

export const secret = 'bench-secret-of-at-least-32-bytes!!'
export const secretBytes = new TextEncoder().encode(secret)
export const issuer = 'https://auth.bench.test'
export const audience = 'bench-api'
export const allow = 'GET, HEAD, POST, OPTIONS'

export const Body = z.object({ name: z.string().min(1).max(100), qty: z.number().int().positive(), tags: z.array(z.string()).max(5) })
export const Query = z.object({ limit: z.coerce.number().int().max(100).default(20), q: z.string().max(50).optional() })

export const token = await new SignJWT({ sub: 'user-1', scope: 'items:write' })
  .setProtectedHeader({ alg: 'HS256' })
  .setIssuer(issuer)
  .setAudience(audience)
  .setIssuedAt()
  .setExpirationTime('2h')
  .sign(secretBytes)

export const body = JSON.stringify({ name: 'pen', qty: 3, tags: ['office', 'blue'] })

/** The three requests each scenario sends, built fresh per call (a body can be read once). */
export const scenarios = {
  post: () =>
    new Request('http://bench.test/items', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body,
    }),
  get: () => new Request('http://bench.test/items?limit=10&q=pens'),
  notAllowed: () => new Request('http://bench.test/items', { method: 'DELETE' }),
}

/** What each scenario must answer, to check every contender did the work. */
export const expected = { post: 201, get: 200, notAllowed: 405 }

export const problem = (status, title) =>
  new Response(JSON.stringify({ type: 'about:blank', title, status }), {
    status,
    headers: { 'content-type': 'application/problem+json', ...(status === 405 ? { allow } : {}) },
  })
