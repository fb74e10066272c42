import { describe, expect, it, vi } from 'vitest'
import { createHandler, HttpError } from '../../src/index.js'
import { jwt } from '../../src/jwt/index.js'
import { ipKey, memoryRateLimitStore, rateLimit, type RateLimitOptions, userKey } from '../../src/rate-limit/index.js'
import { audience, issuer, secret, token } from '../jwt/fixtures.js'
import { routers, send } from '../routers.js'
import { expectProblem } from '../security/expect-problem.js'
import { z } from 'zod'

/** A clock the test moves by hand, starting on a minute boundary. */
function clock() {
  let time = 1_800_000_000_000
  return { now: () => time, advance: (ms: number) => (time += ms) }
}

const fromClient = (address: string) => ({ 'x-forwarded-for': address })

describe.each(routers)('rateLimit on the %s router', (router) => {
  function limited(options: Partial<RateLimitOptions> = {}) {
    const time = clock()
    const store = memoryRateLimitStore({ now: time.now })
    const handler = createHandler()
      .use(rateLimit({ key: ipKey({ header: 'x-forwarded-for' }), limit: 3, window: '1m', store, ...options }))
      .get(() => ({ ok: true }))
      .post({ body: z.object({ n: z.number() }) }, ({ body }) => body)
    return { handler, time }
  }

  it('sends the draft headers on every answer and counts down', async () => {
    const { handler } = limited()
    const remaining = []
    for (let i = 0; i < 3; i++) {
      const answer = await send(router, handler, { headers: fromClient('203.0.113.7') })
      expect(answer.status).toBe(200)
      expect(answer.headers.get('ratelimit-policy')).toBe('"default";q=3;w=60')
      remaining.push(answer.headers.get('ratelimit'))
    }
    // With the quota used up, `t` is the wait for the next request: 60 s to
    // the window's end, then 20 s until 3 × 40/60 = 2 requests still count.
    expect(remaining).toEqual(['"default";r=2;t=60', '"default";r=1;t=60', '"default";r=0;t=80'])
  })

  it('answers 429 problem+json with Retry-After once over, without counting the refused requests', async () => {
    const { handler, time } = limited({ algorithm: 'fixed' })
    for (let i = 0; i < 3; i++) await send(router, handler, { headers: fromClient('203.0.113.7') })
    time.advance(20_000)
    const answer = await send(router, handler, { headers: fromClient('203.0.113.7') })
    const body = expectProblem(answer, 429, {
      code: 'rate_limited',
      headers: { 'retry-after': '40', ratelimit: '"default";r=0;t=40', 'ratelimit-policy': '"default";q=3;w=60' },
    })
    expect(body.detail).toBe('Too many requests; retry after 40 s.')
    // Another client has its own quota.
    expect((await send(router, handler, { headers: fromClient('198.51.100.1') })).status).toBe(200)
    // A fixed window starts afresh at its end, however often the client retried.
    for (let i = 0; i < 5; i++) await send(router, handler, { headers: fromClient('203.0.113.7') })
    time.advance(40_000)
    const after = await send(router, handler, { headers: fromClient('203.0.113.7') })
    expect(after.status).toBe(200)
    expect(after.headers.get('ratelimit')).toBe('"default";r=2;t=60')
  })

  it('weighs the previous window in with the sliding algorithm (the default)', async () => {
    const { handler, time } = limited()
    for (let i = 0; i < 3; i++) await send(router, handler, { headers: fromClient('203.0.113.7') })
    // 15 s into the next window, 3 × 45/60 = 2.25 requests still count: none fits.
    time.advance(75_000)
    const refused = await send(router, handler, { headers: fromClient('203.0.113.7') })
    // It fits once the weight is at most 2: 20 s into the window, 5 s from now.
    expectProblem(refused, 429, { code: 'rate_limited', headers: { 'retry-after': '5' } })
    time.advance(5_000)
    const allowed = await send(router, handler, { headers: fromClient('203.0.113.7') })
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('ratelimit')).toBe('"default";r=0;t=20')
  })

  it('counts a client behind a proxy that adds source ports as one client', async () => {
    const { handler } = limited()
    for (const port of [40001, 40002, 40003]) expect((await send(router, handler, { headers: fromClient(`203.0.113.7:${port}`) })).status).toBe(200)
    expectProblem(await send(router, handler, { headers: fromClient('203.0.113.7:40004') }), 429, { code: 'rate_limited' })
  })

  it('reads a decimal duration exactly', async () => {
    // 4.1 × 60,000 is 245,999.99999999997 in floating point: still 4.1 minutes.
    const answer = await send(router, limited({ window: '4.1m' }).handler, { headers: fromClient('203.0.113.7') })
    expect(answer.headers.get('ratelimit-policy')).toBe('"default";q=3;w=246')
  })

  it('never sends a Retry-After below 1', async () => {
    const { handler, time } = limited({ algorithm: 'fixed' })
    for (let i = 0; i < 3; i++) await send(router, handler, { headers: fromClient('203.0.113.7') })
    time.advance(59_999)
    expectProblem(await send(router, handler, { headers: fromClient('203.0.113.7') }), 429, { headers: { 'retry-after': '1' } })
  })

  it('adds the headers to client errors from further in, which count too', async () => {
    const { handler } = limited()
    const answer = await send(router, handler, {
      method: 'POST',
      headers: { ...fromClient('203.0.113.7'), 'content-type': 'application/json' },
      body: '{"n":"x"}',
    })
    expectProblem(answer, 422, { headers: { ratelimit: '"default";r=2;t=60' } })
  })

  it('leaves a shared HttpError unchanged when adding its headers', async () => {
    const shared = HttpError.notFound('Nope.')
    const handler = createHandler()
      .use(rateLimit({ key: ipKey({ header: 'x-forwarded-for' }), limit: 3, window: '1m', algorithm: 'fixed', store: memoryRateLimitStore({ now: clock().now }) }))
      .get(() => {
        throw shared
      })
    const answer = await send(router, handler, { headers: fromClient('203.0.113.7') })
    expectProblem(answer, 404, { code: 'not_found', headers: { ratelimit: '"default";r=2;t=60' } })
    expect(answer.json().detail).toBe('Nope.')
    expect(shared.headers.has('ratelimit')).toBe(false)
  })

  it('keeps the class and fields of an HttpError subclass it adds headers to', async () => {
    class NoteMissing extends HttpError {
      readonly noteId: string
      constructor(noteId: string) {
        super(404, { code: 'note_missing', detail: 'No such note.' })
        this.noteId = noteId
      }
    }
    // An outer middleware that recognises the app's own error class.
    const handler = createHandler()
      .use(async ({ next }) => {
        try {
          return await next()
        } catch (error) {
          if (error instanceof NoteMissing) return Response.json({ missing: error.noteId }, { status: 404, headers: error.headers })
          throw error
        }
      })
      .use(rateLimit({ key: ipKey({ header: 'x-forwarded-for' }), limit: 3, window: '1m', algorithm: 'fixed', store: memoryRateLimitStore({ now: clock().now }) }))
      .get(() => {
        throw new NoteMissing('n-7')
      })
    const answer = await send(router, handler, { headers: fromClient('203.0.113.7') })
    expect(answer.status).toBe(404)
    expect(answer.json()).toEqual({ missing: 'n-7' })
    expect(answer.headers.get('ratelimit')).toBe('"default";r=2;t=60')
  })

  it('adds its headers to a response whose headers are immutable (Response.redirect)', async () => {
    const handler = createHandler()
      .use(rateLimit({ key: ipKey({ header: 'x-forwarded-for' }), limit: 3, window: '1m', algorithm: 'fixed', store: memoryRateLimitStore({ now: clock().now }) }))
      .get(() => Response.redirect('https://example.com/elsewhere', 307))
    const answer = await send(router, handler, { headers: fromClient('203.0.113.7') })
    expect(answer.status).toBe(307)
    expect(answer.headers.get('location')).toBe('https://example.com/elsewhere')
    expect(answer.headers.get('ratelimit')).toBe('"default";r=2;t=60')
  })

  it('lets requests through unlimited, without headers, when the key is undefined', async () => {
    const { handler } = limited({ key: ({ req }) => (req.headers.has('x-internal') ? undefined : 'everyone') })
    for (let i = 0; i < 5; i++) {
      const answer = await send(router, handler, { headers: { 'x-internal': '1' } })
      expect(answer.status).toBe(200)
      expect(answer.headers.has('ratelimit')).toBe(false)
    }
    expect((await send(router, handler)).headers.get('ratelimit')).toBe('"default";r=2;t=60')
  })

  it('sends the legacy fields, both sets, or none', async () => {
    const legacy = await send(router, limited({ headers: 'legacy' }).handler, { headers: fromClient('203.0.113.7') })
    expect([legacy.headers.get('ratelimit-limit'), legacy.headers.get('ratelimit-remaining'), legacy.headers.get('ratelimit-reset')]).toEqual(['3', '2', '60'])
    expect(legacy.headers.has('ratelimit')).toBe(false)
    const both = await send(router, limited({ headers: 'both' }).handler, { headers: fromClient('203.0.113.7') })
    expect([both.headers.get('ratelimit'), both.headers.get('ratelimit-remaining')]).toEqual(['"default";r=2;t=60', '2'])
    const none = await send(router, limited({ headers: false }).handler, { headers: fromClient('203.0.113.7') })
    expect([...none.headers.keys()].filter((name) => name.startsWith('ratelimit'))).toEqual([])
  })

  it('lists both policies when two limiters guard one route', async () => {
    const time = clock()
    const store = memoryRateLimitStore({ now: time.now })
    const key = ipKey({ header: 'x-forwarded-for' })
    const handler = createHandler()
      .use(rateLimit({ name: 'burst', key, limit: 2, window: '1s', store }))
      .use(rateLimit({ name: 'hourly', key, limit: 100, window: '1h', store }))
      .get(() => 'ok')
    const answer = await send(router, handler, { headers: fromClient('203.0.113.7') })
    expect(answer.headers.get('ratelimit-policy')).toBe('"hourly";q=100;w=3600, "burst";q=2;w=1')
    await send(router, handler, { headers: fromClient('203.0.113.7') })
    const refused = await send(router, handler, { headers: fromClient('203.0.113.7') })
    // Sliding: the two requests of this second weigh in until 1.5 s from now.
    expectProblem(refused, 429, { headers: { 'retry-after': '2' } })
    expect(refused.headers.get('ratelimit')).toBe('"burst";r=0;t=2')
  })

  it('keys by the token subject after jwt()', async () => {
    const handler = createHandler()
      .use(jwt({ secret, algorithms: ['HS256'], issuer, audience, claims: z.object({ sub: z.string() }) }))
      .use(rateLimit({ key: userKey(), limit: 1, window: '1m' }))
      .get(({ auth }) => auth.sub)
    const alice = { authorization: `Bearer ${await token({ payload: { sub: 'alice' } })}` }
    const bob = { authorization: `Bearer ${await token({ payload: { sub: 'bob' } })}` }
    expect((await send(router, handler, { headers: alice })).status).toBe(200)
    expectProblem(await send(router, handler, { headers: alice }), 429, { code: 'rate_limited' })
    expect((await send(router, handler, { headers: bob })).status).toBe(200)
  })

  it('answers HEAD with the headers, and leaves OPTIONS and 405 to the method guard', async () => {
    const { handler } = limited()
    const head = await send(router, handler, { method: 'HEAD', headers: fromClient('203.0.113.7') })
    expect(head.headers.get('ratelimit')).toBe('"default";r=2;t=60')
    const options = await send(router, handler, { method: 'OPTIONS', headers: fromClient('203.0.113.7') })
    expect(options.status).toBe(204)
    expect(options.headers.has('ratelimit')).toBe(false)
  })

  it('does not swallow a failing key function: that is a programming error (500)', async () => {
    const onError = vi.fn()
    const handler = createHandler({ onError })
      .use(rateLimit({ key: () => { throw new Error('boom') }, limit: 1, window: 1000 }))
      .get(() => 'ok')
    expectProblem(await send(router, handler), 500)
    expect(onError).toHaveBeenCalledOnce()
  })
})

