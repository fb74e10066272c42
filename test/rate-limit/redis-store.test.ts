import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createHandler } from '../../src/index.js'
import { countRequest, ipKey, rateLimit, type RateLimitCounts, redisRateLimitStore, type RateLimitOptions } from '../../src/rate-limit/index.js'
import { routers, send } from '../routers.js'
import { expectProblem } from '../security/expect-problem.js'
import { clientNames, clients, type Connection } from './redis-clients.js'
import { RedisServer, serverBinaries, skipReason } from './redis-server.js'

const open: Connection[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.close()))
})

let names = 0
/** A policy name no earlier test used, so each test starts with fresh counters. */
const freshName = () => `test-${process.pid}-${++names}`
const fromClient = { 'x-forwarded-for': '203.0.113.7' }

// The same tests on Redis and on Valkey (its fork, which managed services
// now offer instead): the script, TIME and the commands must agree on both.
describe.each(serverBinaries)('on %s', (binary) => {
  const server = new RedisServer(binary)
  const skip = skipReason(binary)
  beforeAll(async () => {
    if (!skip) await server.start()
  })
  afterAll(() => server.stop())

  describe.skipIf(skip !== undefined).each(clientNames)(`redisRateLimitStore with %s${skip ? ` (skipped: ${skip})` : ''}`, (clientName) => {
    async function connect(): Promise<Connection> {
      const connection = await clients[clientName](server.url)
      open.push(connection)
      return connection
    }

    async function limitedHandler(options: Partial<RateLimitOptions> & { name: string }, connection?: Connection) {
      const store = redisRateLimitStore({ client: (connection ?? (await connect())).client })
      return createHandler()
        // An hour, so no window ends in the middle of a test.
        .use(rateLimit({ key: ipKey({ header: 'x-forwarded-for' }), limit: 3, window: '1h', store, ...options }))
        .get(() => ({ ok: true }))
    }

    it.each(routers)('enforces the limit with headers on the %s router', async (router) => {
      const handler = await limitedHandler({ name: freshName(), algorithm: 'fixed' })
      const remaining = []
      for (let i = 0; i < 3; i++) {
        const answer = await send(router, handler, { headers: fromClient })
        expect(answer.status).toBe(200)
        expect(answer.headers.get('ratelimit-policy')).toMatch(/^"test-[\d-]+";q=3;w=3600$/)
        remaining.push(answer.headers.get('ratelimit')?.split(';')[1])
      }
      expect(remaining).toEqual(['r=2', 'r=1', 'r=0'])
      const refused = await send(router, handler, { headers: fromClient })
      const body = expectProblem(refused, 429, { code: 'rate_limited' })
      const retryAfter = Number(refused.headers.get('retry-after'))
      expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 3600).toBe(true)
      expect(body.detail).toBe(`Too many requests; retry after ${retryAfter} s.`)
      expect(refused.headers.get('ratelimit')).toMatch(new RegExp(`;r=0;t=${retryAfter}$`))
      // Another client has its own quota.
      expect((await send(router, handler, { headers: { 'x-forwarded-for': '198.51.100.1' } })).status).toBe(200)
    })

    it('shares one limit between two handler instances with separate connections', async () => {
      const name = freshName()
      const first = await limitedHandler({ name }, await connect())
      const second = await limitedHandler({ name }, await connect())
      expect((await send('app', first, { headers: fromClient })).status).toBe(200)
      expect((await send('pages', second, { headers: fromClient })).status).toBe(200)
      expect((await send('app', first, { headers: fromClient })).status).toBe(200)
      expectProblem(await send('pages', second, { headers: fromClient }), 429, { code: 'rate_limited' })
      expectProblem(await send('app', first, { headers: fromClient }), 429, { code: 'rate_limited' })
    })

    it('never lets 50 concurrent requests past a limit of 10 (the count is atomic)', async () => {
      const name = freshName()
      // Five instances on five connections, ten requests each at once.
      const handlers = await Promise.all(Array.from({ length: 5 }, async () => limitedHandler({ name, limit: 10 }, await connect())))
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => send(routers[i % 2]!, handlers[i % 5]!, { headers: fromClient })))
      const statuses = answers.map((answer) => answer.status).sort()
      expect(statuses.filter((status) => status === 200)).toHaveLength(10)
      expect(statuses.filter((status) => status === 429)).toHaveLength(40)
      const remaining = answers.filter((answer) => answer.status === 200).map((answer) => answer.headers.get('ratelimit')?.split(';')[1])
      expect(remaining.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `r=${i}`))
    })

    it('opens a new window after the old one ends', async () => {
      const connection = await connect()
      const window = 500
      // Fixed windows start at multiples of `window` on the server's clock:
      // waiting for the next start (not a fixed second) is shorter, and the
      // first two requests cannot straddle a window's end.
      const untilNextWindow = async () => {
        const [seconds, micros] = (await connection.command('TIME')) as [string, string]
        return window - ((Number(seconds) * 1000 + Math.floor(Number(micros) / 1000)) % window) + 5
      }
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
      const handler = await limitedHandler({ name: freshName(), limit: 1, window, algorithm: 'fixed' }, connection)
      if ((await untilNextWindow()) < 100) await sleep(await untilNextWindow())
      expect((await send('app', handler, { headers: fromClient })).status).toBe(200)
      const refused = await send('app', handler, { headers: fromClient })
      expectProblem(refused, 429, { headers: { 'retry-after': '1' } })
      await sleep(await untilNextWindow())
      expect((await send('app', handler, { headers: fromClient })).status).toBe(200)
    })

    it('expires its keys in Redis', async () => {
      const connection = await connect()
      const name = freshName()
      const handler = await limitedHandler({ name, algorithm: 'sliding' }, connection)
      await send('app', handler, { headers: fromClient })
      const ttl = Number(await connection.command('PTTL', `routekit:rate-limit:${name}:ip:203.0.113.7`))
      // Kept through the next window, where a sliding count still weighs in.
      expect(ttl).toBeGreaterThan(3_600_000)
      expect(ttl).toBeLessThanOrEqual(7_200_000)
    })

    it('costs one EVALSHA per request, and reloads the script after SCRIPT FLUSH', async () => {
      const connection = await connect()
      const handler = await limitedHandler({ name: freshName(), limit: 100 }, connection)
      await connection.command('SCRIPT', 'FLUSH')
      await connection.command('CONFIG', 'RESETSTAT')
      for (let i = 0; i < 5; i++) expect((await send('app', handler, { headers: fromClient })).status).toBe(200)
      const stats = String(await connection.command('INFO', 'commandstats'))
      const calls = (command: string) => Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0)
      // The first EVALSHA found no script (NOSCRIPT) and was followed by one EVAL.
      expect([calls('evalsha'), calls('eval')]).toEqual([5, 1])
    })

    it('decides in Lua exactly as countRequest does in JS, across sliding windows', async () => {
      const store = redisRateLimitStore({ client: (await connect()).client })
      const policy = { limit: 4, windowMs: 100, algorithm: 'sliding' } as const
      const key = `${freshName()}:parity`
      let last: RateLimitCounts | undefined
      let lastWindowTotal = 0
      for (let i = 0; i < 60; i++) {
        const counts = await store.hit(key, policy)
        // Whatever time it is on the server, the same counters before the
        // request must give the same decision in JS.
        const before = { index: 0, current: counts.current - (counts.allowed ? 1 : 0), previous: counts.previous }
        expect(countRequest(policy, before, counts.elapsed).counts).toEqual(counts)
        // A new window starts from the last one's count (or 0 after a gap).
        if (last !== undefined && counts.elapsed < last.elapsed) {
          expect([0, lastWindowTotal]).toContain(counts.previous)
          expect(counts.current).toBeLessThanOrEqual(1)
        }
        lastWindowTotal = counts.current
        last = counts
        await new Promise((resolve) => setTimeout(resolve, 7))
      }
    })
  })
})
