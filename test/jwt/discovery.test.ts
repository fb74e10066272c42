import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { generateKeyPair, importJWK, SignJWT } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createHandler } from '../../src/index.js'
import { jwt, type DiscoveryOptions } from '../../src/jwt/index.js'
import { routers, send } from '../routers.js'
import { audienceOf, OidcServer, type Resource, resources } from './oidc-server.js'

// `jwt({ discovery })` against a real OpenID provider: the keys come from
// the jwks_uri its configuration document names, the tokens from its token
// endpoint, so the test shares no code with what it checks.
const provider = new OidcServer()
beforeAll(() => provider.start())
afterAll(() => provider.stop())
beforeEach(() => {
  provider.down = false
})

const algorithms = Object.values(resources)
const configurationPath = '/.well-known/openid-configuration'
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function app(resource: Resource, discovery: Partial<DiscoveryOptions> = {}) {
  const reports: unknown[] = []
  const handler = createHandler()
    .use(jwt({
      discovery: { issuer: provider.issuer, ...discovery },
      algorithms: [...algorithms],
      audience: audienceOf(resource),
      typ: 'at+jwt',
      onError: (error) => void reports.push(error),
    }))
    .get(({ auth }) => ({ sub: auth.sub, iss: auth.iss }))
  return { handler, reports }
}

describe.each(routers)('jwt({ discovery }) with oidc-provider (%s router)', (router) => {
  const call = (handler: ReturnType<typeof app>['handler'], token: string) => send(router, handler, { headers: { authorization: `Bearer ${token}` } })

  it.each(Object.entries(resources))('accepts its at+jwt access token for %s, signed %s', async (resource) => {
    const { handler } = app(resource as Resource)
    const answer = await call(handler, await provider.accessToken(resource as Resource))
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ sub: 'reports-job', iss: provider.issuer })
  })

  it("refuses the same provider's token for another audience", async () => {
    const { handler } = app('urn:routekit:rs256')
    const answer = await call(handler, await provider.accessToken('urn:routekit:es256'))
    expect(answer.status).toBe(401)
    expect(answer.headers.get('www-authenticate')).toMatch(/error="invalid_token"/)
  })

  it('refuses a token that names the issuer and a known kid but is signed by someone else', async () => {
    const { handler } = app('urn:routekit:es256')
    const forger = await generateKeyPair('ES256')
    const forged = await new SignJWT({ scope: 'reports:read' })
      .setProtectedHeader({ alg: 'ES256', kid: 'ec', typ: 'at+jwt' })
      .setIssuer(provider.issuer).setAudience(audienceOf('urn:routekit:es256')).setSubject('reports-job').setIssuedAt().setExpirationTime('5m')
      .sign(forger.privateKey)
    expect((await call(handler, forged)).status).toBe(401)
  })

  it("refuses a token signed with the provider's own key for another issuer (keys shared across tenants)", async () => {
    const { handler } = app('urn:routekit:rs256')
    const key = await importJWK(provider.keys.find((jwk) => jwk.kid === 'rsa')!, 'RS256')
    const otherTenant = await new SignJWT({})
      .setProtectedHeader({ alg: 'RS256', kid: 'rsa', typ: 'at+jwt' })
      .setIssuer(`${provider.issuer}/tenants/other`).setAudience(audienceOf('urn:routekit:rs256')).setSubject('reports-job').setIssuedAt().setExpirationTime('5m')
      .sign(key)
    expect((await call(handler, otherTenant)).status).toBe(401)
  })

  it('reads the configuration once, then answers from its cache', async () => {
    const { handler } = app('urn:routekit:rs256')
    const token = await provider.accessToken('urn:routekit:rs256')
    const before = provider.hits.get(configurationPath) ?? 0
    const answers = await Promise.all(Array.from({ length: 5 }, () => call(handler, token)))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200])
    expect((provider.hits.get(configurationPath) ?? 0) - before).toBe(1)
  })

  it('keeps verifying through an outage with what it fetched, and tells onError', async () => {
    const { handler, reports } = app('urn:routekit:eddsa', { cacheMaxAge: 20, cooldownDuration: 10_000 })
    const token = await provider.accessToken('urn:routekit:eddsa')
    expect((await call(handler, token)).status).toBe(200)
    await settle(40)
    provider.down = true
    for (let i = 0; i < 3; i++) expect((await call(handler, token)).status).toBe(200)
    expect(reports.length).toBeGreaterThan(0)
    expect((reports[0] as Error).message).toMatch(/could not be fetched/)
  })

  it('is a 503 with Retry-After once the stale period has passed, and when it never reached the provider', async () => {
    const { handler } = app('urn:routekit:rs256', { cacheMaxAge: 20, cooldownDuration: 0, maxStale: 200 })
    const token = await provider.accessToken('urn:routekit:rs256')
    expect((await call(handler, token)).status).toBe(200)
    provider.down = true
    await settle(250)
    const stale = await call(handler, token)
    expect(stale.status).toBe(503)
    expect(stale.headers.get('retry-after')).toBe('30')
    const cold = await call(app('urn:routekit:rs256').handler, token)
    expect(cold.status).toBe(503)
    expect(cold.text).not.toContain('127.0.0.1')
  })
})

