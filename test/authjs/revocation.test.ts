import { encode as encodeV5, decode as decodeV5 } from '@auth/core/jwt'
import { encode as encodeV4 } from 'next-auth/jwt'
import { EncryptJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import { authjs } from '../../src/authjs/index.js'
import { deriveKeys } from '../../src/authjs/keys.js'
import { createHandler } from '../../src/index.js'
import { memorySessionStore } from '../../src/session/index.js'
import { routers, send } from '../routers.js'

// Auth.js sessions are stateless JWTs: signing out deletes the cookie in
// that browser, but a copy taken before stays valid until it expires. With
// a store, the app revokes the token's jti at sign-out and the copy stops
// working. Tokens here are minted by Auth.js's and next-auth's own encoders.
const secret = 'auth-secret-as-generated-by-npx-auth-secret'
const name = 'authjs.session-token'
const user = { sub: 'u1', email: 'ada@example.com' }

describe.each(routers)('authjs({ store }) (%s router)', (router) => {
  const store = memorySessionStore()
  const me = createHandler()
    .use(authjs({ secret, store }))
    .get(({ auth }) => ({ email: auth.email }))
  const read = (cookie: string) => send(router, me, { headers: { cookie } })

  it('a cookie copied before sign-out stops working once its jti is revoked', async () => {
    const token = await encodeV5({ token: user, secret, salt: name })
    expect((await read(`${name}=${token}`)).status).toBe(200)
    // What the app's `events: { signOut({ token }) }` does with the token Auth.js passes it.
    const decoded = (await decodeV5({ token, secret, salt: name }))!
    expect(typeof decoded.jti).toBe('string')
    await store.revoke(decoded.jti!, decoded.exp!)
    const replayed = await read(`${name}=${token}`)
    expect(replayed.status).toBe(401)
    expect(replayed.headers.get('www-authenticate')).toBe('Cookie realm="api"')
  })

  it('other sessions, and next-auth v4 tokens (which carry a jti too), are unaffected', async () => {
    expect((await read(`${name}=${await encodeV5({ token: user, secret, salt: name })}`)).status).toBe(200)
    expect((await read(`next-auth.session-token=${await encodeV4({ token: user, secret })}`)).status).toBe(200)
  })

  it('a token without jti cannot be checked against the store, so it is no session', async () => {
    // Sealed as Auth.js v5 seals, but without the jti its encoder always sets.
    const key = await deriveKeys(secret, 'v5', name)['A256CBC-HS512']!
    const token = await new EncryptJWT({ ...user }).setProtectedHeader({ alg: 'dir', enc: 'A256CBC-HS512' }).setIssuedAt().setExpirationTime('1h').encrypt(key)
    const withStore = createHandler()
      .use(authjs({ secret, store: { isRevoked: () => false }, optional: true }))
      .get(({ auth }) => ({ signedIn: auth !== undefined }))
    const withoutStore = createHandler()
      .use(authjs({ secret, optional: true }))
      .get(({ auth }) => ({ signedIn: auth !== undefined }))
    const cookie = { cookie: `${name}=${token}` }
    expect((await send(router, withoutStore, { headers: cookie })).json()).toEqual({ signedIn: true })
    expect((await send(router, withStore, { headers: cookie })).json()).toEqual({ signedIn: false })
  })
})
