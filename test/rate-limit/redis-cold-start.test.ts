import { Redis } from 'ioredis'
import { Redis as RedisV6 } from 'ioredis-v6'
import { createClient } from 'redis'
import { createClient as createClientV4 } from 'redis-v4'
import { createClient as createClientV6 } from 'redis-v6'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHandler } from '../../src/index.js'
import { ipKey, rateLimit, type RedisClient, redisRateLimitStore } from '../../src/rate-limit/index.js'
import { routers, send } from '../routers.js'
import { RedisServer } from './redis-server.js'

// The README's setup: the offline queue off (fail fast while Redis is
// down) and `connect()` not awaited at module scope. The first request of
// a new process arrives before the connection is up; it must still be
// counted, or every cold start (each serverless instance) leaks requests.
const server = new RedisServer()
beforeAll(() => server.start())
afterAll(() => server.stop())

const ignore = () => {}
const coldClients: Record<string, () => { client: RedisClient; close: () => void }> = {
  'node-redis 4': () => {
    const client = createClientV4({ url: server.url, disableOfflineQueue: true })
    client.on('error', ignore)
    client.connect().catch(ignore) // not awaited, as at module scope
    return { client: client as unknown as RedisClient, close: () => void client.disconnect().catch(ignore) }
  },
  'node-redis 5': () => {
    const client = createClient({ url: server.url, disableOfflineQueue: true })
    client.on('error', ignore)
    client.connect().catch(ignore)
    return { client, close: () => client.destroy() }
  },
  'node-redis 6': () => {
    const client = createClientV6({ url: server.url, disableOfflineQueue: true })
    client.on('error', ignore)
    client.connect().catch(ignore)
    return { client, close: () => client.destroy() }
  },
  'ioredis 5': () => {
    const client = new Redis(server.url, { enableOfflineQueue: false })
    client.on('error', ignore)
    return { client, close: () => client.disconnect() }
  },
  'ioredis 6': () => {
    const client = new RedisV6(server.url, { enableOfflineQueue: false })
    client.on('error', ignore)
    return { client, close: () => client.disconnect() }
  },
}

let names = 0
describe.each(Object.keys(coldClients))('a cold start with %s', (clientName) => {
  it.each(routers)('counts the very first request (%s router), in both store-error modes', async (router) => {
    for (const onStoreError of ['open', 'closed'] as const) {
      const { client, close } = coldClients[clientName]!()
      try {
        const name = `cold-${process.pid}-${++names}`
        const handler = createHandler()
          .use(rateLimit({ name, key: ipKey({ header: 'x-forwarded-for' }), limit: 3, window: '1h', store: redisRateLimitStore({ client }), onStoreError, storeTimeout: 2000 }))
          .get(() => ({ ok: true }))
        const first = await send(router, handler, { headers: { 'x-forwarded-for': '203.0.113.9' } })
        expect(first.status).toBe(200)
        expect(first.headers.get('ratelimit')).toMatch(/;r=2;/)
        const second = await send(router, handler, { headers: { 'x-forwarded-for': '203.0.113.9' } })
        expect(second.headers.get('ratelimit')).toMatch(/;r=1;/)
      } finally {
        close()
      }
    }
  })
})
