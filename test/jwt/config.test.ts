import { createPublicKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { jwt, requireScope } from '../../src/jwt/index.js'
import { ec, rsa, rsaPem, secret } from './fixtures.js'

// Mistakes that broke other JWT libraries are refused when the middleware is
// created, with a message naming the option, not discovered on a request.
describe('jwt() configuration', () => {
  it.each([
    ['no algorithms', { secret }, /`algorithms` is required/],
    ['an empty algorithms list', { secret, algorithms: [] }, /`algorithms` is required/],
    ['"none"', { secret, algorithms: ['none'] }, /`algorithms` must not contain "none"/],
    ['"None"', { secret, algorithms: ['HS256', 'None'] }, /`algorithms` must not contain "none"/],
    ['an unknown algorithm', { secret, algorithms: ['HS265'] }, /`algorithms` contains "HS265"/],
    ['HMAC mixed with RSA', { key: rsaPem, algorithms: ['RS256', 'HS256'] }, /`algorithms` mixes HMAC/],
    ['a 31-byte secret', { secret: 'x'.repeat(31), algorithms: ['HS256'] }, /`secret` must be at least 32 bytes/],
    ['a secret with RSA algorithms', { secret, algorithms: ['RS256'] }, /`secret` is an HMAC secret/],
    ['a PEM key with HMAC algorithms', { key: rsaPem, algorithms: ['HS256'] }, /`key` is a PEM string/],
    ['a private CryptoKey', { key: rsa.privateKey, algorithms: ['RS256'] }, /`key` is a private key/],
    ['a public CryptoKey with HMAC algorithms', { key: ec.publicKey, algorithms: ['HS256'] }, /`key` is a public key but `algorithms` lists HMAC/],
    ['a public KeyObject with HMAC algorithms', { key: createPublicKey(rsaPem), algorithms: ['HS512'] }, /`key` is a public key/],
    ['a private PEM', { key: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----', algorithms: ['RS256'] }, /`key` is a private key/],
    ['a string that is not PEM', { key: 'my-secret-key-that-is-long-enough', algorithms: ['RS256'] }, /PEM public key/],
    ['a private JWK', { key: { kty: 'RSA', n: 'x', e: 'AQAB', d: 'y' }, algorithms: ['RS256'] }, /private JWK/],
    ['an oct JWK with RSA algorithms', { key: { kty: 'oct', k: 'abc' }, algorithms: ['RS256'] }, /JWK of type oct/],
    ['no key source', { algorithms: ['HS256'] }, /exactly one of `secret`, `key`, `jwks` or `discovery`/],
    ['two key sources', { secret, key: rsaPem, algorithms: ['HS256'] }, /exactly one of `secret`, `key`, `jwks` or `discovery`/],
    ['a JWKS over plain http', { jwks: 'http://auth.example.com/jwks.json', algorithms: ['RS256'] }, /`jwks` must be an https URL/],
    ['a JWKS with HMAC algorithms', { jwks: 'https://auth.example.com/jwks.json', algorithms: ['HS256'] }, /`jwks` gives public keys/],
    ['a negative clock tolerance', { secret, algorithms: ['HS256'], clockTolerance: -1 }, /`clockTolerance`/],
  ])('refuses %s', (_, options, message) => {
    expect(() => jwt(options as never)).toThrow(message)
  })

  it('accepts each kind of key source', () => {
    expect(() => jwt({ secret, algorithms: ['HS256', 'HS512'] })).not.toThrow()
    expect(() => jwt({ key: rsaPem, algorithms: ['RS256', 'PS256'] })).not.toThrow()
    expect(() => jwt({ key: ec.publicKey, algorithms: ['ES256'] })).not.toThrow()
    expect(() => jwt({ key: createPublicKey(rsaPem), algorithms: ['RS256'] })).not.toThrow()
    expect(() => jwt({ jwks: new URL('https://auth.example.com/jwks.json'), algorithms: ['RS256'] })).not.toThrow()
    expect(() => jwt({ jwks: { url: 'http://127.0.0.1:1/jwks.json', timeoutDuration: 100 }, algorithms: ['ES256'] })).not.toThrow()
  })

  it('refuses requireScope() without a scope', () => {
    expect(() => requireScope()).toThrow(/at least one scope/)
  })
})
