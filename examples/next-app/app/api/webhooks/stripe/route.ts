import { toAppRoute } from 'routekit/app'
import { stripeWebhookHandler } from '@/lib/handlers/webhooks'

// Signature checks need no Node built-in: this route runs on the Edge runtime.
export const runtime = 'edge'

export const { GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS } = toAppRoute(stripeWebhookHandler)