describe('rateLimit configuration', () => {
  const key = ipKey({ header: 'x-forwarded-for' })

  it.each([
    [{ limit: 0 }, '`limit`'],
    [{ limit: 1.5 }, '`limit`'],
    [{ window: 0 }, '`window`'],
    [{ window: '1 fortnight' }, '`window`'],
    [{ window: '1.0001s' }, '`window`'],
    [{ algorithm: 'leaky' }, '`algorithm`'],
    [{ name: 'with space' }, '`name`'],
    [{ name: 'quote"' }, '`name`'],
    // Store keys are `<name>:<key>`: 'api' keyed 'ip:1.2.3.4' and 'api:ip' keyed '1.2.3.4' would share counters.
    [{ name: 'api:ip' }, '`name`'],
    [{ storeTimeout: 0 }, '`storeTimeout`'],
    // Node fires a timer above 2^31 - 1 ms after 1 ms: every store call would "time out".
    [{ storeTimeout: Infinity }, '`storeTimeout`'],
    [{ storeTimeout: 2 ** 31 }, '`storeTimeout`'],
    [{ storeRetryAfter: 0 }, '`storeRetryAfter`'],
    [{ key: 'ip' }, '`key`'],
    [{ headers: 'draft-7' }, '`headers`'],
  ])('refuses %o at creation', (bad, names) => {
    expect(() => rateLimit({ key, limit: 5, window: '1m', ...(bad as object) })).toThrow(names)
  })

  it('accepts milliseconds and durations', () => {
    for (const window of [1500, '500ms', '30s', '1m', '2h', '1d', '1.5s', '1.1h', '8.3h', '0.001s'] as const) {
      expect(() => rateLimit({ key, limit: 5, window })).not.toThrow()
    }
  })

  it('refuses a second policy under a name already used on the same store', () => {
    const store = memoryRateLimitStore()
    rateLimit({ key, limit: 5, window: '1m', store })
    expect(() => rateLimit({ key, limit: 5, window: '1m', store })).not.toThrow()
    expect(() => rateLimit({ key, limit: 50, window: '1m', store })).toThrow(/already used/)
    expect(() => rateLimit({ key, limit: 50, window: '1m', store, name: 'api' })).not.toThrow()
  })

  it('lets an edited limiter replace the old one in development (hot reloading)', () => {
    vi.stubEnv('NODE_ENV', 'development')
    try {
      const store = memoryRateLimitStore()
      rateLimit({ key, limit: 5, window: '1m', store })
      expect(() => rateLimit({ key, limit: 50, window: '1m', store })).not.toThrow()
    } finally {
      vi.unstubAllEnvs()
    }
  })

  it('refuses bad key helper options', () => {
    expect(() => ipKey({ header: '' })).toThrow('`header`')
    // Headers.get() throws for it: every limited request would be a 500.
    expect(() => ipKey({ header: 'x-forwarded-for ' })).toThrow('`header`')
    expect(() => ipKey({ header: 'x forwarded for' })).toThrow('`header`')
    expect(() => ipKey({ header: 'x-forwarded-for', proxies: 0 })).toThrow('`proxies`')
  })
})
