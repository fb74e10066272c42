import { describe, expect, it } from 'vitest'
import { createHandler } from '../../src/index.js'
import { problemOf, request } from '../helpers.js'

describe('the optional timeout', () => {
  it('answers a handler that never settles with 503 problem+json and aborts its signal', async () => {
    let seen: AbortSignal | undefined
    const api = createHandler({ timeout: 50 }).get(({ signal }) => {
      seen = signal
      return new Promise(() => {})
    })
    const response = await api.handle(request('GET'))
    expect(response.status).toBe(503)
    expect(await problemOf(response)).toMatchObject({
      status: 503,
      code: 'timeout',
      detail: 'The request took too long to answer.',
    })
    expect(seen?.aborted).toBe(true)
  })

  it('leaves a handler that answers in time alone', async () => {
    const api = createHandler({ timeout: 1000 }).get(async ({ signal }) => ({ aborted: signal.aborted }))
    const response = await api.handle(request('GET'))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ aborted: false })
  })

  it('forwards the client going away to the handler signal', async () => {
    const client = new AbortController()
    let seen: AbortSignal | undefined
    const api = createHandler({ timeout: 1000 }).get(async ({ signal }) => {
      seen = signal
      client.abort()
      return null
    })
    await api.handle(request('GET', '/api/items', { signal: client.signal }))
    expect(seen?.aborted).toBe(true)
  })
})
