import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { createHandler, created } from '../../src/index.js'
import { send } from '../routers.js'

const Item = z.object({ id: z.string(), name: z.string(), tags: z.array(z.string()) })

describe('response validation', () => {
  it('in development, answers a return value that breaks its 200 schema with a 500 naming the path', async () => {
    const onError = vi.fn()
    const api = createHandler({ dev: true, onError }).get(
      { responses: { 200: Item } },
      () => ({ id: '1', name: 'pen', tags: ['a', 7 as unknown as string] }),
    )
    const response = await send('app', api)
    expect(response.status).toBe(500)
    expect(response.json().detail).toMatch(/^The 200 response does not match its schema at tags\.1: /)
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('checks a returned Response against the schema for its status', async () => {
    const api = createHandler({ dev: true }).post({ responses: { 201: Item } }, () => created({ id: 1 }, '/api/items/1'))
    const response = await send('app', api, { method: 'POST' })
    expect(response.status).toBe(500)
    expect(response.json().detail).toContain('The 201 response does not match its schema at id:')
  })

  it('checks the JSON the client will receive, after serialisation', async () => {
    const Stamp = z.object({ at: z.string() })
    const api = createHandler({ dev: true }).get({ responses: { 200: Stamp } }, () => ({ at: new Date(0) as unknown as string }))
    expect((await send('app', api)).json()).toEqual({ at: '1970-01-01T00:00:00.000Z' })
  })

  it('lets matching responses and undeclared statuses through', async () => {
    const api = createHandler({ dev: true })
      .get({ responses: { 200: Item } }, () => ({ id: '1', name: 'pen', tags: [] }))
      .post({ responses: { 201: Item } }, () => new Response('accepted', { status: 202 }))
    expect((await send('app', api)).status).toBe(200)
    expect((await send('app', api, { method: 'POST' })).status).toBe(202)
  })

  it('does not check in production', async () => {
    const api = createHandler({ dev: false }).get({ responses: { 200: Item } }, () => ({ id: 1 }) as never)
    const response = await send('app', api)
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ id: 1 })
  })
})
