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
    .use(jwt({ jwks: { url: server.url, timeoutDuration: 300, ...settings }, algorithms: ['RS256'] }))
    .get(({ auth }) => ({ sub: auth.sub }))

const signedBy = (pair: typeof first, kid: string) => token({ alg: 'RS256', key: pair.privateKey, header: { kid } })
const bearer = (value: string) => ({ headers: { authorization: `Bearer ${value}` } })

// Failures of the key set (down, slow, redirecting, garbage) are in test/security/faults.test.ts.
describe.each(routers)('a remote JWKS (%s router)', (router) => {
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
})
