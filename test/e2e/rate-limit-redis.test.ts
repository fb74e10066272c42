import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp } from '../../scripts/next-app.mjs'
import { RedisServer } from '../rate-limit/redis-server.js'

// Two `next start` servers of the example app (the build the global setup
// made), sharing one real redis-server through RATE_LIMIT_STORE=redis.
const redis = new RedisServer()
let apps: Awaited<ReturnType<typeof startApp>>[] = []

beforeAll(async () => {
  await redis.start()
  const env = { RATE_LIMIT_STORE: 'redis', REDIS_URL: redis.url }
  apps = await Promise.all([startApp({ env }), startApp({ env })])
})
afterAll(async () => {
  await Promise.all(apps.map((app) => app.stop()))
  await redis.stop()
})

function attempt(url: string, address: string) {
  return fetch(`${url}/api/session/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username: 'ada', password: 'guess' }),
  })
}

describe('rate limiting inside Next.js with Redis', () => {
  it('shares one login limit between two app servers, and fails open when Redis goes away', async () => {
    // The app connects to Redis in the background (and lets requests through
    // until it has): wait until each server reports a quota.
    for (const app of apps) {
      let ready = false
      for (let i = 0; i < 50 && !ready; i++) {
        ready = (await attempt(app.url, '192.0.2.200')).headers.has('ratelimit')
        if (!ready) await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(ready).toBe(true)
    }
    const statuses = []
    for (let i = 0; i < 12; i++) statuses.push((await attempt(apps[i % 2]!.url, '192.0.2.9')).status)
    expect(statuses).toEqual([...Array(10).fill(401), 429, 429])

    await redis.stop()
    const during = await attempt(apps[0]!.url, '192.0.2.9')
    expect(during.status).toBe(401) // the password check ran: the limiter let it through
    expect(during.headers.has('ratelimit')).toBe(false)
  })
})
