import { exportJWK, generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createHandler } from '../../src/index.js'
import { jwt, type JwksOptions } from '../../src/jwt/index.js'
import { routers, send } from '../routers.js'
import { JwksServer } from './jwks-server.js'

// An identity-provider outage must not log everybody out: keys fetched
// before it keep verifying for `maxStale` (default a day), the app's
// onError hears of every failed fetch, and the set is not hammered.
const issuer = 'https://idp.example'
const first = await generateKeyPair('RS256', { extractable: true })
const second = await generateKeyPair('RS256', { extractable: true })
const server = new JwksServer()
beforeAll(() => server.start())
afterAll(() => server.stop())
beforeEach(async () => {
  server.mode = 'ok'
  server.keys = [{ ...(await exportJWK(first.publicKey)), kid: 'k1', alg: 'RS256' }]
})

const tokenFor = (key: CryptoKey, kid: string) =>
  new SignJWT({ sub: 'u1' }).setProtectedHeader({ alg: 'RS256', kid }).setIssuer(issuer).setIssuedAt().setExpirationTime('5m').sign(key)

function app(settings: Partial<JwksOptions>) {
  const reports: unknown[] = []
  const handler = createHandler()
    .use(jwt({ jwks: { url: server.url, ...settings }, algorithms: ['RS256'], issuer, onError: (error) => void reports.push(error) }))
    .get(({ auth }) => ({ sub: auth.sub }))
  return { handler, reports }
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.each(routers)('a JWKS outage (%s router)', (router) => {
  const call = async (handler: ReturnType<typeof app>['handler'], key = first.privateKey, kid = 'k1') =>
    send(router, handler, { headers: { authorization: `Bearer ${await tokenFor(key, kid)}` } })

  it('keeps verifying with the keys fetched before it, and tells onError', async () => {
    const { handler, reports } = app({ cacheMaxAge: 20, cooldownDuration: 10_000 })
    expect((await call(handler)).status).toBe(200)
    await settle(40) // the cache is now past its age
    server.mode = 'error'
    const before = server.fetches
    for (let i = 0; i < 5; i++) expect((await call(handler)).status).toBe(200)
    // One failed fetch, then the cooldown: not one fetch per request.
    expect(server.fetches - before).toBe(1)
    await settle(0)
    expect(reports).toHaveLength(1)
    expect((reports[0] as Error).name).toBe('JwksUnavailableError')
  })

  it('is a 503 with Retry-After once the stale period has passed', async () => {
    const { handler } = app({ cacheMaxAge: 20, cooldownDuration: 0, maxStale: 1000 })
    expect((await call(handler)).status).toBe(200)
    server.mode = 'error'
    await settle(40)
    expect((await call(handler)).status).toBe(200) // stale, inside maxStale
    await settle(1000)
    const answer = await call(handler)
    expect(answer.status).toBe(503)
    expect(answer.headers.get('retry-after')).toBe('30')
  })

  it('a cold cache with the provider down is a 503, never a 401 or a 500', async () => {
    server.mode = 'error'
    const { handler, reports } = app({})
    const answer = await call(handler)
    expect(answer.status).toBe(503)
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
    await settle(0)
    expect(reports).toHaveLength(1)
  })

  it('with nothing cached, asks the provider once per cooldown, not once per request', async () => {
    server.mode = 'error'
    const { handler } = app({ cooldownDuration: 10_000 })
    const before = server.fetches
    for (let i = 0; i < 5; i++) expect((await call(handler)).status).toBe(503)
    expect(server.fetches - before).toBe(1)
  })

  it('a kid the stale set does not have is 401, and once the provider is back a rotated key is fetched', async () => {
    const { handler } = app({ cacheMaxAge: 20, cooldownDuration: 0 })
    expect((await call(handler)).status).toBe(200)
    await settle(30)
    server.mode = 'error'
    expect((await call(handler, second.privateKey, 'k2')).status).toBe(401)
    server.mode = 'ok'
    server.keys = [...server.keys, { ...(await exportJWK(second.publicKey)), kid: 'k2', alg: 'RS256' }]
    expect((await call(handler, second.privateKey, 'k2')).status).toBe(200)
  })

  it('refuses a negative maxStale when jwt() is called', () => {
    expect(() => app({ maxStale: -1 })).toThrow(/`jwks.maxStale` must be a number of milliseconds/)
  })
})
