import type { MiddlewareDescription } from '../core/describe.js'

/**
 * The security scheme every routekit bearer middleware documents itself
 * with. One shared name, so `jwt()` and a later `requireScope()` on the
 * same route add up to one requirement with the route's scopes.
 */
export const bearerSecurity = {
  name: 'bearerAuth',
  scheme: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
} as const

interface JwtFacts {
  optional: boolean
  jwks: boolean
  cookieCsrf: boolean
}

/** What `jwt()` tells OpenAPI generation, from its configuration. */
export function jwtDescription({ optional, jwks, cookieCsrf }: JwtFacts): MiddlewareDescription {
  // 400: an Authorization header that is not `Bearer <token>`; 503: an
  // unreachable JWKS; 403, on unsafe methods: the same-origin check on a
  // token read from the cookie.
  return {
    security: { ...bearerSecurity, scheme: { ...bearerSecurity.scheme }, optional },
    statuses: [400, 401, ...(jwks ? [503] : [])],
    unsafeMethodStatuses: cookieCsrf ? [403] : [],
  }
}

/** What `requireScope()` tells OpenAPI generation: its scopes, and 401/403. */
export function scopeDescription(scopes: string[]): MiddlewareDescription {
  return { security: { ...bearerSecurity, scheme: { ...bearerSecurity.scheme }, scopes: [...scopes] }, statuses: [401, 403] }
}
