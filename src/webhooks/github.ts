import { fromHex, utf8 } from './hmac.js'
import { malformed, signatureMissing } from './refusals.js'
import type { SignedParts, WebhookScheme } from './scheme.js'

/**
 * GitHub's scheme (docs.github.com/webhooks/using-webhooks/validating-webhook-deliveries):
 * `X-Hub-Signature-256: sha256=<hex>`, an HMAC-SHA256 of the body keyed
 * with the secret's UTF-8 bytes. The SHA-1 `X-Hub-Signature` is not read.
 * GitHub signs no timestamp and not `X-GitHub-Delivery`, so the delivery id
 * cannot stop a replay (a replayer may change it freely): the signature,
 * which covers the whole body, identifies the delivery instead.
 *
 * @example
 * ```ts
 * githubScheme.read(req.headers).delivery.event // 'push'
 * ```
 */
export const githubScheme: WebhookScheme = {
  name: 'github',
  timestamped: false,
  secretBytes: (secret) => utf8(secret),
  read(headers): SignedParts {
    const header = headers.get('x-hub-signature-256')
    if (header === null) throw signatureMissing('github', 'X-Hub-Signature-256')
    const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header.trim())
    if (match === null) throw malformed('The X-Hub-Signature-256 header is not sha256=<64 hex digits>.')
    const delivery = { id: headers.get('x-github-delivery') ?? undefined, event: headers.get('x-github-event') ?? undefined }
    return { signatures: [fromHex(match[1]!)!], content: (body) => body, delivery }
  },
  headers: [
    {
      name: 'x-hub-signature-256',
      required: true,
      description: 'GitHub\'s signature: `sha256=<hex HMAC-SHA256 of the body>`.',
      schema: { type: 'string', pattern: '^sha256=[0-9a-fA-F]{64}$' },
    },
    { name: 'x-github-event', required: false, description: 'The event that triggered the delivery, such as `push`.', schema: { type: 'string' } },
    { name: 'x-github-delivery', required: false, description: 'A unique id of the delivery.', schema: { type: 'string' } },
  ],
}
