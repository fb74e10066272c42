import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { memoryWebhookStore, redisWebhookStore, webhook } from '../../src/webhooks/index.js'
import { send } from '../routers.js'
import { expectProblem } from '../security/expect-problem.js'
import { providers } from './providers.js'

const [stripe, , standard] = providers as [(typeof providers)[0], (typeof providers)[1], (typeof providers)[2]]
const Event = z.object({ id: z.string(), type: z.string() })
const payload = JSON.stringify({ id: 'evt_1', type: 'invoice.paid' })
const post = (headers: Record<string, string>, body = payload) =>
  ({ method: 'POST', path: '/api/webhooks', headers: { 'content-type': 'application/json', ...headers }, body }) as const

describe('webhook() configuration', () => {
  it('refuses unknown option names, with a hint', () => {
    expect(() => webhook({ scheme: 'stripe', secret: 'whsec_x' } as never)).toThrow(
      'routekit/webhooks: unknown option `secret` (did you mean `secrets`? It takes one secret or an array).',
    )
    expect(() => webhook({ scheme: 'stripe', secrets: 'whsec_x', tolerence: 60 } as never)).toThrow('unknown option `tolerence` (did you mean `tolerance`?)')
    expect(() => memoryWebhookStore({ maxIDs: 5 } as never)).toThrow('routekit/webhooks: memoryWebhookStore(): unknown option `maxIDs` (did you mean `maxIds`?)')
    expect(() => redisWebhookStore({ client: {} as never, prefx: 'a' } as never)).toThrow('unknown option `prefx` (did you mean `prefix`?)')
  })

  it('checks the shape of every option when it is created', () => {
    expect(() => webhook({ scheme: 'svix' as never, secrets: 'x' })).toThrow("`scheme` is one of 'stripe', 'github', 'standard-webhooks'.")
    expect(() => webhook({ scheme: 'stripe', secrets: [] })).toThrow('`secrets` is a secret string, an array of them, or a function returning either (got an array).')
    expect(() => webhook({ scheme: 'stripe', secrets: 42 as never })).toThrow('(got a number)')
    expect(() => webhook({ scheme: 'stripe', secrets: 'whsec_x', tolerance: 0 })).toThrow('`tolerance` must be a number of seconds above 0.')
    expect(() => webhook({ scheme: 'github', secrets: 'x', tolerance: 60 })).toThrow('GitHub signs no timestamp, so `tolerance` does not apply')
    expect(() => webhook({ scheme: 'stripe', secrets: 'whsec_x', store: {} as never })).toThrow('`store` has `claim(id, ttlMs)` and `release(id)`')
    expect(() => redisWebhookStore({ client: {} as never })).toThrow('routekit/webhooks: redisWebhookStore(): `client` must be a node-redis or ioredis client')
    expect(() => memoryWebhookStore({ maxIds: 0 })).toThrow('`maxIds` must be a whole number, 1 or more.')
  })

  it('refuses a malformed secret given at creation, without echoing it', () => {
    expect(() => webhook({ scheme: 'stripe', secrets: 'sk_live_abcdef' })).toThrow('this looks like an API key')
    let message = ''
    try {
      webhook({ scheme: 'standard-webhooks', secrets: 'whsec_not base64!' })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toBe('routekit/webhooks: a Standard Webhooks secret is base64, optionally prefixed `whsec_`; this one is not.')
  })

  it('needs no secret until the first delivery (next build), then answers 500 while none is set', async () => {
    const errors: unknown[] = []
    const handler = createHandler({ onError: (error) => void errors.push(error) })
      .use(webhook({ scheme: 'stripe', secrets: [process.env.ROUTEKIT_UNSET_SECRET, ''] }))
      .post({ body: Event }, () => ({ ok: true }))
    const answer = await send('app', handler, post(await stripe.sign(payload, stripe.secrets[0])))
    expectProblem(answer, 500)
    expect(String(errors[0])).toContain('every entry of `secrets` is undefined or empty')
  })

  it('resolves a secrets function on the first delivery', async () => {
    let calls = 0
    const handler = createHandler()
      .use(webhook({ scheme: 'stripe', secrets: async () => (calls++, [stripe.secrets[0]]) }))
      .post({ body: Event }, () => ({ ok: true }))
    expect(calls).toBe(0)
    for (const id of ['evt_a', 'evt_b']) {
      const body = JSON.stringify({ id, type: 't' })
      expect((await send('app', handler, post(await stripe.sign(body, stripe.secrets[0]), body))).status).toBe(200)
    }
    expect(calls).toBe(1)
  })
})

describe('webhook() deliveries', () => {
  it('lets exactly one of several identical deliveries racing in through', async () => {
    let calls = 0
    const handler = createHandler()
      .use(webhook({ scheme: 'stripe', secrets: stripe.secrets[0] }))
      .post({ body: Event }, async () => {
        calls += 1
        await new Promise((resolve) => setTimeout(resolve, 20))
        return { ok: true }
      })
    const headers = await stripe.sign(payload, stripe.secrets[0])
    const answers = await Promise.all(Array.from({ length: 5 }, (_, i) => send(i % 2 ? 'app' : 'pages', handler, post(headers))))
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 400, 400, 400, 400])
    expect(calls).toBe(1)
  })

  it('reads Svix header names for Standard Webhooks, and tells the handler about the delivery', async () => {
    const headers = await standard.sign(payload, standard.secrets[0])
    const svix = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.replace('webhook-', 'svix-'), value]))
    const handler = createHandler()
      .use(webhook({ scheme: 'standard-webhooks', secrets: standard.secrets[0] }))
      .post({ body: Event }, ({ webhook: delivery }) => ({ ...delivery, timestamp: delivery.timestamp?.getTime() }))
    const answer = await send('pages', handler, post(svix))
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ scheme: 'standard-webhooks', id: headers['webhook-id'], timestamp: Number(headers['webhook-timestamp']) * 1000 })
  })

  it('gives the handler GitHub\'s event and delivery id', async () => {
    const github = providers[1]!
    const headers = await github.sign(payload, github.secrets[0])
    const handler = createHandler()
      .use(webhook({ scheme: 'github', secrets: github.secrets[0] }))
      .post(({ webhook: delivery }) => delivery)
    const answer = await send('app', handler, post(headers))
    expect(answer.json()).toEqual({ scheme: 'github', id: headers['x-github-delivery'], event: 'push' })
  })

  it('remembers ids only for the replay window', async () => {
    let time = Date.now()
    const store = memoryWebhookStore({ now: () => time })
    expect(await store.claim('a', 1000)).toBe(true)
    expect(await store.claim('a', 1000)).toBe(false)
    time += 1001
    expect(await store.claim('a', 1000)).toBe(true)
    const small = memoryWebhookStore({ maxIds: 2, now: () => time })
    for (const id of ['x', 'y', 'z']) expect(await small.claim(id, 60_000)).toBe(true)
    expect(await small.claim('x', 60_000)).toBe(true) // the oldest went to make room
    expect(await small.claim('z', 60_000)).toBe(false)
  })

  it("answers 500 on a Pages route whose body Next's parser already read, saying how to fix it", async () => {
    const { toPagesRoute } = await import('../../src/adapters/pages.js')
    const { createMocks } = await import('node-mocks-http')
    const handler = createHandler({ dev: true })
      .use(webhook({ scheme: 'stripe', secrets: stripe.secrets[0] }))
      .post({ body: Event }, () => ({ ok: true }))
    const headers = await stripe.sign(payload, stripe.secrets[0])
    const { req, res } = createMocks({
      method: 'POST',
      url: '/api/webhooks',
      headers: { host: 'routekit.test', 'content-type': 'application/json', 'content-length': String(payload.length), ...headers },
      body: JSON.parse(payload),
    })
    await toPagesRoute(handler)(req as never, res as never)
    expect(res._getStatusCode()).toBe(500)
    expect(JSON.parse(res._getData()).detail).toContain('bodyParser: false')
  })
})
