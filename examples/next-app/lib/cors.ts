import { cors } from 'routekit/cors'
import { corsOrigins } from './cors-origins'

// The notes API authenticates with bearer tokens, which a page sends in the
// Authorization header itself: no cookies, so no `credentials`.
export const notesCors = cors({
  origin: corsOrigins,
  allowedHeaders: ['authorization', 'content-type'],
  exposedHeaders: ['location'],
  maxAge: 600,
})
