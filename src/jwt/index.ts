// routekit/jwt: bearer-token authentication with jose. A separate entry so
// routes that do not authenticate never load jose.
export { jwt } from './middleware.js'
export type { JwtClaims, JwtOptions } from './middleware.js'
export { authorize, requireScope } from './authorize.js'
export { signJwt } from './sign.js'
export type { SignJwtOptions } from './sign.js'
export type { DiscoveryOptions, JwksOptions, KeySource } from './keys.js'
export type { AsymmetricAlgorithm, HmacAlgorithm, JwtAlgorithm } from './algorithms.js'
export type { CsrfOptions } from '../csrf/same-origin.js'
