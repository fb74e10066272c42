// routekit/cors: cross-origin resource sharing, handler-wide so preflights
// and error answers are covered. A separate entry: same-origin APIs never load it.
export { cors } from './middleware.js'
export type { CorsOptions } from './policy.js'
export type { CorsOrigin, OriginCheck } from './origin-policy.js'
