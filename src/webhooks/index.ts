// routekit/webhooks: verifies Stripe, GitHub and Standard Webhooks
// signatures over the raw body with Web Crypto, and refuses replays. A
// separate entry, so routes that take no webhooks never load it; it imports
// no provider SDK and no Redis package.
export { webhook } from './middleware.js'
export type { WebhookDelivery, WebhookOptions } from './middleware.js'
export type { WebhookSecrets } from './secrets.js'
export type { WebhookSchemeName } from './scheme.js'
export { memoryWebhookStore } from './store.js'
export type { MemoryWebhookStoreOptions, WebhookStore } from './store.js'
export { redisWebhookStore } from './redis-store.js'
export type { RedisWebhookStoreOptions } from './redis-store.js'
export type { IoredisClient, NodeRedisClient, RedisClient, RedisScripting } from '../rate-limit/redis-client.js'
