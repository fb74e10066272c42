import type { Redis as UpstashRedis } from '@upstash/redis'
import type { Cluster, Redis as IoRedis } from 'ioredis'
import type { Cluster as ClusterV6, Redis as IoRedisV6 } from 'ioredis-v6'
import type { createClient, createCluster } from 'redis'
import type { createClient as createClientV4, createCluster as createClusterV4 } from 'redis-v4'
import type { createClient as createClientV6, createCluster as createClusterV6 } from 'redis-v6'
import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { jwt } from '../../src/jwt/index.js'
import { ipKey, rateLimit, type RedisClient, redisRateLimitStore, userKey } from '../../src/rate-limit/index.js'

const secret = 'x'.repeat(32)
const bearer = jwt({ secret, algorithms: ['HS256'], claims: z.object({ sub: z.string(), plan: z.enum(['free', 'pro']) }) })

describe('rateLimit types', () => {
  it('give the key function the context so far, and add nothing to it', () => {
    createHandler()
      .use(bearer)
      .use(
        rateLimit({
          key: ({ ctx }) => {
            expectTypeOf(ctx.auth).toEqualTypeOf<{ sub: string; plan: 'free' | 'pro' }>()
            return ctx.auth.plan === 'pro' ? undefined : ctx.auth.sub
          },
          limit: 10,
          window: '1m',
        }),
      )
      .get(({ auth }) => {
        expectTypeOf(auth.sub).toEqualTypeOf<string>()
      })
  })

  it('accept userKey() after jwt() and ipKey() anywhere', () => {
    createHandler().use(bearer).use(rateLimit({ key: userKey(), limit: 10, window: 60_000 }))
    const optionalBearer = jwt({ secret, algorithms: ['HS256'], optional: true, claims: z.object({ sub: z.string() }) })
    createHandler().use(optionalBearer).use(rateLimit({ key: userKey(), limit: 10, window: 60_000 }))
    createHandler().use(rateLimit({ key: ipKey({ header: 'x-real-ip' }), limit: 10, window: '1h' }))
  })

  it('refuse userKey() before authentication, where it would limit nothing', () => {
    // @ts-expect-error no middleware before it provides ctx.auth
    createHandler().use(rateLimit({ key: userKey(), limit: 10, window: 60_000 }))
  })

  it('refuse a key function that needs context the handler lacks, and bad windows', () => {
    // @ts-expect-error no middleware before it provides ctx.auth
    createHandler().use(rateLimit({ key: ({ ctx }: { ctx: { auth: { sub: string } } }) => ctx.auth.sub, limit: 1, window: 1000 }))
    // @ts-expect-error a duration needs a unit routekit knows
    rateLimit({ key: () => 'k', limit: 1, window: '1 week' })
    // @ts-expect-error the key is a string (or undefined)
    rateLimit({ key: () => 42, limit: 1, window: 1000 })
  })
})

describe('Redis clients', () => {
  it('fit the store as they are, with no routekit-specific wrapper', () => {
    expectTypeOf<ReturnType<typeof createClient>>().toExtend<RedisClient>()
    expectTypeOf<ReturnType<typeof createCluster>>().toExtend<RedisClient>()
    expectTypeOf<ReturnType<typeof createClientV4>>().toExtend<RedisClient>()
    expectTypeOf<ReturnType<typeof createClusterV4>>().toExtend<RedisClient>()
    expectTypeOf<ReturnType<typeof createClientV6>>().toExtend<RedisClient>()
    expectTypeOf<ReturnType<typeof createClusterV6>>().toExtend<RedisClient>()
    expectTypeOf<IoRedis>().toExtend<RedisClient>()
    expectTypeOf<Cluster>().toExtend<RedisClient>()
    expectTypeOf<IoRedisV6>().toExtend<RedisClient>()
    expectTypeOf<ClusterV6>().toExtend<RedisClient>()
    expectTypeOf<UpstashRedis>().toExtend<RedisClient>()
    // @ts-expect-error not a Redis client
    redisRateLimitStore({ client: { get: async () => null } })
  })
})
