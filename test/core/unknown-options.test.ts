import { createClient } from 'redis'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler, type RouteSpec } from '../../src/index.js'
import { jwt, requireScope, signJwt } from '../../src/jwt/index.js'
import { useEdge, useNode, validateEdge, validateNode } from '../../src/next-connect/index.js'
import { generateOpenApi, openApiReference, openApiRoute } from '../../src/openapi/index.js'
import { ipKey, memoryRateLimitStore, rateLimit, redisRateLimitStore } from '../../src/rate-limit/index.js'
import { session } from '../../src/session/index.js'
import { testRoute, testSessionCookie } from '../../src/testing/index.js'
import { secret } from '../jwt/fixtures.js'

// A misspelt option must never be dropped silently: `audiance` would turn a
// check off. Every public factory refuses unknown names with one message
// shape, naming the option and, when one is close, the intended one.
const api = createHandler()
const step = jwt({ secret, algorithms: ['HS256'] })
const key = ipKey({ header: 'x-forwarded-for' })
const info = { title: 'T', version: '1' }

const cases: [string, () => unknown, RegExp][] = [
  ['createHandler', () => createHandler({ onerror: () => {} } as never), /^routekit: createHandler\(\): unknown option `onerror` \(did you mean `onError`\?\)\.$/],
  ['a route spec', () => api.get({ qeury: z.object({}) } as RouteSpec, () => 1), /^routekit: the GET route's spec: unknown option `qeury` \(did you mean `query`\?\)\.$/],
  ['a route spec with cookies', () => api.post({ cookies: z.object({}) } as RouteSpec, () => 1), /unknown option `cookies` \(read cookies from `req.headers`/],
  ['jwt', () => jwt({ secret, algorithms: ['HS256'], audiance: 'x' } as never), /^routekit\/jwt: unknown option `audiance` \(did you mean `audience`\?\)\.$/],
  ['jwt jwks settings', () => jwt({ jwks: { url: 'https://a.example/jwks', cacheMaxage: 1 }, algorithms: ['RS256'] } as never), /^routekit\/jwt: `jwks`: unknown option `cacheMaxage` \(did you mean `cacheMaxAge`\?\)\.$/],
  ['jwt csrf settings', () => jwt({ secret, algorithms: ['HS256'], cookie: 't', csrf: { allowedOrigin: ['https://a.example'] } } as never), /^routekit\/jwt: `csrf`: unknown option `allowedOrigin` \(did you mean `allowedOrigins`\?\)\.$/],
  ['requireScope', () => requireScope({ relm: 'api' } as never, 'a'), /^routekit\/jwt: requireScope\(\): unknown option `relm` \(did you mean `realm`\?\)\.$/],
  ['session cookie settings', () => session({ secret, cookie: { samesite: 'strict' } } as never), /^routekit\/session: `cookie`: unknown option `samesite` \(did you mean `sameSite`\?\)\.$/],
  ['rateLimit', () => rateLimit({ key, limit: 1, window: '1m', windowMs: 60_000 } as never), /^routekit\/rate-limit: rateLimit\(\): unknown option `windowMs`/],
  ['memoryRateLimitStore', () => memoryRateLimitStore({ maxkeys: 1 } as never), /memoryRateLimitStore\(\): unknown option `maxkeys` \(did you mean `maxKeys`\?\)/],
  ['redisRateLimitStore', () => redisRateLimitStore({ client: createClient(), prefx: 'a:' } as never), /redisRateLimitStore\(\): unknown option `prefx` \(did you mean `prefix`\?\)/],
  ['ipKey', () => ipKey({ header: 'x-forwarded-for', proxie: 2 } as never), /ipKey\(\): unknown option `proxie` \(did you mean `proxies`\?\)/],
  ['generateOpenApi', () => generateOpenApi({ info, routes: {}, server: [] } as never), /generateOpenApi\(\): unknown option `server` \(did you mean `servers`\?\)/],
  ['openApiRoute', () => openApiRoute({} as never, { cache: 'no-store' } as never), /openApiRoute\(\): unknown option `cache`/],
  ['openApiReference', () => openApiReference({} as never, { cachecontrol: 'x' } as never), /openApiReference\(\): unknown option `cachecontrol` \(did you mean `cacheControl`\?\)/],
  ['useNode', () => useNode(step, { onerror: () => {} } as never), /^routekit\/next-connect: useNode\(\): unknown option `onerror` \(did you mean `onError`\?\)\.$/],
  ['useEdge', () => useEdge(step, { develop: true } as never), /^routekit\/next-connect: useEdge\(\): unknown option `develop`/],
  ['validateNode options', () => validateNode({}, { bodylimit: 1 } as never), /validateNode\(\): unknown option `bodylimit` \(did you mean `bodyLimit`\?\)/],
  ['validateEdge spec', () => validateEdge({ boddy: z.object({}) } as never), /validateEdge\(\)'s spec: unknown option `boddy` \(did you mean `body`\?\)/],
]

describe('unknown option names', () => {
  it.each(cases)('%s refuses one, naming it', (_, make, message) => {
    expect(make).toThrow(TypeError)
    expect(make).toThrow(message)
  })

  it('the async helpers (testRoute, signJwt, testSessionCookie) reject with it', async () => {
    await expect(testRoute(api.get(() => 1), { header: { a: 'b' } } as never)).rejects.toThrow(
      /^routekit\/testing: testRoute\(\): unknown option `header` \(did you mean `headers`\?\)\.$/,
    )
    await expect(signJwt({}, { secret, algorithm: 'HS256', expiresin: '1m' } as never)).rejects.toThrow(
      /^routekit\/jwt: signJwt\(\): unknown option `expiresin` \(did you mean `expiresIn`\?\)\.$/,
    )
    await expect(testSessionCookie({}, { secret, ttL: 5 } as never)).rejects.toThrow(/unknown option `ttL` \(did you mean `ttl`\?\)/)
  })

  it('a name far from every known one gets no guess', () => {
    expect(() => createHandler({ somethingElse: 1 } as never)).toThrow(/^routekit: createHandler\(\): unknown option `somethingElse`\.$/)
  })

  it('the known options still work, spelled right', async () => {
    const handler = createHandler({ onError: () => {}, dev: false }).get({ query: z.object({ a: z.string() }), summary: 's' }, ({ query }) => query)
    const { status, body } = await testRoute(handler, { url: '/?a=1', headers: { accept: 'application/json' } })
    expect(status).toBe(200)
    expect(body).toEqual({ a: '1' })
  })
})
