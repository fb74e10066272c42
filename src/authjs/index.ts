// routekit/authjs: API routes authenticated by the session cookie Auth.js
// (v5) or next-auth (v4) sets, decrypted with jose alone.
export { authjs } from './middleware.js'
export type { AuthjsOptions, AuthjsSession, AuthjsToken } from './middleware.js'
export type { CsrfOptions } from '../csrf/same-origin.js'
