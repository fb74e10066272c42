import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHandler } from '../../src/index.js'
import { jwt, signJwt } from '../../src/jwt/index.js'
import { send } from '../routers.js'
import { audience, ec, ecJwk, issuer, secret, token } from './fixtures.js'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('key import', () => {
  it('happens once, when the middleware is created, never per request', async () => {
    // Tokens are minted first: jose's signer imports its own key each time.
    const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => token()))
    const importKey = vi.spyOn(crypto.subtle, 'importKey')
    const api = createHandler().use(jwt({ secret, algorithms: ['HS256', 'HS384'] })).get(() => 'ok')
    expect(importKey).toHaveBeenCalledTimes(2) // one CryptoKey per HMAC algorithm
    for (const value of tokens) {
      expect((await send('app', api, { headers: { authorization: `Bearer ${value}` } })).status).toBe(200)
    }
    expect(importKey).toHaveBeenCalledTimes(2)
  })
})

describe('signJwt', () => {
  it('mints tokens that jwt() accepts, with HMAC or a private key', async () => {
    const hmac = createHandler().use(jwt({ secret, algorithms: ['HS256'], issuer, audience })).get(({ auth }) => auth)
    const hs = await signJwt({ scope: 'items:read' }, { secret, algorithm: 'HS256', subject: 'u1', issuer, audience })
    const response = await send('app', hmac, { headers: { authorization: `Bearer ${hs}` } })
    expect(response.status).toBe(200)
    expect(response.json()).toMatchObject({ sub: 'u1', scope: 'items:read', iss: issuer, aud: audience })
    expect(response.json().exp - response.json().iat).toBe(15 * 60)

    const es = createHandler().use(jwt({ key: ecJwk, algorithms: ['ES256'] })).get(() => 'ok')
    const signed = await signJwt({ sub: 'u2' }, { key: ec.privateKey, algorithm: 'ES256', expiresIn: 60, header: { kid: 'k1' } })
    expect((await send('app', es, { headers: { authorization: `Bearer ${signed}` } })).status).toBe(200)
  })

  it('mints expired tokens when asked, which jwt() refuses', async () => {
    const api = createHandler().use(jwt({ secret, algorithms: ['HS256'] })).get(() => 'ok')
    const expired = await signJwt({ sub: 'u1' }, { secret, algorithm: 'HS256', expiresIn: -60 })
    expect((await send('app', api, { headers: { authorization: `Bearer ${expired}` } })).status).toBe(401)
  })
})
