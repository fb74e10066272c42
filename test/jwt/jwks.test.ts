import { exportJWK, generateKeyPair } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createHandler } from '../../src/index.js'
import { jwt, type JwksOptions } from '../../src/jwt/index.js'
import { routers, send } from '../routers.js'
import { token } from './fixtures.js'
import { JwksServer } from './jwks-server.js'

const first = await generateKeyPair('RS256', { extractable: true })
const second = await generateKeyPair('RS256', { extractable: true })
const publicJwk = async (pair: typeof first, kid: string) => ({ ...(await exportJWK(pair.publicKey)), kid, alg: 'RS256', use: 'sig' })

const server = new JwksServer()
beforeAll(() => server.start())
afterAll(() => server.stop())
beforeEach(async () => {
  server.mode = 'ok'
  server.keys = [await publicJwk(first, 'k1')]
  server.fetches = 0
})

/** A handler with its own key-set cache, as a fresh server instance would have. */
const route = (settings: Partial<JwksOptions> = {}) =>
  createHandler()
    .use(jwt({ jwks: { url: server.url, timeoutDuration: 300, ...settings }, algorithms: ['RS256'], jwksRetryAfter: 15 }))
    .get(({ auth }) => ({ sub: auth.sub }))

const signedBy = (pair: typeof first, kid: string) => token({ alg: 'RS256', key: pair.privateKey, header: { kid } })
const bearer = (value: string) => ({ headers: { authorization: `Bearer ${value}` } })

describe.each(routers)('a remote JWKS (%s router)', (router) => {
  async function expectUnavailable(handler: ReturnType<typeof route>) {
    const response = await send(router, handler, bearer(await signedBy(first, 'k1')))
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('15')
    expect(response.json()).toMatchObject({
      status: 503,
      code: 'jwks_unavailable',
      detail: 'The keys that verify tokens cannot be fetched right now.',
    })
  }

  it('verifies tokens with the fetched keys, fetching the set once for many requests', async () => {
    const handler = route()
    for (let i = 0; i < 5; i++) {
      const response = await send(router, handler, bearer(await signedBy(first, 'k1')))
      expect(response.status).toBe(200)
    }
    expect(server.fetches).toBe(1)
  })

  it('picks up a rotated key by refetching for an unknown kid', async () => {
    const handler = route({ cooldownDuration: 0 })
    expect((await send(router, handler, bearer(await signedBy(first, 'k1')))).status).toBe(200)
    server.keys = [await publicJwk(second, 'k2')]
    expect((await send(router, handler, bearer(await signedBy(second, 'k2')))).status).toBe(200)
    expect(server.fetches).toBe(2)
  })

  it('answers a kid the set does not have with 401, not 503', async () => {
    const response = await send(router, route(), bearer(await signedBy(second, 'unknown')))
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="api", error="invalid_token"')
  })

  it('K2: answers 503 with Retry-After when the endpoint is down at cold start', async () => {
    await server.stop()
    try {
      await expectUnavailable(route())
    } finally {
      await server.start()
    }
  })

  it('K2: answers 503 within the timeout when the endpoint is slow', { timeout: 3000 }, async () => {
    server.mode = 'slow'
    await expectUnavailable(route({ timeoutDuration: 200 }))
  })

  it.each(['redirect', 'html', 'error'] as const)('K2: answers 503 when the endpoint answers with a %s', async (mode) => {
    server.mode = mode
    await expectUnavailable(route())
  })

  it('answers 503 when the endpoint goes down after the cache expired, and recovers', async () => {
    const handler = route({ cacheMaxAge: 50 })
    expect((await send(router, handler, bearer(await signedBy(first, 'k1')))).status).toBe(200)
    await new Promise((resolve) => setTimeout(resolve, 80))
    await server.stop()
    try {
      await expectUnavailable(handler)
    } finally {
      await server.start()
    }
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect((await send(router, handler, bearer(await signedBy(first, 'k1')))).status).toBe(200)
  })
})
