import { HttpError } from '../core/http-error.js'
import type { WebhookSchemeName } from './scheme.js'

// Every refusal names what is wrong in general terms only: never the
// secret, the expected signature or the one received, so a response
// cannot help anyone forge the next attempt.

/**
 * RFC 9110 §15.5.2 wants a challenge on every 401; no registered scheme
 * describes webhook signatures, so the challenge names the one expected.
 */
function unauthorized(scheme: WebhookSchemeName, code: string, detail: string): HttpError {
  return new HttpError(401, { code, detail, headers: { 'www-authenticate': `Signature scheme="${scheme}"` } })
}

/**
 * No signature header at all.
 *
 * @example
 * ```ts
 * throw signatureMissing('github', 'X-Hub-Signature-256')
 * ```
 */
export function signatureMissing(scheme: WebhookSchemeName, header: string): HttpError {
  return unauthorized(scheme, 'webhook_signature_missing', `The request has no ${header} header.`)
}

/**
 * A signature that matches none of the secrets: the body, the timestamp or the signature was changed, or signed with another secret.
 *
 * @example
 * ```ts
 * throw signatureInvalid('stripe')
 * ```
 */
export function signatureInvalid(scheme: WebhookSchemeName): HttpError {
  return unauthorized(scheme, 'webhook_signature_invalid', 'The webhook signature does not match the request.')
}

/**
 * A signed timestamp too far from now: an old delivery replayed, or a clock far off.
 *
 * @example
 * ```ts
 * throw timestampOutsideTolerance('stripe', 300)
 * ```
 */
export function timestampOutsideTolerance(scheme: WebhookSchemeName, tolerance: number): HttpError {
  return unauthorized(scheme, 'webhook_timestamp_outside_tolerance', `The webhook timestamp is more than ${tolerance} s from the current time.`)
}

/**
 * Signature headers that are there but cannot be read.
 *
 * @example
 * ```ts
 * throw malformed('The Stripe-Signature header has no v1 signature.')
 * ```
 */
export function malformed(detail: string): HttpError {
  return HttpError.badRequest(detail, { code: 'webhook_malformed' })
}

/**
 * A delivery already accepted within the replay window.
 *
 * @example
 * ```ts
 * throw replayed()
 * ```
 */
export function replayed(): HttpError {
  return HttpError.badRequest('This webhook delivery was already received.', { code: 'webhook_replayed' })
}
