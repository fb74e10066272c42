import { hkdf } from '../session/hkdf.js'
import type { AuthjsFormat } from './cookies.js'

/** Decryption keys by content encryption algorithm, for one secret. */
export type KeysByEnc = Partial<Record<'A256CBC-HS512' | 'A256GCM', Promise<Uint8Array>>>

/**
 * Derives the keys Auth.js and next-auth encrypt their session JWTs with:
 * v5 uses the cookie name as HKDF salt and A256CBC-HS512 (A256GCM also
 * accepted); v4 uses an empty salt by default and A256GCM.
 */
export function deriveKeys(secret: string, format: AuthjsFormat, salt: string): KeysByEnc {
  if (format === 'v5') {
    const info = `Auth.js Generated Encryption Key (${salt})`
    return { 'A256CBC-HS512': hkdf(secret, salt, info, 64), A256GCM: hkdf(secret, salt, info, 32) }
  }
  const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`
  return { A256GCM: hkdf(secret, salt, info, 32) }
}
