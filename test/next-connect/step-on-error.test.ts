import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { Middleware } from '../../src/index.js'
import { kits } from './harness.js'

// A step's own `onError` hears of what it answers with a 5xx, and only that:
// the real error for the log, while the client gets a problem that says
// nothing internal (and next-connect's onError never sees it).
const failing: Middleware<{}, {}> = () => {
  throw new Error('database password rejected')
}

describe.each(kits())('next-connect steps report their 5xx answers ($kind router)', (kit) => {
  it('use(): onError receives the real error; the answer is a bare 500 problem', async () => {
    const reports: unknown[] = []
    const router = kit.router().use(kit.use(failing, { onError: (error) => void reports.push(error) })).get(kit.reply(() => 'unreached'))
    const answer = await kit.send(router)
    expect(answer.status).toBe(500)
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
    expect(answer.text).not.toContain('database password')
    expect(reports.map((error) => (error as Error).message)).toEqual(['database password rejected'])
    expect(kit.reported).toEqual([])
  })

  it('dev: true puts the message into the detail; onError failing itself changes nothing', async () => {
    const router = kit
      .router()
      .use(kit.use(failing, { dev: true, onError: () => { throw new Error('logger down') } }))
      .get(kit.reply(() => 'unreached'))
    const answer = await kit.send(router)
    expect(answer.status).toBe(500)
    expect(answer.json().detail).toBe('Error: database password rejected')
  })

  it('a 4xx is the client’s problem: onError is not called for it', async () => {
    const reports: unknown[] = []
    const step = kit.validate({ query: z.object({ n: z.coerce.number() }) }, { onError: (error) => void reports.push(error) })
    const answer = await kit.send(kit.router().get(step, kit.reply(() => 'ok')), { path: '/api/items?n=abc' })
    expect(answer.status).toBe(400)
    expect(reports).toEqual([])
  })
})
