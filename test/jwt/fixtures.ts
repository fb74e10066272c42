import { base64url, exportJWK, exportPKCS8, exportSPKI, FlattenedSign, generateKeyPair, importPKCS8, type JWTPayload, SignJWT } from 'jose'

/** A 32-byte HMAC secret, the minimum routekit accepts. */
export const secret = 'test-secret-of-exactly-32-bytes!'
export const secretBytes = new TextEncoder().encode(secret)

export const issuer = 'https://auth.example.com'
export const audience = 'items-api'

// Real key pairs, generated once per test file.
export const rsa = await generateKeyPair('RS256', { extractable: true })
export const ec = await generateKeyPair('ES256', { extractable: true })
export const ed = await generateKeyPair('EdDSA', { extractable: true, crv: 'Ed25519' })
export const rsaPem = await exportSPKI(rsa.publicKey)
/** The same RSA private key, imported for RSA-PSS (WebCrypto binds a key to one scheme). */
export const rsaPssPrivate = await importPKCS8(await exportPKCS8(rsa.privateKey), 'PS256')
export const ecJwk = await exportJWK(ec.publicKey)
export const edJwk = await exportJWK(ed.publicKey)

const now = () => Math.floor(Date.now() / 1000)

export interface TokenOptions {
  alg?: string
  key?: CryptoKey | Uint8Array
  header?: Record<string, unknown>
  /** Seconds from now; `null` leaves `exp` out. */
  exp?: number | null
  payload?: JWTPayload
  /** Extension header parameters the signer should allow in `crit`. */
  crit?: Record<string, boolean>
}

/** Signs a real token with jose. Defaults: HS256 with `secret`, valid for 5 minutes, our iss and aud. */
export async function token(options: TokenOptions = {}): Promise<string> {
  const alg = options.alg ?? 'HS256'
  const payload: JWTPayload = { sub: 'user-1', scope: 'items:read', iss: issuer, aud: audience, iat: now(), ...options.payload }
  if (options.exp !== null) payload.exp = now() + (options.exp ?? 300)
  return new SignJWT(payload)
    .setProtectedHeader({ ...options.header, alg })
    .sign(options.key ?? secretBytes, options.crit ? { crit: options.crit } : undefined)
}

const encode = (value: unknown) => base64url.encode(JSON.stringify(value))

/** An unsigned token: `alg: none` (or a casing of it) with the signature stripped. */
export function unsignedToken(alg = 'none', payload: JWTPayload = { sub: 'admin', exp: now() + 300, iss: issuer, aud: audience }): string {
  return `${encode({ alg, typ: 'JWT' })}.${encode(payload)}.`
}

/** A valid token whose payload was swapped after signing. */
export async function tamperedToken(): Promise<string> {
  const [header, , signature] = (await token()).split('.')
  return `${header}.${encode({ sub: 'admin', scope: 'items:write', exp: now() + 300, iss: issuer, aud: audience })}.${signature}`
}

/**
 * Correctly signed JWS with `b64: false` (RFC 7797): the payload is sent raw
 * rather than base64url-encoded. Returned raw, and with the payload encoded
 * after all; a JWT verifier must refuse both.
 */
export async function unencodedPayloadTokens(): Promise<string[]> {
  const claims = JSON.stringify({ sub: 'x', exp: now() + 60, iss: issuer, aud: audience })
  const signed = await new FlattenedSign(new TextEncoder().encode(claims))
    .setProtectedHeader({ alg: 'HS256', b64: false, crit: ['b64'] })
    .sign(secretBytes)
  return [`${signed.protected}.${signed.payload}.${signed.signature}`, `${signed.protected}.${encode(JSON.parse(claims))}.${signed.signature}`]
}
