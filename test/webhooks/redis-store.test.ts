import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler, type RequestHandler } from '../../src/index.js'
import { redisWebhookStore, webhook } from '../../src/webhooks/index.js'
import { clientNames, clients, type Connection } from '../rate-limit/redis-clients.js'
import { RedisServer } from '../rate-limit/redis-server.js'
import { send } from '../routers.js'
import { expectProblem } from '../security/expect-problem.js'
import { providers } from './providers.js'

const server = new RedisServer()
beforeAll(() => server.start())
afterAll(() => server.stop())

const open: Connection[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.close()))
})

const Event = z.object({ id: z.string(), type: z.string() })

describe.each(clientNames)('redisWebhookStore with %s', (clientName) => {
  async function connect(): Promise<Connection> {
    const connection = await clients[clientName](server.url)
    open.push(connection)
    return connection
  }

  /** One instance of the app: its own connection, its own handler. */
  async function instance(scheme: (typeof providers)[number]['scheme'], secret: string): Promise<RequestHandler> {
    const store = redisWebhookStore({ client: (await connect()).client })
    return createHandler()
      .use(webhook({ scheme, secrets: secret, store }))
      .post({ body: Event }, () => ({ ok: true }))
  }

  it.each(providers)('refuses a $scheme replay that reaches another instance', async (provider) => {
    const first = await instance(provider.scheme, provider.secrets[0])
    const second = await instance(provider.scheme, provider.secrets[0])
    const payload = JSON.stringify({ id: `evt_${crypto.randomUUID()}`, type: 'invoice.paid' })
    const headers = { 'content-type': 'application/json', ...(await provider.sign(payload, provider.secrets[0])) }
    const delivery = { method: 'POST', path: '/api/webhooks', headers, body: payload }
    expect((await send('app', first, delivery)).status).toBe(200)
    expectProblem(await send('pages', second, delivery), 400, { code: 'webhook_replayed' })
    expectProblem(await send('app', first, delivery), 400, { code: 'webhook_replayed' })
  })

  it('claims atomically, expires ids with the window and releases them', async () => {
    const connection = await connect()
    const store = redisWebhookStore({ client: connection.client, prefix: `test:${process.pid}:` })
    const id = `claim-${crypto.randomUUID()}`
    const claims = await Promise.all(Array.from({ length: 10 }, () => store.claim(id, 60_000)))
    expect(claims.filter(Boolean)).toHaveLength(1)
    const ttl = Number(await connection.command('PTTL', `test:${process.pid}:${id}`))
    expect(ttl > 59_000 && ttl <= 60_000).toBe(true)
    await store.release(id)
    expect(await store.claim(id, 60_000)).toBe(true)
    const brief = `brief-${crypto.randomUUID()}`
    expect(await store.claim(brief, 50)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 120))
    expect(await store.claim(brief, 50)).toBe(true)
  })

  it('works on a server that has never seen the script (NOSCRIPT, then EVAL)', async () => {
    const connection = await connect()
    await connection.command('SCRIPT', 'FLUSH')
    const store = redisWebhookStore({ client: connection.client })
    const id = `fresh-${crypto.randomUUID()}`
    expect(await store.claim(id, 1000)).toBe(true)
    expect(await store.claim(id, 1000)).toBe(false)
  })
})

describe('redisWebhookStore when Redis fails', () => {
  it('fails the delivery (500, which the provider retries) instead of letting it through unchecked', async () => {
    const stripe = providers[0]!
    const broken = { eval: async () => Promise.reject(new Error('ECONNREFUSED')), evalsha: async () => Promise.reject(new Error('ECONNREFUSED')) }
    const handler = createHandler()
      .use(webhook({ scheme: 'stripe', secrets: stripe.secrets[0], store: redisWebhookStore({ client: broken }) }))
      .post({ body: Event }, () => ({ ok: true }))
    const payload = JSON.stringify({ id: 'evt_x', type: 't' })
    const answer = await send('app', handler, { method: 'POST', headers: { 'content-type': 'application/json', ...(await stripe.sign(payload, stripe.secrets[0])) }, body: payload })
    expectProblem(answer, 500)
  })
})
