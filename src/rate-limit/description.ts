import type { DescribedHeader, MiddlewareDescription } from '../core/describe.js'
import type { RateLimitHeaders } from './headers.js'

const text = { type: 'string' }
const seconds = { type: 'integer', minimum: 0 }

// The fields each header mode sends (see headers.ts), as documentation names
// them. None is marked required: an answer from before the limiter ran (an
// earlier middleware's 401) or a server error does not carry them.
const draft: Record<string, DescribedHeader> = {
  RateLimit: {
    description: 'The quota left: `"<name>";r=<requests left>;t=<seconds until it resets>` (draft-ietf-httpapi-ratelimit-headers).',
    schema: text,
  },
  'RateLimit-Policy': {
    description: 'The limit: `"<name>";q=<requests>;w=<window in seconds>`, one entry per limiter on the route.',
    schema: text,
  },
}
const legacy: Record<string, DescribedHeader> = {
  'RateLimit-Limit': { description: 'Requests allowed per window.', schema: seconds },
  'RateLimit-Remaining': { description: 'Requests left in this window.', schema: seconds },
  'RateLimit-Reset': { description: 'Seconds until the quota resets.', schema: seconds },
}

/**
 * What `rateLimit()` tells OpenAPI generation: its 429 (and the 503 of a
 * store failure when it fails closed), `Retry-After` with those, and the
 * rate-limit fields its header mode sends with every answer.
 */
export function rateLimitDescription(mode: RateLimitHeaders, failClosed: boolean): MiddlewareDescription {
  const statuses = failClosed ? [429, 503] : [429]
  return {
    statuses,
    headers: {
      'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 }, statuses },
      ...(mode === 'draft' || mode === 'both' ? draft : {}),
      ...(mode === 'legacy' || mode === 'both' ? legacy : {}),
    },
  }
}
