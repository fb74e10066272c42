// routekit/rate-limit: a middleware that limits requests per client, with an
// in-memory store and a Redis store. A separate entry, so routes that do not
// limit never load it; it imports no Redis package.
export { rateLimit } from './middleware.js'
export type { RateLimitOptions } from './middleware.js'
export { ipKey, userKey } from './keys.js'
export type { IpKeyOptions, KeyArgs, KeyFunction } from './keys.js'
export { memoryRateLimitStore } from './memory-store.js'
export type { MemoryRateLimitStore, MemoryRateLimitStoreOptions } from './memory-store.js'
export { redisRateLimitStore } from './redis-store.js'
export type { RedisRateLimitStoreOptions } from './redis-store.js'
export type { IoredisClient, NodeRedisClient, RedisClient, RedisScripting } from './redis-client.js'
export { countRequest } from './policy.js'
export type { RateLimitAlgorithm, RateLimitCounts, RateLimitPolicy, WindowCounters } from './policy.js'
export type { RateLimitStore } from './store.js'
export type { RateLimitHeaders } from './headers.js'
export type { Duration } from './duration.js'
export { RateLimitStoreTimeoutError } from './store-call.js'
