import type { RequestHeaders } from '../core/request-view.js'

/**
 * The signature schemes `webhook()` verifies.
 *
 * @example
 * ```ts
 * const scheme: WebhookSchemeName = 'stripe'
 * ```
 */
export type WebhookSchemeName = 'stripe' | 'github' | 'standard-webhooks'

/**
 * What a request's signature headers say, before anything is verified.
 *
 * @example
 * ```ts
 * const signed: SignedParts = stripeScheme.read(req.headers)
 * ```
 */
export interface SignedParts {
  /** The signatures the request presents; one matching any secret is enough. */
  signatures: Uint8Array[]
  /** The bytes that were signed, given the body's. */
  content(body: Uint8Array): Uint8Array
  /** The signed timestamp, in seconds since the epoch, where the scheme has one. */
  timestamp?: number
  /** A delivery id that the signature covers, for replay protection; without one the signature itself identifies the delivery. */
  signedId?: string
  /** What the handler is told about the delivery (an unsigned id or event name is still useful for logs). */
  delivery: { id?: string; event?: string }
}

/**
 * A request header a scheme reads, as OpenAPI documents it.
 *
 * @example
 * ```ts
 * const header: SchemeHeader = { name: 'webhook-id', required: true, description: 'The delivery id.', schema: { type: 'string' } }
 * ```
 */
export interface SchemeHeader {
  name: string
  required: boolean
  description: string
  schema: Record<string, unknown>
}

/**
 * One provider's way of signing: how its secrets become HMAC keys, and how
 * its headers are read. Verification itself (HMAC, comparison, tolerance,
 * replay) is shared, so every scheme gets it the same way.
 *
 * @example
 * ```ts
 * const scheme: WebhookScheme = githubScheme
 * ```
 */
export interface WebhookScheme {
  name: WebhookSchemeName
  /** Whether the signature covers a timestamp (so a tolerance applies). */
  timestamped: boolean
  /** The key bytes of one configured secret; throws a TypeError naming the mistake, never the value. */
  secretBytes(secret: string, where: string): Uint8Array
  /** Reads the signature headers; throws the 400 or 401 refusal when they are missing or unreadable. */
  read(headers: RequestHeaders): SignedParts
  /** The headers, for OpenAPI. */
  headers: readonly SchemeHeader[]
}
