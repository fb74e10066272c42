import { configError } from '../core/options.js'
import { fromHex, prefixed, utf8 } from './hmac.js'
import { malformed, signatureMissing } from './refusals.js'
import type { SignedParts, WebhookScheme } from './scheme.js'

/**
 * Stripe's scheme (docs.stripe.com/webhooks#verify-manually): the
 * `Stripe-Signature` header holds `t=<unix seconds>` and one `v1=<hex>`
 * per active secret (two while a secret is rolled), each an HMAC-SHA256 of
 * `<t>.<body>` keyed with the whole `whsec_...` string. `v0` and unknown
 * keys are ignored, as Stripe's own library does.
 *
 * @example
 * ```ts
 * stripeScheme.read(req.headers).timestamp // the t= of Stripe-Signature
 * ```
 */
export const stripeScheme: WebhookScheme = {
  name: 'stripe',
  timestamped: true,
  secretBytes(secret, where) {
    // The most common mistake: the account's API key instead of the endpoint's signing secret.
    if (/^(?:sk|rk|pk)_/.test(secret)) {
      throw configError(where, 'a Stripe webhook secret starts with `whsec_`; this looks like an API key. Use the signing secret of the webhook endpoint.')
    }
    return utf8(secret)
  },
  read(headers): SignedParts {
    const header = headers.get('stripe-signature')
    if (header === null) throw signatureMissing('stripe', 'Stripe-Signature')
    let timestamp: string | undefined
    const signatures: Uint8Array[] = []
    for (const item of header.split(',')) {
      const equals = item.indexOf('=')
      const key = item.slice(0, equals).trim()
      const value = item.slice(equals + 1).trim()
      if (key === 't') timestamp = value
      if (key === 'v1') {
        const bytes = fromHex(value)
        if (bytes?.byteLength === 32) signatures.push(bytes)
      }
    }
    if (timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) throw malformed('The Stripe-Signature header has no valid timestamp (t=).')
    if (signatures.length === 0) throw malformed('The Stripe-Signature header has no v1 signature.')
    return { signatures, timestamp: Number(timestamp), content: (body) => prefixed(`${timestamp}.`, body), delivery: {} }
  },
  headers: [
    {
      name: 'stripe-signature',
      required: true,
      description: 'Stripe\'s signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, one v1 per active secret.',
      schema: { type: 'string', pattern: '^t=\\d+,' },
    },
  ],
}
