// routekit/session: sealed-cookie sessions, and Auth.js session cookies.
export { session } from './middleware.js'
export type { SessionData, SessionOptions } from './middleware.js'
export type { RequiredSession, Session } from './session-state.js'
export type { SessionSecret } from './seal.js'
export { memorySessionStore } from './store.js'
export type { SessionStore } from './store.js'
export type { CsrfOptions } from '../csrf/same-origin.js'
