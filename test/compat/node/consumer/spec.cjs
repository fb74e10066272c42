// What a user of each entry needs from it, checked the same way through
// require() (check.cjs) and import (check.mjs) inside a throwaway project
// that installed the packed tarball. Every entry in the installed
// package.json's exports must be listed here.
'use strict'

const expected = {
  routekit: ['createHandler', 'handlerWide', 'httpOnly', 'describeMiddleware', 'HttpError', 'isHttpError', 'problemResponse', 'json', 'created', 'accepted', 'noContent'],
  'routekit/app': ['toAppRoute'],
  'routekit/pages': ['toPagesRoute', 'getPagesContext'],
  'routekit/jwt': ['jwt', 'requireScope', 'authorize', 'signJwt'],
  'routekit/session': ['session', 'memorySessionStore'],
  'routekit/authjs': ['authjs'],
  'routekit/cors': ['cors'],
  'routekit/openapi': ['generateOpenApi', 'openApiRoute', 'openApiReference'],
  'routekit/openapi/swagger-ui': ['swaggerUi'],
  'routekit/rate-limit': ['rateLimit', 'ipKey', 'userKey', 'memoryRateLimitStore', 'redisRateLimitStore', 'countRequest', 'RateLimitStoreTimeoutError'],
  'routekit/testing': ['testRoute', 'testToken', 'testSessionCookie', 'runAction', 'routesFetch'],
  'routekit/actions': ['toServerAction', 'formFields'],
  'routekit/next-connect': ['mountNode', 'mountEdge', 'useNode', 'useEdge', 'validateNode', 'validateEdge', 'nodeRouterAnswers', 'edgeRouterAnswers'],
  'routekit/webhooks': ['webhook', 'memoryWebhookStore', 'redisWebhookStore'],
  'routekit/client': ['createClient', 'ClientError'],
}

const describe = (error) => `${error && error.code ? `${error.code}: ` : ''}${error && error.message ? error.message.split('\n')[0] : String(error)}`

/**
 * A route through the CJS or ESM build end to end: jose verifies a token
 * (loaded by require(esm) in the CJS build) and the validation chunk, which
 * routekit loads on demand, parses a zod query.
 */
async function smoke(mods, z) {
  const { createHandler } = mods.routekit
  const { toAppRoute } = mods['routekit/app']
  const { jwt, signJwt } = mods['routekit/jwt']
  const secret = 'compat-matrix-secret-of-32-bytes!'
  const handler = createHandler()
    .use(jwt({ secret, algorithms: ['HS256'] }))
    .get({ query: z.object({ n: z.coerce.number().int() }) }, ({ auth, query }) => ({ sub: auth.sub, n: query.n }))
  const { GET } = toAppRoute(handler)
  const context = { params: Promise.resolve({}) }
  const token = await signJwt({}, { secret, algorithm: 'HS256', subject: 'u1', expiresIn: '5m' })
  const ok = await GET(new Request('http://127.0.0.1/items?n=3', { headers: { authorization: `Bearer ${token}` } }), context)
  const body = await ok.text()
  if (ok.status !== 200 || body !== JSON.stringify({ sub: 'u1', n: 3 })) throw new Error(`authenticated GET answered ${ok.status} ${body}`)
  const refused = await GET(new Request('http://127.0.0.1/items?n=3'), context)
  if (refused.status !== 401) throw new Error(`GET without a token answered ${refused.status}`)
  const invalid = await GET(new Request('http://127.0.0.1/items?n=x', { headers: { authorization: `Bearer ${token}` } }), context)
  if (invalid.status !== 400) throw new Error(`GET with an invalid query answered ${invalid.status}`)
  // The same route through the typed client, answered in memory by routesFetch.
  const { createClient } = mods['routekit/client']
  const { routesFetch } = mods['routekit/testing']
  const api = createClient({ baseUrl: 'http://127.0.0.1', fetch: routesFetch({ '/items': handler }), headers: { authorization: `Bearer ${token}` } })
  const called = await api('/items').get({ query: { n: 3 } })
  if (!called.ok || JSON.stringify(called.data) !== JSON.stringify({ sub: 'u1', n: 3 })) throw new Error(`the client's GET answered ${called.status}`)
}

/** Loads every entry with `load`, checks its exports, runs the smoke test; prints one JSON line. */
async function run(mode, load, exportsField) {
  const result = { mode, node: process.version, entries: {}, smoke: { ok: true } }
  const mods = {}
  const entries = Object.keys(exportsField)
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? 'routekit' : `routekit/${key.slice(2)}`))
  for (const entry of entries) {
    const names = expected[entry]
    if (!names) {
      result.entries[entry] = { ok: false, error: 'not listed in test/compat/node/consumer/spec.cjs: add the exports a user needs from it' }
      continue
    }
    try {
      const mod = await load(entry)
      mods[entry] = mod
      const keys = Object.keys(mod).filter((key) => key !== 'default' && key !== '__esModule' && key !== 'module.exports').sort()
      const missing = names.filter((name) => typeof mod[name] !== 'function')
      result.entries[entry] = missing.length === 0 ? { ok: true, keys } : { ok: false, keys, error: `missing or not a function: ${missing.join(', ')}` }
    } catch (error) {
      result.entries[entry] = { ok: false, error: describe(error) }
    }
  }
  try {
    if (!mods.routekit || !mods['routekit/app'] || !mods['routekit/jwt'] || !mods['routekit/client'] || !mods['routekit/testing']) {
      throw new Error('routekit, routekit/app, routekit/jwt, routekit/client or routekit/testing did not load')
    }
    await smoke(mods, (await load('zod')).z)
  } catch (error) {
    result.smoke = { ok: false, error: describe(error) }
  }
  console.log(JSON.stringify(result))
}

module.exports = { run }
