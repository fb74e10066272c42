import { afterEach, describe, expect, it } from 'vitest'
import { authjs } from '../../src/authjs/index.js'
import { createHandler } from '../../src/index.js'
import { jwt } from '../../src/jwt/index.js'
import { session } from '../../src/session/index.js'
import { testSessionCookie } from '../../src/testing/index.js'
import { audience, issuer, rsaPem, secret, token } from '../jwt/fixtures.js'
import { routers, send } from '../routers.js'

// `next build` evaluates route modules without the run-time environment, so
// `secret: process.env.JWT_SECRET!` is undefined there. Creating the
// middleware must not fail; a request while the secret is still missing is
// a 500 whose onError report names the option, and nothing of it reaches
// the response body.

const envName = 'ROUTEKIT_TEST_LATE_SECRET'
afterEach(() => {
  delete process.env[envName]
})

/** A handler behind `middleware` that records what onError was told. */
function guarded(middleware: Parameters<ReturnType<typeof createHandler>['use']>[0]) {
  const reports: unknown[] = []
  const handler = createHandler({ onError: (error) => void reports.push(error) })
    .use(middleware)
    .get(() => ({ ok: true }))
    .post(() => ({ ok: true }))
  return { handler, reports }
}

const reported = (reports: unknown[]) => reports.map((error) => `${(error as Error).name}: ${(error as Error).message}`).join('\n')

describe.each(routers)('secrets resolved at run time (%s router)', (router) => {
  it.each([
    ['jwt() secret', () => jwt({ secret: process.env[envName]!, algorithms: ['HS256'] }), /routekit\/jwt: `secret` is undefined/],
    ['jwt() key', () => jwt({ key: process.env[envName]!, algorithms: ['RS256'] }), /routekit\/jwt: `key` is undefined/],
    ['jwt() jwks', () => jwt({ jwks: process.env[envName]!, algorithms: ['RS256'] }), /routekit\/jwt: `jwks` is undefined/],
    ['session() secret', () => session({ secret: process.env[envName]! }), /routekit\/session: `secret` is undefined/],
    ['session() secrets', () => session({ secrets: process.env[envName] as never }), /routekit\/session: `secrets` is undefined/],
    ['authjs() secret', () => authjs({ secret: process.env[envName]! }), /routekit\/authjs: `secret` is undefined/],
  ])('%s: created while undefined, then a 500 naming the option on every request', async (_, make, report) => {
    const { handler, reports } = guarded(make())
    const anonymous = await send(router, handler)
    const withToken = await send(router, handler, { method: 'POST', headers: { authorization: `Bearer ${await token()}`, cookie: 'session=x' } })
    for (const answer of [anonymous, withToken]) {
      expect(answer.status).toBe(500)
      expect(answer.headers.get('content-type')).toBe('application/problem+json')
      expect(answer.text).not.toMatch(/secret|undefined|routekit\//i)
    }
    expect(reports).toHaveLength(2)
    expect(reported(reports)).toMatch(report)
    expect(reported(reports)).toMatch(/MissingSecretError/)
    // It was given, as undefined: never "give exactly one" or "required".
    expect(reported(reports)).not.toMatch(/exactly one|required|give /)
  })

  it('an empty string (a build argument left unset) is missing too, and says so', async () => {
    const { handler, reports } = guarded(jwt({ secret: '', algorithms: ['HS256'] }))
    expect((await send(router, handler)).status).toBe(500)
    expect(reported(reports)).toMatch(/`secret` is an empty string/)
  })

  it('jwt({ secret: () => ... }) reads the secret on the first request and retries until it is there', async () => {
    const { handler, reports } = guarded(jwt({ secret: () => process.env[envName], algorithms: ['HS256'], issuer, audience }))
    const headers = { authorization: `Bearer ${await token()}` }
    expect((await send(router, handler, { headers })).status).toBe(500)
    expect(reported(reports)).toMatch(/the `secret` function returned undefined/)
    process.env[envName] = secret
    expect((await send(router, handler, { headers })).status).toBe(200)
    expect((await send(router, handler)).status).toBe(401)
    expect(reports).toHaveLength(1)
  })

  it('an async key function works, and a short secret from a function is reported, not accepted', async () => {
    const good = guarded(jwt({ secret: async () => secret, algorithms: ['HS256'], issuer, audience }))
    expect((await send(router, good.handler, { headers: { authorization: `Bearer ${await token()}` } })).status).toBe(200)
    const short = guarded(jwt({ secret: () => 'too-short', algorithms: ['HS256'] }))
    expect((await send(router, short.handler, { headers: { authorization: `Bearer ${await token()}` } })).status).toBe(500)
    expect(reported(short.reports)).toMatch(/`secret` must be at least 32 bytes/)
  })

  it('session({ secret: () => ... }) seals and opens with the late secret', async () => {
    const handler = createHandler()
      .use(session({ secret: () => process.env[envName] }))
      .get(({ session }) => ({ user: session.data?.user ?? null }))
    process.env[envName] = secret
    const cookies = await testSessionCookie({ user: 'ada' }, { secret })
    const answer = await send(router, handler, { headers: { cookie: `session=${cookies.session}` } })
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ user: 'ada' })
  })

  it('authjs({ secret: () => ... }) works once the secret is there', async () => {
    const handler = createHandler()
      .use(authjs({ secret: () => process.env[envName], optional: true }))
      .get(({ auth }) => ({ signedIn: auth !== undefined }))
    expect((await send(router, handler)).status).toBe(500)
    process.env[envName] = 'auth-secret-as-generated-by-npx-auth-secret'
    const answer = await send(router, handler)
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ signedIn: false })
  })
})

