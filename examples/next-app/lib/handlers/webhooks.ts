import { webhook } from 'routekit/webhooks'
import { z } from 'zod'
import { api } from '../api'
import { githubWebhookSecret, stripeWebhookSecret } from '../webhook-secrets'

// Stripe's event envelope: zod keeps these keys and drops the rest.
const StripeEvent = z.object({
  id: z.string(),
  type: z.string(),
  created: z.int(),
  data: z.object({ object: z.record(z.string(), z.unknown()) }),
})

// Verified over the exact bytes Stripe sent (signature, five-minute
// timestamp tolerance, replays refused), then validated like any body.
// Served on the Edge runtime (app/api/webhooks/stripe/route.ts): the
// verification is Web Crypto only.
export const stripeWebhookHandler = api.use(webhook({ scheme: 'stripe', secrets: stripeWebhookSecret })).post(
  {
    body: StripeEvent,
    responses: { 200: z.object({ received: z.string() }) },
    summary: 'Receive a Stripe event',
    tags: ['webhooks'],
    operationId: 'stripeWebhook',
  },
  ({ body }) => ({ received: body.type }),
)

const GithubDelivery = z.object({
  zen: z.string().optional(),
  repository: z.object({ full_name: z.string() }).optional(),
})

// On the Pages Router (pages/api/webhooks/github.ts), with Next's body
// parser off so the signed bytes reach routekit untouched.
export const githubWebhookHandler = api.use(webhook({ scheme: 'github', secrets: githubWebhookSecret })).post(
  {
    body: GithubDelivery,
    responses: { 200: z.object({ event: z.string().nullable(), repository: z.string().nullable() }) },
    summary: 'Receive a GitHub webhook delivery',
    tags: ['webhooks'],
    operationId: 'githubWebhook',
  },
  ({ body, webhook: delivery }) => ({ event: delivery.event ?? null, repository: body.repository?.full_name ?? null }),
)
