import type { Received } from '../routers.js'

/** The session cookie a response sets, as `name=value` ready for a Cookie header, and its attributes. */
export function sessionCookie(response: Received, name = 'session') {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`))
  if (header === undefined) return undefined
  const [pair, ...attributes] = header.split('; ')
  return { pair: pair!, value: pair!.slice(name.length + 1), attributes, header }
}

/** The protected header of a sealed (JWE compact) value. */
export function sealHeader(value: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(value.split('.')[0]!, 'base64url').toString())
}

/** Flips one character in the middle of the ciphertext. */
export function flipOneByte(value: string): string {
  const parts = value.split('.')
  const text = parts[3]!
  const at = Math.floor(text.length / 2)
  parts[3] = text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1)
  return parts.join('.')
}
