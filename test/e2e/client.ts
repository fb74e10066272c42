import { inject } from 'vitest'
import { signJwt } from '../../src/jwt/index.js'
import { audience, issuer, jwtSecret } from '../../examples/next-app/lib/secrets.js'

export const baseUrl = inject('baseUrl')
/** The example app's own origin, as a browser on it would send in `Origin`. */
export const ownOrigin = baseUrl

export interface Answer {
  status: number
  headers: Headers
  text: string
  json(): any
}

/** One real HTTP request to the running example app. */
export async function call(method: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, { ...init, method, redirect: 'manual' })
  const text = await response.text()
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) }
}

/** A bearer token the example app accepts, signed with its development secret. */
export async function bearer(scope = 'notes:read notes:write', sub = 'grace'): Promise<Record<string, string>> {
  const token = await signJwt({ scope }, { secret: jwtSecret, algorithm: 'HS256', subject: sub, issuer, audience })
  return { authorization: `Bearer ${token}` }
}
