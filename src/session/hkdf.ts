/**
 * HKDF-SHA256 through WebCrypto, so key derivation needs no Node import and
 * runs on the Edge runtime too.
 */
export async function hkdf(secret: string | Uint8Array, salt: string, info: string, bytes: number): Promise<Uint8Array> {
  const encoder = new TextEncoder()
  const material = typeof secret === 'string' ? encoder.encode(secret) : secret
  const key = await crypto.subtle.importKey('raw', material as BufferSource, 'HKDF', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode(salt), info: encoder.encode(info) },
    key,
    bytes * 8,
  )
  return new Uint8Array(bits)
}
