import { createPublicKey } from 'node:crypto'
import { exportJWK, generateKeyPair, type JWTPayload } from 'jose'
import { describe, expect, it } from 'vitest'
import { createHandler, type Middleware } from '../../src/index.js'
import { jwt } from '../../src/jwt/index.js'
import { routers, send } from '../routers.js'
import {
  audience, ec, ecJwk, ed, edJwk, issuer, rsa, rsaPem, rsaPssPrivate, secret, tamperedToken, token, unencodedPayloadTokens, unsignedToken,
} from './fixtures.js'

const whoami = (middleware: Middleware<{}, { auth: JWTPayload }>) => createHandler().use(middleware).get(({ auth }) => ({ sub: auth.sub }))
const hs256 = whoami(jwt({ secret, algorithms: ['HS256'], issuer, audience }))
const rs256 = whoami(jwt({ key: rsaPem, algorithms: ['RS256'], issuer, audience }))
const bearer = (value: string) => ({ headers: { authorization: `Bearer ${value}` } })

describe.each(routers)('verifying tokens (%s router)', (router) => {
  async function expectInvalid(handler: typeof hs256, value: string, code = 'invalid_token') {
    const response = await send(router, handler, bearer(value))
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="api", error="invalid_token"')
    expect(response.json()).toMatchObject({ type: 'about:blank', title: 'Unauthorized', status: 401, code })
    return response
  }

  it('accepts a valid HS256 token and puts its claims on ctx.auth', async () => {
    const response = await send(router, hs256, bearer(await token()))
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ sub: 'user-1' })
  })

  it.each([
    ['RS256 with a PEM key', () => token({ alg: 'RS256', key: rsa.privateKey }), jwt({ key: rsaPem, algorithms: ['RS256'] })],
    ['RS256 with a KeyObject', () => token({ alg: 'RS256', key: rsa.privateKey }), jwt({ key: createPublicKey(rsaPem), algorithms: ['RS256'] })],
    ['ES256 with a JWK', () => token({ alg: 'ES256', key: ec.privateKey }), jwt({ key: ecJwk, algorithms: ['ES256'] })],
    ['ES256 with a CryptoKey', () => token({ alg: 'ES256', key: ec.privateKey }), jwt({ key: ec.publicKey, algorithms: ['ES256'] })],
    ['EdDSA with a JWK', () => token({ alg: 'EdDSA', key: ed.privateKey }), jwt({ key: edJwk, algorithms: ['EdDSA'] })],
    ['HS512 among two HMAC algorithms', () => token({ alg: 'HS512' }), jwt({ secret, algorithms: ['HS256', 'HS512'] })],
  ])('accepts %s', async (_, sign, middleware) => {
    const response = await send(router, whoami(middleware), bearer(await sign()))
    expect(response.status).toBe(200)
  })

  it.each(['none', 'None', 'NONE', 'nOnE'])('J1: refuses an unsigned token with alg %s', async (alg) => {
    await expectInvalid(hs256, unsignedToken(alg))
    await expectInvalid(rs256, unsignedToken(alg))
  })

  it('J1: refuses a token whose payload was tampered with', async () => {
    await expectInvalid(hs256, await tamperedToken())
  })

  it('J3: refuses a valid signature by an algorithm outside the list', async () => {
    await expectInvalid(rs256, await token({ alg: 'ES256', key: ec.privateKey }))
    await expectInvalid(rs256, await token({ alg: 'PS256', key: rsaPssPrivate }))
  })

  it('refuses an HS256 token signed with the RSA public key as its secret (key confusion)', async () => {
    const forged = await token({ alg: 'HS256', key: new TextEncoder().encode(rsaPem) })
    await expectInvalid(rs256, forged)
  })

  it('answers 401, not 500, when a listed algorithm does not fit the configured key', async () => {
    const mismatched = whoami(jwt({ key: createPublicKey(rsaPem), algorithms: ['RS256', 'ES256'] }))
    await expectInvalid(mismatched, await token({ alg: 'ES256', key: ec.privateKey }))
  })

  it('J4: never takes a key from kid, jku, x5u or an embedded jwk', async () => {
    const attacker = new TextEncoder().encode('attacker-secret-of-32-bytes-long')
    await expectInvalid(hs256, await token({ key: attacker, header: { kid: '../../../dev/null' } }))
    await expectInvalid(hs256, await token({ key: attacker, header: { kid: "x' OR 1=1--" } }))
    // An attacker's own key pair, offered to the verifier through the header.
    const own = await generateKeyPair('ES256', { extractable: true })
    const ownJwk = await exportJWK(own.publicKey)
    const es256 = whoami(jwt({ key: ecJwk, algorithms: ['ES256'] }))
    for (const header of [{ jwk: ownJwk }, { jku: 'https://attacker.example/jwks.json', kid: 'k1' }, { x5u: 'https://attacker.example/cert.pem' }]) {
      await expectInvalid(es256, await token({ alg: 'ES256', key: own.privateKey, header }))
    }
  })

  it('J6: refuses unknown critical headers and unencoded payloads', async () => {
    await expectInvalid(hs256, await token({ header: { crit: ['foo'], foo: 1 }, crit: { foo: true } }))
    for (const unencoded of await unencodedPayloadTokens()) await expectInvalid(hs256, unencoded)
  })

  it('J7: refuses an expired token (saying so) and one not yet valid, within the tolerance', async () => {
    const expired = await expectInvalid(hs256, await token({ exp: -60 }), 'token_expired')
    expect(expired.json().detail).toBe('The token has expired.')
    await expectInvalid(hs256, await token({ payload: { nbf: Math.floor(Date.now() / 1000) + 60 } }))
    const tolerant = whoami(jwt({ secret, algorithms: ['HS256'], clockTolerance: 5 }))
    expect((await send(router, tolerant, bearer(await token({ exp: -3 })))).status).toBe(200)
    expect((await send(router, tolerant, bearer(await token({ exp: -10 })))).status).toBe(401)
  })

  it('requires exp unless told otherwise', async () => {
    const forever = await token({ exp: null })
    await expectInvalid(hs256, forever)
    const lenient = whoami(jwt({ secret, algorithms: ['HS256'], requireExpiry: false }))
    expect((await send(router, lenient, bearer(forever))).status).toBe(200)
  })

  it('J9: checks iss and aud exactly, and accepts an aud array containing ours', async () => {
    await expectInvalid(hs256, await token({ payload: { aud: 'billing-api' } }))
    await expectInvalid(hs256, await token({ payload: { iss: `${issuer}/` } }))
    expect((await send(router, hs256, bearer(await token({ payload: { aud: ['billing-api', audience] } })))).status).toBe(200)
  })

  it('J12: answers a 10 KB token, a 5-segment JWE and junk with 401, never 500', async () => {
    await expectInvalid(hs256, await token({ payload: { pad: 'x'.repeat(10_000) } }))
    await expectInvalid(hs256, 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..abc.def.ghi')
    for (const junk of ['not-a-token', 'a.b.c', '...', '%%%.%%%.%%%', 'eyJ.eyJ.', '\u00e9.\u00e9.\u00e9']) {
      await expectInvalid(hs256, junk)
    }
  })

  it('checks typ, maxTokenAge and requiredClaims when configured', async () => {
    const strict = whoami(
      jwt({ secret, algorithms: ['HS256'], typ: 'at+jwt', maxTokenAge: '1m', requiredClaims: ['scope'] }),
    )
    const now = Math.floor(Date.now() / 1000)
    expect((await send(router, strict, bearer(await token({ header: { typ: 'at+jwt' } })))).status).toBe(200)
    await expectInvalid(strict, await token({ header: { typ: 'JWT' } }))
    // Too old counts as expired: the client's remedy is the same, a fresh token.
    await expectInvalid(strict, await token({ header: { typ: 'at+jwt' }, payload: { iat: now - 120 } }), 'token_expired')
    await expectInvalid(strict, await token({ header: { typ: 'at+jwt' }, payload: { scope: undefined } }))
  })
})
