/** Which key derivation a cookie name implies. */
export type AuthjsFormat = 'v5' | 'v4'

/** The session cookie names Auth.js v5 and next-auth v4 set, secure variants first. */
export const standardCookies: { name: string; format: AuthjsFormat }[] = [
  { name: '__Secure-authjs.session-token', format: 'v5' },
  { name: 'authjs.session-token', format: 'v5' },
  { name: '__Secure-next-auth.session-token', format: 'v4' },
  { name: 'next-auth.session-token', format: 'v4' },
]

/**
 * Reads a session cookie the way Auth.js writes it: whole under its name,
 * or, when the token outgrew one cookie, split into `name.0`, `name.1`, ...
 * and joined in index order. `cookies` is the request's Cookie header,
 * parsed once for every candidate name.
 */
export function readSessionCookie(cookies: [string, string][], name: string): string | undefined {
  const chunks = cookies.filter(([cookie]) => cookie === name || (cookie.startsWith(name) && /^\.\d+$/.test(cookie.slice(name.length))))
  if (chunks.length === 0) return undefined
  const whole = chunks.find(([cookie]) => cookie === name)
  if (whole) return whole[1]
  return chunks
    .map(([cookie, value]) => [Number(cookie.slice(name.length + 1)), value] as const)
    .sort((a, b) => a[0] - b[0])
    .map(([, value]) => value)
    .join('')
}
