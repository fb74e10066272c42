import { afterEach, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { session } from '../../src/session/index.js'
import { routers, send } from '../routers.js'
import { sessionCookie } from '../session/helpers.js'

// Guards that mutation testing found no test for: each case here fails when
// the guard is removed or weakened.
const secret = 'session-secret-of-at-least-32-chars!'

afterEach(() => {
  vi.useRealTimers()
})

describe('session() configuration guards', () => {
  it('refuses a secret shorter than 32 characters, and accepts 32', () => {
    expect(() => session({ secret: 'x'.repeat(31) })).toThrow(/every secret must be at least 32 characters/)
    expect(() => session({ secret: 'x' })).toThrow(/at least 32 characters/)
    expect(() => session({ secret: 'x'.repeat(32) })).not.toThrow()
    expect(() => session({ secrets: [{ id: 'new', secret }, { id: 'old', secret: 'short' }] })).toThrow(/key "old" is not/)
    expect(() => session({ secrets: [{ id: 'a', secret }, { id: 'a', secret: `${secret}2` }] })).toThrow(/listed twice/)
  })

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses ttl %s', (ttl) => {
    expect(() => session({ secret, ttl })).toThrow(/`ttl` must be a whole number of seconds/)
  })

  it('accepts a one-second ttl', () => {
    expect(() => session({ secret, ttl: 1 })).not.toThrow()
  })
})

describe.each(routers)('guards on the wire (%s router)', (router) => {
  it('rolling sessions move the expiry forward: the renewed cookie outlives the first one', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const start = Date.now()
    const ttl = 100
    const handler = createHandler()
      .use(session({ secret, ttl, rolling: true, required: false }))
      .get(({ session }) => ({ user: session.data?.user ?? null }))
      .post(({ session }) => {
        session.regenerate({ user: 'ada' })
      })
    const first = sessionCookie(await send(router, handler, { method: 'POST' }))!
    vi.setSystemTime(start + 60_000)
    const renewed = sessionCookie(await send(router, handler, { headers: { cookie: first.pair } }))!
    expect(renewed.value).not.toBe(first.value)
    // Past the first cookie's expiry, inside the renewed one's.
    vi.setSystemTime(start + 130_000)
    expect((await send(router, handler, { headers: { cookie: first.pair } })).json()).toEqual({ user: null })
    expect((await send(router, handler, { headers: { cookie: renewed.pair } })).json()).toEqual({ user: 'ada' })
  })

  it('HEAD of a streamed GET: no body, no invented Content-Length, and the stream is released', async () => {
    let cancelled = false
    const handler = createHandler().get(
      () =>
        new Response(
          new ReadableStream({
            pull(controller) {
              controller.enqueue(new TextEncoder().encode('chunk'))
            },
            cancel() {
              cancelled = true
            },
          }),
          { headers: { 'content-type': 'text/plain' } },
        ),
    )
    const head = await send(router, handler, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.text).toBe('')
    expect(head.headers.get('content-type')).toBe('text/plain')
    expect(head.headers.get('content-length')).toBeNull()
    await vi.waitFor(() => expect(cancelled).toBe(true))
  })

  it('HEAD of a JSON GET carries the byte length of the GET body', async () => {
    const handler = createHandler().get(() => ({ name: 'Zoë' }))
    const get = await send(router, handler)
    const head = await send(router, handler, { method: 'HEAD' })
    expect(head.text).toBe('')
    expect(head.headers.get('content-length')).toBe(String(new TextEncoder().encode(get.text).byteLength))
  })

  it('a harmless `constructor` key in a JSON body is data, not an attack', async () => {
    const Company = z.object({ name: z.string(), constructor: z.string(), prototype: z.string().optional() })
    const handler = createHandler().post({ body: Company }, ({ body }) => body)
    const answer = await send(router, handler, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"Acme","constructor":"Acme Ltd","prototype":"v2"}',
    })
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ name: 'Acme', constructor: 'Acme Ltd', prototype: 'v2' })
    const nested = await send(router, handler, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"Acme","constructor":{"name":"x"}}',
    })
    expect(nested.status).toBe(422) // an object where a string belongs: a schema issue, never a 500
  })
})
