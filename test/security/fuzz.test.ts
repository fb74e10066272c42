import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { authjs } from '../../src/authjs/index.js'
import { createHandler } from '../../src/index.js'
import { jwt, requireScope } from '../../src/jwt/index.js'
import { session } from '../../src/session/index.js'
import { token } from '../jwt/fixtures.js'
import { routers, send, type Sent } from '../routers.js'

// Random credentials against every authentication middleware: whatever a
// client sends, the answer is a 4xx (or 2xx), promptly, with no secret and
// no stack trace in it.
const jwtSecret = 'fuzz-jwt-secret-of-at-least-32-bytes'
const sessionSecret = 'fuzz-session-secret-of-32-characters'
const leaked = [jwtSecret, sessionSecret, 'hunter2']

const bearerApi = createHandler({ dev: false })
  .use(jwt({ secret: jwtSecret, algorithms: ['HS256'], cookie: 'token', claims: z.object({ sub: z.string() }).loose() }))
  .use(requireScope('write'))
  .post({ body: z.object({ text: z.string() }) }, ({ body }) => body)
const sessionApi = createHandler({ dev: false })
  .use(session({ secret: sessionSecret, required: true }))
  .post(({ session }) => {
    session.update({ seen: true })
  })
const authjsApi = createHandler({ dev: false })
  .use(authjs({ secret: sessionSecret }))
  .delete(() => {
    throw new Error('password hunter2 leaked?')
  })

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url')
const text = fc.string({ maxLength: 60 })
const byteString = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 80 })

/** Tokens that look more or less like JWTs: forged headers, random payloads, junk. */
const forgedToken = fc.oneof(
  fc
    .record({
      alg: fc.constantFrom('none', 'None', 'HS256', 'HS512', 'RS256', 'ES256', 'EdDSA', '', 'dir'),
      kid: fc.option(fc.constantFrom('../../etc/passwd', "x' OR 1=1--", 'k1')),
      crit: fc.option(fc.array(text, { maxLength: 2 })),
      jku: fc.option(fc.constant('https://attacker.example/jwks')),
      payload: fc.jsonValue({ maxDepth: 3 }),
      signature: fc.string({ unit: fc.constantFrom(...'abcXYZ012-_'.split('')), maxLength: 60 }),
    })
    .map(({ payload, signature, ...header }) => `${b64(header)}.${b64(payload)}.${signature}`),
  fc.array(fc.string({ unit: fc.constantFrom(...'abcXYZ012-_.='.split('')), maxLength: 30 }), { minLength: 1, maxLength: 6 }).map((parts) => parts.join('.')),
  fc.constant('x'.repeat(20_000)),
)

const credentials = fc.oneof(
  forgedToken.map((value) => ({ authorization: `Bearer ${value}` })),
  fc.tuple(fc.constantFrom('Bearer', 'bearer', 'BEARER', 'Basic', 'Token', ''), byteString).map(([scheme, rest]) => ({ authorization: `${scheme} ${rest}` })),
  fc.constantFrom('token', 'session', 'authjs.session-token', '__Secure-authjs.session-token.0').chain((name) =>
    fc.oneof(forgedToken, byteString.map((v) => v.replace(/[;,\s]/g, ''))).map((value) => ({ cookie: `${name}=${value}` })),
  ),
  fc.constant({}),
)

const routeMethods = ['POST', 'POST', 'DELETE']

const request: fc.Arbitrary<{ api: 0 | 1 | 2; sent: Sent }> = fc.record({
  api: fc.constantFrom(0 as const, 1 as const, 2 as const),
  sent: fc
    .record({
      // Mostly the route's own method, so requests get past the method guard.
      method: fc.oneof({ weight: 4, arbitrary: fc.constant('ROUTE') }, { weight: 1, arbitrary: fc.constantFrom('GET', 'PUT', 'OPTIONS') }),
      credentials,
      origin: fc.option(fc.constantFrom('https://evil.example', 'null', 'http://routekit.test')),
      body: fc.option(fc.oneof(fc.constant('{"text":"hello"}'), text, fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)))),
    })
    .map(({ method, credentials: given, origin, body }) => ({
      method,
      headers: { ...given, ...(origin ? { origin } : {}), ...(body !== null ? { 'content-type': 'application/json' } : {}) },
      body: body !== null && method !== 'GET' ? body : undefined,
    })),
})

describe.each(routers)('random credentials (%s router)', (router) => {
  it('never produce a 5xx, a hang, a secret or a stack', async () => {
    // A real, valid token now and then, so the paths past verification run too.
    const valid = await token({ key: new TextEncoder().encode(jwtSecret), payload: { scope: 'write' } })
    await fc.assert(
      fc.asyncProperty(request, fc.boolean(), async ({ api, sent }, useValid) => {
        const handler = [bearerApi, sessionApi, authjsApi][api]!
        const headers = useValid && api === 0 ? { ...sent.headers, authorization: `Bearer ${valid}` } : sent.headers
        const method = sent.method === 'ROUTE' ? routeMethods[api] : sent.method
        const answer = await send(router, handler, { ...sent, method, headers, body: method === 'GET' ? undefined : sent.body })
        expect(answer.status, JSON.stringify(sent).slice(0, 300)).toBeLessThan(500)
        for (const secret of leaked) expect(answer.text).not.toContain(secret)
        expect(answer.text).not.toMatch(/\n\s+at /)
      }),
      { numRuns: 250, interruptAfterTimeLimit: 25_000 },
    )
  })
})
