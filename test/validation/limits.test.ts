import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { toAppRoute } from '../../src/adapters/app.js'
import { createHandler } from '../../src/index.js'
import { request } from '../helpers.js'
import { routers, send } from '../routers.js'

const Anything = z.object({ data: z.string() })
const MiB = 1024 * 1024

/**
 * The start of a JSON body that streams 64 KiB chunks up to `total` bytes,
 * recording how much of it was pulled. It never closes its string: every
 * test using it expects an answer before the end.
 */
function countingBody(total: number) {
  const stats = { pulled: 0 }
  const head = new TextEncoder().encode('{"data":"')
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled >= total) return controller.close()
      const bytes = stats.pulled === 0 ? head : new Uint8Array(64 * 1024).fill(0x61)
      stats.pulled += bytes.byteLength
      controller.enqueue(bytes)
    },
  })
  return { stream, stats }
}

describe.each(routers)('body limits (%s router)', (router) => {
  const api = createHandler().post({ body: Anything }, ({ body }) => ({ length: body.data.length }))

  it('answers a Content-Length one byte over the 1 MiB default with 413 problem+json', async () => {
    const response = await send(router, api, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': String(MiB + 1) },
      body: '{"data":"x"}',
    })
    expect(response.status).toBe(413)
    expect(response.json()).toMatchObject({ status: 413, title: 'Content Too Large', code: 'body_too_large' })
  })

  it('accepts a body of exactly the limit', async () => {
    const data = 'a'.repeat(MiB - '{"data":""}'.length)
    const response = await send(router, api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"data":"${data}"}` })
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ length: data.length })
  })

  it('counts a body without Content-Length while it streams and answers 413 past the limit', async () => {
    const data = 'a'.repeat(MiB)
    const response = await send(router, api, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"data":"${data}"}` })
    expect(response.status).toBe(413)
  })

  it('takes the limit from the handler options and lets a route override it', async () => {
    const small = createHandler({ bodyLimit: 16 })
      .post({ body: Anything }, () => 'handler limit')
      .put({ body: Anything, bodyLimit: 64 }, () => 'route limit')
    const body = `{"data":"${'a'.repeat(30)}"}`
    const post = await send(router, small, { method: 'POST', headers: { 'content-type': 'application/json' }, body })
    expect(post.status).toBe(413)
    expect(post.json().detail).toBe('The request body exceeds 16 bytes.')
    const put = await send(router, small, { method: 'PUT', headers: { 'content-type': 'application/json' }, body })
    expect(put.status).toBe(200)
  })
})

describe('reading stops at the limit', () => {
  const route = toAppRoute(createHandler().post({ body: Anything }, () => 'never'))

  it('cuts off an endless chunked body right after the limit, so memory stays bounded', async () => {
    const { stream, stats } = countingBody(50 * MiB)
    const response = await route.POST(
      request('POST', '/api/items', { body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit),
    )
    expect(response.status).toBe(413)
    expect(stats.pulled).toBeLessThan(MiB + 3 * 64 * 1024)
  })

  it('does not pull a single byte when Content-Length is already over the limit', async () => {
    const { stream, stats } = countingBody(2 * MiB)
    const response = await route.POST(
      request('POST', '/api/items', {
        body: stream,
        headers: { 'content-type': 'application/json', 'content-length': String(2 * MiB) },
        duplex: 'half',
      } as RequestInit),
    )
    expect(response.status).toBe(413)
    expect(stats.pulled).toBeLessThanOrEqual(64 * 1024) // at most what the stream buffered on its own
  })

  it('refuses an unauthenticated upload before reading its body', async () => {
    const { stream, stats } = countingBody(5 * MiB)
    const guarded = toAppRoute(
      createHandler()
        .use(({ req, next }) => (req.headers.has('authorization') ? next() : new Response(null, { status: 401 })))
        .post({ body: Anything }, () => 'never'),
    )
    const response = await guarded.POST(
      request('POST', '/api/items', { body: stream, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit),
    )
    expect(response.status).toBe(401)
    expect(stats.pulled).toBeLessThanOrEqual(64 * 1024)
  })
})
