/** Reads one cookie's raw value from a `Cookie` request header. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (header === null) return undefined
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=')
    if (at !== -1 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim()
  }
  return undefined
}

/** Every cookie of a `Cookie` header whose name starts with `prefix`, in header order. */
export function readCookiesWithPrefix(header: string | null, prefix: string): [string, string][] {
  if (header === null) return []
  const found: [string, string][] = []
  for (const pair of header.split(';')) {
    const at = pair.indexOf('=')
    const name = at === -1 ? '' : pair.slice(0, at).trim()
    if (name.startsWith(prefix)) found.push([name, pair.slice(at + 1).trim()])
  }
  return found
}

/** Attributes of a `Set-Cookie` header. */
export interface CookieAttributes {
  maxAge: number
  path: string
  domain?: string
  httpOnly: boolean
  secure: boolean
  sameSite: 'Lax' | 'Strict' | 'None'
}

/** Serialises a `Set-Cookie` value; a `maxAge` of 0 deletes the cookie. */
export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  const expires = new Date(Date.now() + attributes.maxAge * 1000).toUTCString()
  let cookie = `${name}=${value}; Path=${attributes.path}; Max-Age=${attributes.maxAge}; Expires=${expires}`
  if (attributes.domain) cookie += `; Domain=${attributes.domain}`
  if (attributes.httpOnly) cookie += '; HttpOnly'
  if (attributes.secure) cookie += '; Secure'
  return `${cookie}; SameSite=${attributes.sameSite}`
}
