import { configError } from '../core/options.js'
import type { RequestHeaders } from '../core/request-view.js'
import { fromBase64, prefixed } from './hmac.js'
import { malformed, signatureMissing } from './refusals.js'
import type { SignedParts, WebhookScheme } from './scheme.js'

/** A header by its Standard Webhooks name, or by Svix's (`svix-id` ...), whose service the specification comes from. */
function header(headers: RequestHeaders, name: 'id' | 'timestamp' | 'signature'): string | null {
  return headers.get(`webhook-${name}`) ?? headers.get(`svix-${name}`)
}

/**
 * The Standard Webhooks specification (standardwebhooks.com):
 * `webhook-id`, `webhook-timestamp` (unix seconds) and `webhook-signature`,
 * a space-separated list of `v1,<base64>`, each an HMAC-SHA256 of
 * `<id>.<timestamp>.<body>`. Secrets are base64, usually prefixed
 * `whsec_`. The id is signed, so it identifies a delivery for replay
 * protection; `v1a` (asymmetric) signatures are not read.
 *
 * @example
 * ```ts
 * standardScheme.read(req.headers).signedId // the webhook-id
 * ```
 */
export const standardScheme: WebhookScheme = {
  name: 'standard-webhooks',
  timestamped: true,
  secretBytes(secret, where) {
    const bytes = fromBase64(secret.startsWith('whsec_') ? secret.slice(6) : secret)
    if (bytes === undefined || bytes.byteLength === 0) {
      throw configError(where, 'a Standard Webhooks secret is base64, optionally prefixed `whsec_`; this one is not.')
    }
    return bytes
  },
  read(headers): SignedParts {
    const signature = header(headers, 'signature')
    if (signature === null) throw signatureMissing('standard-webhooks', 'webhook-signature')
    const id = header(headers, 'id')
    const timestamp = header(headers, 'timestamp')
    // Bounded, since it becomes a store key.
    if (id === null || id === '' || id.length > 256) throw malformed('The webhook-id header is missing or not a valid id.')
    if (timestamp === null || !/^\d{1,12}$/.test(timestamp)) throw malformed('The webhook-timestamp header is missing or not unix seconds.')
    const signatures: Uint8Array[] = []
    for (const entry of signature.split(' ')) {
      const [version, value] = entry.split(',', 2)
      if (version !== 'v1' || value === undefined) continue
      const bytes = fromBase64(value)
      if (bytes?.byteLength === 32) signatures.push(bytes)
    }
    if (signatures.length === 0) throw malformed('The webhook-signature header has no v1 signature.')
    return {
      signatures,
      timestamp: Number(timestamp),
      signedId: id,
      content: (body) => prefixed(`${id}.${timestamp}.`, body),
      delivery: { id },
    }
  },
  headers: [
    { name: 'webhook-id', required: true, description: 'The delivery\'s unique id; a redelivery keeps it.', schema: { type: 'string' } },
    { name: 'webhook-timestamp', required: true, description: 'When the delivery was signed, in unix seconds.', schema: { type: 'string', pattern: '^\\d+$' } },
    {
      name: 'webhook-signature',
      required: true,
      description: 'Space-separated `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, one per active secret.',
      schema: { type: 'string' },
    },
  ],
}
