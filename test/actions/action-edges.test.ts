import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { created, createHandler, handlerWide, httpOnly } from '../../src/index.js'
import { session } from '../../src/session/index.js'
import { runAction } from '../../src/testing/index.js'

// What an action must do the way a route does, found by a second reading:
// the body checks, the timeout, a refusal's cookies, a returned Response.
const secret = 'an-action-test-secret-at-least-32-bytes!'

vi.mock('next/headers.js', () => ({
  headers: async () => new Headers({ host: 'localhost', 'sec-fetch-site': 'same-origin' }),
  cookies: async () => ({ set: () => undefined }),
}))

describe('an action, like a route', () => {
  it('refuses a __proto__ key anywhere in an object input (400), as a JSON body would be', async () => {
    const action = createHandler().action({ body: z.object({ meta: z.record(z.string(), z.any()) }) }, ({ body }) => body)
    const { result } = await runAction(action, JSON.parse('{"meta":{"x":{"__proto__":{"isAdmin":true}}}}'))
    expect(result).toMatchObject({ ok: false, problem: { status: 400, code: 'forbidden_key' } })
  })

  it("answers the handler's timeout with a 503 problem", async () => {
    const action = createHandler({ timeout: 50 }).action(() => new Promise(() => {}))
    expect((await runAction(action, undefined)).result).toMatchObject({ ok: false, problem: { status: 503, code: 'timeout' } })
  })

  it('passes on the cookie a refusal clears (a session cookie that does not open)', async () => {
    const action = createHandler().use(session({ secret, schema: z.object({ u: z.string() }), required: true })).action(() => 'ok')
    const run = await runAction(action, undefined, { headers: { 'sec-fetch-site': 'same-origin' }, cookies: { session: 'garbage' } })
    expect(run.result).toMatchObject({ ok: false, problem: { status: 401 } })
    expect(run.cookies).toEqual({ session: '' })
  })

  it("takes a returned Response's JSON as its data, and refuses one that is not JSON", async () => {
    expect((await runAction(createHandler().action(() => created({ id: 1 })), undefined)).result).toEqual({ ok: true, data: { id: 1 } })
    const text = await runAction(createHandler({ dev: false }).action(() => new Response('hi')), undefined)
    expect(text.result).toMatchObject({ ok: false, problem: { status: 500 } })
  })

  it('skips a handler-wide layer the app marks httpOnly()', () => {
    const poweredBy = httpOnly(handlerWide(async function poweredBy({ next }) { return next() }))
    expect(() => createHandler().use(poweredBy).action(() => 'ok')).not.toThrow()
  })

  it('refuses middleware Next made a Server Action of (inline in a Next 14 use-server file)', () => {
    const hoisted = Object.assign(async ({ next }: { next: () => Promise<never> }) => next(), { $$typeof: Symbol.for('react.server.reference') })
    expect(() => createHandler().use(hoisted as never).action(() => 'ok')).toThrow(/itself a Server Action/)
  })
})

describe('toServerAction()', () => {
  it("reads the payload last, after arguments bound with .bind() and useActionState's previous state", async () => {
    const { toServerAction } = await import('../../src/actions/index.js')
    const echo = toServerAction(createHandler().action({ body: z.object({ text: z.string() }) }, ({ body }) => body.text))
    const bound = (echo as unknown as (...args: unknown[]) => Promise<unknown>).bind(null, 'note-7')
    expect(await bound(null, { text: 'milk' })).toEqual({ ok: true, data: 'milk' })
    expect(await echo({ text: 'eggs' })).toEqual({ ok: true, data: 'eggs' })
  })
})
