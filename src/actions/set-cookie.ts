/** A `Set-Cookie` header as the name, value and options Next's `cookies().set()` takes. */
export interface ParsedCookie {
  name: string
  value: string
  options: {
    path?: string
    domain?: string
    maxAge?: number
    expires?: Date
    httpOnly?: boolean
    secure?: boolean
    sameSite?: 'strict' | 'lax' | 'none'
    partitioned?: boolean
  }
}

/**
 * Reads back a `Set-Cookie` header that routekit's middleware wrote, so an
 * action can hand it to Next's cookie store: attributes keep their meaning
 * (a `Max-Age=0` deletion stays a deletion). Unknown attributes are dropped.
 *
 * @example
 * ```ts
 * parseSetCookie('sid=abc; Path=/; HttpOnly; SameSite=Lax') // { name: 'sid', value: 'abc', options: { path: '/', httpOnly: true, sameSite: 'lax' } }
 * ```
 */
export function parseSetCookie(header: string): ParsedCookie | undefined {
  const [pair = '', ...attributes] = header.split(';')
  const equals = pair.indexOf('=')
  if (equals <= 0) return undefined
  const cookie: ParsedCookie = { name: pair.slice(0, equals).trim(), value: pair.slice(equals + 1).trim(), options: {} }
  const { options } = cookie
  for (const attribute of attributes) {
    const [rawName = '', ...rest] = attribute.split('=')
    const name = rawName.trim().toLowerCase()
    const value = rest.join('=').trim()
    if (name === 'path') options.path = value
    else if (name === 'domain') options.domain = value
    else if (name === 'max-age' && /^-?\d+$/.test(value)) options.maxAge = Number(value)
    else if (name === 'expires' && !Number.isNaN(Date.parse(value))) options.expires = new Date(value)
    else if (name === 'httponly') options.httpOnly = true
    else if (name === 'secure') options.secure = true
    else if (name === 'partitioned') options.partitioned = true
    else if (name === 'samesite' && /^(strict|lax|none)$/i.test(value)) options.sameSite = value.toLowerCase() as 'strict' | 'lax' | 'none'
  }
  return cookie
}
