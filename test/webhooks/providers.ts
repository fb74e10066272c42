// Signatures made by the providers' own libraries from npm, never by
// routekit's code: if routekit misread a scheme, these would not verify.
import { sign as githubSign } from '@octokit/webhooks-methods'
import { Webhook } from 'standardwebhooks'
import Stripe from 'stripe'
import type { WebhookSchemeName } from '../../src/webhooks/index.js'

const stripe = new Stripe('sk_test_routekit')

/** One provider as the tests use it: how it signs a delivery, and how a delivery is tampered with. */
export interface Provider {
  scheme: WebhookSchemeName
  /** The header that carries the signature. */
  signatureHeader: string
  /** Two secrets in the provider's own format: the current one and the one rotated in. */
  secrets: [string, string]
  /** The headers the provider's library sends with `payload`, signed with `secret` at `at` (unix seconds; default now). */
  sign(payload: string, secret: string, at?: number): Promise<Record<string, string>>
  /** The same headers with one signature byte changed. */
  tamperSignature(headers: Record<string, string>): Record<string, string>
  /** The same signature with the signed timestamp moved (only schemes that sign one). */
  tamperTimestamp?(headers: Record<string, string>): Record<string, string>
}

const now = () => Math.floor(Date.now() / 1000)

/** Changes the last hex digit. */
function flipLast(text: string): string {
  const at = text.length - 1
  const char = text[at]!
  return text.slice(0, at) + (char === 'a' ? 'b' : 'a') + text.slice(at + 1)
}

let ids = 0

export const providers: Provider[] = [
  {
    scheme: 'stripe',
    signatureHeader: 'stripe-signature',
    secrets: ['whsec_routekit_current_0123456789', 'whsec_routekit_next_9876543210'],
    async sign(payload, secret, at = now()) {
      return { 'stripe-signature': stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp: at }) }
    },
    tamperSignature: (headers) => ({ ...headers, 'stripe-signature': flipLast(headers['stripe-signature']!) }),
    tamperTimestamp: (headers) => ({ ...headers, 'stripe-signature': headers['stripe-signature']!.replace(/^t=(\d+)/, (_, t) => `t=${Number(t) - 1}`) }),
  },
  {
    scheme: 'github',
    signatureHeader: 'x-hub-signature-256',
    secrets: ['routekit-github-current', 'routekit-github-next'],
    async sign(payload, secret) {
      return { 'x-hub-signature-256': await githubSign(secret, payload), 'x-github-event': 'push', 'x-github-delivery': crypto.randomUUID() }
    },
    tamperSignature: (headers) => ({ ...headers, 'x-hub-signature-256': flipLast(headers['x-hub-signature-256']!) }),
  },
  {
    scheme: 'standard-webhooks',
    signatureHeader: 'webhook-signature',
    secrets: [`whsec_${btoa('routekit-standard-current-secret')}`, `whsec_${btoa('routekit-standard-next-secret!!')}`],
    async sign(payload, secret, at = now()) {
      const id = `msg_${process.pid}_${++ids}`
      const signature = new Webhook(secret).sign(id, new Date(at * 1000), payload)
      return { 'webhook-id': id, 'webhook-timestamp': String(at), 'webhook-signature': signature }
    },
    // The first base64 character: the last one's low bits may be padding, which decoding drops.
    tamperSignature: (headers) => ({ ...headers, 'webhook-signature': headers['webhook-signature']!.replace(/^v1,(.)/, (_, c) => `v1,${c === 'a' ? 'b' : 'a'}`) }),
    tamperTimestamp: (headers) => ({ ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) - 1) }),
  },
]
