import { describe, expect, it } from 'vitest'
import { createHandler, type RequestHandler } from '../../src/index.js'
import { jwt, requireScope } from '../../src/jwt/index.js'
import { audience, ec, issuer, rsa, rsaPem, rsaPssPrivate, secret, tamperedToken, token, unencodedPayloadTokens, unsignedToken } from '../jwt/fixtures.js'
import { routers, send } from '../routers.js'
import { expectProblem } from './expect-problem.js'

// docs/security-cases.md, bearer tokens and the Authorization header.
const realm = 'Bearer realm="api"'
const invalid = 'Bearer realm="api", error="invalid_token"'

const hs256 = createHandler()
  .use(jwt({ secret, algorithms: ['HS256'], issuer, audience }))
  .get(({ auth }) => ({ sub: auth.sub }))
  .post(({ auth }) => ({ sub: auth.sub }))
const rs256 = createHandler().use(jwt({ key: rsaPem, algorithms: ['RS256'], issuer, audience })).get(() => 'ok')
const writers = createHandler()
  .use(jwt({ secret, algorithms: ['HS256'] }))
  .use(requireScope('items:write'))
  .post(() => 'written')

describe.each(routers)('bearer tokens (%s router)', (router) => {
  const withToken = (handler: RequestHandler, value: string, extra: { path?: string; method?: string } = {}) =>
    send(router, handler, { ...extra, headers: { authorization: `Bearer ${value}` } })
  const expectInvalid = async (handler: RequestHandler, value: string) =>
    expectProblem(await withToken(handler, value), 401, { code: 'invalid_token', headers: { 'www-authenticate': invalid } })

  it('J1: alg none (any case), a stripped signature and a tampered payload are 401 invalid_token', async () => {
    for (const alg of ['none', 'None']) await expectInvalid(hs256, unsignedToken(alg))
    const [header, payload] = (await token()).split('.')
    await expectInvalid(hs256, `${header}.${payload}.`)
    await expectInvalid(hs256, await tamperedToken())
  })

  it('J3: a valid key but an algorithm outside the allowlist is 401', async () => {
    await expectInvalid(rs256, await token({ alg: 'ES256', key: ec.privateKey }))
    await expectInvalid(rs256, await token({ alg: 'PS256', key: rsaPssPrivate }))
  })

  it('J4: kid as a path or an injection is 401; no key is looked up by it', async () => {
    const forged = new TextEncoder().encode('a-key-the-attacker-chose-32-byte')
    for (const kid of ['../../../dev/null', "x' OR 1=1--"]) await expectInvalid(hs256, await token({ key: forged, header: { kid } }))
  })

  it('J6: crit with an unknown extension, and b64: false, are 401', async () => {
    await expectInvalid(hs256, await token({ header: { crit: ['foo'], foo: 1 }, crit: { foo: true } }))
    for (const unencoded of await unencodedPayloadTokens()) await expectInvalid(hs256, unencoded)
  })

  it('J7: expired, not yet valid, and 3 s expired within a 5 s tolerance: 401 / 401 / 200', async () => {
    expectProblem(await withToken(hs256, await token({ exp: -60 })), 401, { code: 'token_expired', headers: { 'www-authenticate': invalid } })
    await expectInvalid(hs256, await token({ payload: { nbf: Math.floor(Date.now() / 1000) + 60 } }))
    const tolerant = createHandler().use(jwt({ secret, algorithms: ['HS256'], clockTolerance: 5 })).get(() => 'ok')
    expect((await withToken(tolerant, await token({ exp: -3 }))).status).toBe(200)
  })

  it('J9: a sibling audience and an issuer with a trailing slash are 401; an aud array containing ours is 200', async () => {
    await expectInvalid(hs256, await token({ payload: { aud: 'billing-api' } }))
    await expectInvalid(hs256, await token({ payload: { iss: `${issuer}/` } }))
    expect((await withToken(hs256, await token({ payload: { aud: ['billing-api', audience] } }))).status).toBe(200)
  })

  it('J12: a 10 KB token, a 5-segment JWE and junk are 401 problems, never 500', async () => {
    await expectInvalid(hs256, await token({ payload: { pad: 'x'.repeat(10_000) } }))
    await expectInvalid(hs256, 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aGVsbG8.d29ybGQ.c2ln')
    for (const junk of ['junk', 'a.b.c', '....', '\u00ff\u00fe.x.y']) await expectInvalid(hs256, junk)
  })

  it('J13: a valid token without the required scope is 403 insufficient_scope naming the scope', async () => {
    const answer = await send(router, writers, { method: 'POST', headers: { authorization: `Bearer ${await token()}` } })
    expectProblem(answer, 403, {
      code: 'insufficient_scope',
      headers: { 'www-authenticate': 'Bearer realm="api", error="insufficient_scope", scope="items:write"' },
    })
  })

  it('J14: the same jti twice, with a revocation hook that records it, is refused the second time', async () => {
    const seen = new Set<unknown>()
    const once = createHandler()
      .use(jwt({ secret, algorithms: ['HS256'], isRevoked: ({ jti }) => seen.has(jti) || (seen.add(jti), false) }))
      .get(() => 'ok')
    const value = await token({ payload: { jti: `replay-${router}` } })
    expect((await withToken(once, value)).status).toBe(200)
    expectProblem(await withToken(once, value), 401, { code: 'invalid_token', headers: { 'www-authenticate': invalid } })
  })

  it('H1: no credentials, or Basic, is 401 with a realm and no error code', async () => {
    expectProblem(await send(router, hs256), 401, { code: 'missing_token', headers: { 'www-authenticate': realm } })
    const basic = await send(router, hs256, { headers: { authorization: 'Basic YWxhZGRpbjpvcGVuc2VzYW1l' } })
    expectProblem(basic, 401, { code: 'missing_token', headers: { 'www-authenticate': realm } })
  })

  it('H3: Bearer with an empty token is 400 invalid_request', async () => {
    const answer = await send(router, hs256, { headers: { authorization: 'Bearer ' } })
    expectProblem(answer, 400, { code: 'invalid_request', headers: { 'www-authenticate': 'Bearer realm="api", error="invalid_request"' } })
  })

  it('H4: a query token is ignored: the header decides, and a query token alone is 401', async () => {
    const value = await token()
    const both = await send(router, hs256, { path: '/api/items?access_token=junk', headers: { authorization: `Bearer ${value}` } })
    expect(both.status).toBe(200)
    expectProblem(await send(router, hs256, { path: `/api/items?access_token=${value}` }), 401, { code: 'missing_token' })
  })

  it('N1: x-middleware-subrequest with no token is 401', async () => {
    const answer = await send(router, hs256, { headers: { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' } })
    expectProblem(answer, 401, { code: 'missing_token', headers: { 'www-authenticate': realm } })
  })

  // Cases the list lacks.
  it('J15 (added): an HS256 token signed with the server’s RSA public key is 401 (key confusion)', async () => {
    await expectInvalid(rs256, await token({ alg: 'HS256', key: new TextEncoder().encode(rsaPem) }))
  })

  it('J16 (added): a private key passed as the verification key is refused at start-up', () => {
    expect(() => jwt({ key: rsa.privateKey, algorithms: ['RS256'] })).toThrow(/private key/)
  })

  it('H5 (added): two tokens after Bearer are 400 invalid_request', async () => {
    const answer = await send(router, hs256, { headers: { authorization: `Bearer ${await token()} ${await token()}` } })
    expectProblem(answer, 400, { code: 'invalid_request' })
  })

  it('H6 (added): a 100 KB Authorization header is refused without parsing, never 500', async () => {
    await expectInvalid(hs256, 'e'.repeat(100_000))
  })
})