describe('discovery while the provider is down', () => {
  it('asks once per cooldown when it never got a configuration, answering 503 meanwhile', async () => {
    const token = await provider.accessToken('urn:routekit:rs256')
    provider.down = true
    const before = provider.hits.get(configurationPath) ?? 0
    const { handler } = app('urn:routekit:rs256', { cooldownDuration: 10_000 })
    for (let i = 0; i < 5; i++) expect((await send('app', handler, { headers: { authorization: `Bearer ${token}` } })).status).toBe(503)
    expect((provider.hits.get(configurationPath) ?? 0) - before).toBe(1)
  })

  it('compares a URL issuer by its href, exactly (a trailing slash makes another issuer)', async () => {
    const reports: unknown[] = []
    const handler = createHandler()
      .use(jwt({ discovery: new URL(provider.issuer), algorithms: ['RS256'], onError: (error) => void reports.push(error) }))
      .get(() => 'ok')
    const token = await provider.accessToken('urn:routekit:rs256')
    expect((await send('app', handler, { headers: { authorization: `Bearer ${token}` } })).status).toBe(503)
    expect(((reports[0] as Error).cause as Error).message).toMatch(/names issuer .* not ".*\/"/)
  })
})

describe('what discovery refuses', () => {
  it('a configuration document that names another issuer (a mix-up), as 503', async () => {
    const impostor = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ issuer: provider.issuer, jwks_uri: `${provider.issuer}/jwks` }))
    })
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve))
    const issuer = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}`
    const reports: unknown[] = []
    const handler = createHandler()
      .use(jwt({ discovery: issuer, algorithms: ['RS256'], onError: (error) => void reports.push(error) }))
      .get(() => 'ok')
    const token = await provider.accessToken('urn:routekit:rs256')
    const answer = await send('app', handler, { headers: { authorization: `Bearer ${token}` } })
    impostor.close()
    expect(answer.status).toBe(503)
    expect(((reports[0] as Error).cause as Error).message).toMatch(/names issuer/)
  })

  it.each([
    ['plain http to another host', { discovery: 'http://idp.example', algorithms: ['RS256'] }, /`discovery` must be an https URL/],
    ['HMAC algorithms', { discovery: 'https://idp.example', algorithms: ['HS256'] }, /`discovery` gives public keys/],
    ['an option name that does not exist', { discovery: { issuer: 'https://idp.example', maxStal: 5 }, algorithms: ['RS256'] }, /`maxStal`.*did you mean `maxStale`/],
    ['an `issuer` that leaves the discovered one out', { discovery: 'https://idp.example', issuer: 'https://other.example', algorithms: ['RS256'] }, /does not include the `discovery` issuer/],
  ])('%s, when the middleware is created', (_name, options, message) => {
    expect(() => jwt(options as never)).toThrow(message)
  })

  it('needs no issuer during `next build`: undefined then is a 500 on the first request', async () => {
    const handler = createHandler().use(jwt({ discovery: undefined, algorithms: ['RS256'] })).get(() => 'ok')
    const answer = await send('pages', handler, { headers: { authorization: 'Bearer a.b.c' } })
    expect(answer.status).toBe(500)
  })
})
