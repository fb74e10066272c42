import { afterEach, describe, expect, it, vi } from 'vitest'
import { coldStart } from '../../src/rate-limit/cold-start.js'

// The real clients are in redis-cold-start.test.ts and redis-cluster.test.ts;
// these are the paths a real client does not take on cue.
afterEach(() => {
  vi.useRealTimers()
})

describe('coldStart', () => {
  it('never waits for a client that cannot say whether it is ready (an HTTP client)', () => {
    expect(coldStart({ eval: () => {}, evalsha: () => {} })()).toBeUndefined()
  })

  it('waits until the client is ready, then never again, even once it is disconnected', async () => {
    vi.useFakeTimers()
    const client = { isReady: false }
    const ready = coldStart(client)
    let resolved = false
    void ready()!.then(() => (resolved = true))
    await vi.advanceTimersByTimeAsync(50)
    expect(resolved).toBe(false)
    client.isReady = true
    await vi.advanceTimersByTimeAsync(10)
    expect(resolved).toBe(true)
    // A broken connection later fails fast: the store call is not held back.
    client.isReady = false
    expect(ready()).toBeUndefined()
  })

  it('tells a node-redis 4 or 5 cluster ready by the masters it has found', async () => {
    vi.useFakeTimers()
    const cluster = { isOpen: true, masters: [] as unknown[] }
    const ready = coldStart(cluster)
    const waiting = ready()
    expect(waiting).toBeInstanceOf(Promise)
    cluster.masters.push({})
    await vi.advanceTimersByTimeAsync(10)
    await waiting
    expect(ready()).toBeUndefined()
  })

  it('gives up on a client that never connects, and waits again on a later request', async () => {
    vi.useFakeTimers()
    const client = { status: 'connecting' }
    const ready = coldStart(client)
    const first = ready()
    await vi.advanceTimersByTimeAsync(30_010)
    await first
    // Still not ready: the next request waits anew (a fresh wait, not the settled one).
    const second = ready()
    expect(second).toBeInstanceOf(Promise)
    expect(second).not.toBe(first)
    client.status = 'ready'
    await vi.advanceTimersByTimeAsync(10)
    await second
  })
})
