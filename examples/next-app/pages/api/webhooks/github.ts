import { toPagesRoute } from 'routekit/pages'
import { githubWebhookHandler } from '@/lib/handlers/webhooks'

export default toPagesRoute(githubWebhookHandler)
// The signature covers the raw bytes: Next's parser must leave them alone.
export const config = { api: { bodyParser: false } }