describe('the shape of the options is still checked at creation', () => {
  it.each([
    ['no algorithms', () => jwt({ secret: undefined } as never), /`algorithms` is required/],
    ['"none"', () => jwt({ secret: undefined, algorithms: ['none' as never] }), /must not contain "none"/],
    ['a secret with RSA algorithms', () => jwt({ secret: undefined, algorithms: ['RS256'] }), /`secret` is an HMAC secret/],
    ['a JWKS with HMAC algorithms', () => jwt({ jwks: undefined, algorithms: ['HS256'] }), /`jwks` gives public keys/],
    ['two key sources with values', () => jwt({ secret, key: rsaPem, algorithms: ['HS256'] }), /got `secret` and `key`/],
    ['no key source at all', () => jwt({ algorithms: ['HS256'] }), /exactly one of `secret`, `key`, `jwks` or `discovery` \(none was given\)/],
    ['a short secret given at creation', () => jwt({ secret: 'short', algorithms: ['HS256'] }), /at least 32 bytes/],
    ['session() with no secret option', () => session({}), /give `secret` or at least one of `secrets`/],
    ['session() with both', () => session({ secret, secrets: [{ id: 'a', secret }] }), /not both/],
  ])('refuses %s', (_, make, message) => {
    expect(make).toThrow(message)
  })
})

describe('unknown options are refused, naming the closest known one', () => {
  it.each([
    ['jwt() audiance', () => jwt({ secret, algorithms: ['HS256'], audiance: 'items-api' } as never), /routekit\/jwt: unknown option `audiance` \(did you mean `audience`\?\)/],
    ['jwt() issuers', () => jwt({ secret, algorithms: ['HS256'], issuers: [issuer] } as never), /unknown option `issuers` \(did you mean `issuer`\?/],
    ['jwt() algorithm', () => jwt({ secret, algorithms: ['HS256'], algorithm: 'HS256' } as never), /unknown option `algorithm` \(did you mean `algorithms`\?\)/],
    ['session() secert', () => session({ secret, secert: secret } as never), /routekit\/session: unknown option `secert` \(did you mean `secret`\?\)/],
    ['session() maxAge', () => session({ secret, maxAge: 60 } as never), /routekit\/session: unknown option `maxAge`\./],
    ['authjs() secrets', () => authjs({ secret, secrets: [secret] } as never), /routekit\/authjs: unknown option `secrets` \(did you mean `secret`\?\)/],
  ])('%s', (_, make, message) => {
    expect(make).toThrow(message)
  })

  it('a value that is not an options object is named by its type, never its value', () => {
    expect(() => jwt('a-secret-value-that-must-not-leak' as never)).toThrow(/pass an options object \(got a string\)/)
    expect(() => jwt('a-secret-value-that-must-not-leak' as never)).not.toThrow(/must-not-leak/)
  })
})
