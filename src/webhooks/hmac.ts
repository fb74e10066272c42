// HMAC-SHA256 and the encodings signatures arrive in, with Web Crypto and
// the Web's own atob: no Node built-in, so verification runs on Edge too.

const encoder = new TextEncoder()

/**
 * UTF-8 bytes of a string.
 *
 * @example
 * ```ts
 * utf8('t=1.') // Uint8Array [116, 61, 49, 46]
 * ```
 */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text)
}

/**
 * Imports an HMAC-SHA256 key once; signing with a `CryptoKey` skips a per-request import.
 *
 * @example
 * ```ts
 * const key = await importHmacKey(utf8('whsec_...'))
 * ```
 */
export function importHmacKey(secret: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', secret as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
}

/**
 * The HMAC-SHA256 of `data`.
 *
 * @example
 * ```ts
 * const mac = await hmacSha256(key, utf8('payload')) // 32 bytes
 * ```
 */
export async function hmacSha256(key: CryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.sign('HMAC', key, data as BufferSource))
}

/**
 * `prefix` (as UTF-8) followed by `body`: what the schemes sign, without decoding the body to text.
 *
 * @example
 * ```ts
 * prefixed('1700000000.', body) // the bytes Stripe signs
 * ```
 */
export function prefixed(prefix: string, body: Uint8Array): Uint8Array {
  const head = utf8(prefix)
  const joined = new Uint8Array(head.byteLength + body.byteLength)
  joined.set(head, 0)
  joined.set(body, head.byteLength)
  return joined
}

/**
 * Compares in time that depends only on the length, never on where the
 * first difference is: an early exit would let a caller find a valid
 * signature byte by byte from response times. Lengths are public (every
 * HMAC-SHA256 is 32 bytes).
 *
 * @example
 * ```ts
 * timingSafeEqual(expected, presented) // true only for the same bytes
 * ```
 */
export function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false
  let difference = 0
  for (let i = 0; i < a.byteLength; i++) difference |= a[i]! ^ b[i]!
  return difference === 0
}

/**
 * Bytes of a hex string, or `undefined` when it is not hex of even length.
 *
 * @example
 * ```ts
 * fromHex('0aff') // Uint8Array [10, 255]
 * ```
 */
export function fromHex(hex: string): Uint8Array | undefined {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return undefined
  const bytes = new Uint8Array(hex.length / 2)
  for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return bytes
}

/**
 * Hex of bytes, lower case.
 *
 * @example
 * ```ts
 * toHex(new Uint8Array([10, 255])) // '0aff'
 * ```
 */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * Bytes of standard base64 (padding optional), or `undefined` when it is not base64.
 *
 * @example
 * ```ts
 * fromBase64('AP8=') // Uint8Array [0, 255]
 * ```
 */
export function fromBase64(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0))
  } catch {
    return undefined
  }
}
