import { describe, expect, it } from 'vitest'
import { bearer, call } from './client.js'

const json = { 'content-type': 'application/json' }

describe('validation inside Next.js', () => {
  it('validates the query: 400 for bad values, the default for an empty one', async () => {
    for (const query of ['limit=0', 'limit=abc', 'limit=1&limit=2']) {
      const answer = await call('GET', `/api/notes?${query}`)
      expect(answer.status, query).toBe(400)
      expect(answer.json().errors[0]).toMatchObject({ in: 'query', path: ['limit'] })
    }
    expect((await call('GET', '/api/notes?limit=')).status).toBe(200)
  })

  it('validates dynamic params on both routers', async () => {
    for (const path of ['/api/notes/abc', '/api/legacy/notes/abc']) {
      const answer = await call('GET', path)
      expect(answer.status, path).toBe(400)
      expect(answer.json().errors[0]).toMatchObject({ in: 'params', path: ['id'] })
    }
    expect((await call('GET', '/api/legacy/notes/1')).json()).toMatchObject({ id: 1, owner: 'ada' })
  })

  it('answers bad bodies with 400, 415 and 422 problem+json, on both routers', async () => {
    const auth = await bearer()
    for (const path of ['/api/notes', '/api/import']) {
      const malformed = await call('POST', path, { headers: { ...json, ...auth }, body: '{"a":' })
      expect(malformed.status, path).toBe(400)
      expect(malformed.headers.get('content-type')).toBe('application/problem+json')
      const text = await call('POST', path, { headers: { 'content-type': 'text/plain', ...auth }, body: 'hello' })
      expect(text.status, path).toBe(415)
    }
    const invalid = await call('POST', '/api/notes', { headers: { ...json, ...auth }, body: '{"text":""}' })
    expect(invalid.status).toBe(422)
    expect(invalid.json().errors).toEqual([expect.objectContaining({ in: 'body', path: ['text'], code: 'too_small' })])
  })
})

describe('body limits inside Next.js (Pages route with bodyParser: false)', () => {
  const notesOfSize = (bytes: number) => JSON.stringify([{ text: 'x'.repeat(400) }]).padEnd(bytes, ' ')

  it('accepts a body under the route’s 64 KiB limit', async () => {
    const answer = await call('POST', '/api/import', {
      headers: { ...json, ...(await bearer()) },
      body: JSON.stringify(Array.from({ length: 50 }, (_, i) => ({ text: `note ${i}` }))),
    })
    expect(answer.status).toBe(200)
    expect(answer.json().imported).toHaveLength(50)
  })

  it('answers a declared length over the limit with 413', async () => {
    const answer = await call('POST', '/api/import', { headers: { ...json, ...(await bearer()) }, body: notesOfSize(70 * 1024) })
    expect(answer.status).toBe(413)
    expect(answer.json()).toMatchObject({ status: 413, code: 'body_too_large' })
  })

  it('cuts off a streamed (chunked) body once it passes the limit', async () => {
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        // Up to 4 MiB if nobody stops it; routekit should stop it at 64 KiB.
        if (sent >= 4 * 1024 * 1024) return controller.close()
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x20))
        sent += 16 * 1024
      },
    })
    const answer = await call('POST', '/api/import', {
      headers: { ...json, ...(await bearer()) },
      body: stream,
      duplex: 'half',
    } as RequestInit)
    expect(answer.status).toBe(413)
  })
})
