import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler, type Middleware } from '../../src/index.js'
import { kits } from './harness.js'

const item = createHandler().get(({ params }) => ({ params }))
const tagged: Middleware<{}, { tagged: true }> = ({ next }) => next({ ctx: { tagged: true } })

describe.each(kits())('next-connect params that are not valid percent-encoding ($kind router)', (kit) => {
  // `%E0%A4%A` and `%25E0%A4%25A` would otherwise arrive as the same id, and
  // Next itself answers 400 to a malformed segment before any route runs.
  const malformed = '/api/items/%E0%A4%A'

  it('answers 400 problem+json at a mounted handler, and decodes an escaped `%`', async () => {
    const router = kit.router().get('/api/items/:id', kit.mount(item))
    const answer = await kit.send(router, { path: malformed })
    expect(answer.status).toBe(400)
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
    expect((await kit.send(router, { path: '/api/items/%25E0' })).json()).toEqual({ params: { id: '%E0' } })
  })

  it('answers 400 problem+json at a middleware step; the handlers after it never run', async () => {
    const router = kit.router().get('/api/items/:id', kit.use(tagged), kit.reply(() => ({ reached: true })))
    const answer = await kit.send(router, { path: malformed })
    expect(answer.status).toBe(400)
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
  })

  it('answers 400 problem+json at a validation step, with or without a params schema', async () => {
    for (const spec of [{ params: z.object({ id: z.string() }) }, { query: z.object({}) }]) {
      const router = kit.router().get('/api/items/:id', kit.validate(spec), kit.reply(() => ({ reached: true })))
      const answer = await kit.send(router, { path: malformed })
      expect(answer.status).toBe(400)
      expect(answer.headers.get('content-type')).toBe('application/problem+json')
    }
  })
})
