import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PagesRequest, toPagesRoute } from '../../src/adapters/pages.js'
import { created, createHandler, HttpError, json } from '../../src/index.js'
import { listenPages } from './pages-helpers.js'

// The Pages adapter against a real Node server and real sockets: what the
// mocks cannot show (chunked request bodies, headers on the wire).
const route = toPagesRoute(
  createHandler()
    .use(({ req, next }) => {
      if (req.headers.get('authorization') !== 'Bearer ok') throw HttpError.unauthorized()
      return next()
    })
    .post(async ({ req }) => {
      const text = await req.text()
      const headers = new Headers({ 'content-type': 'application/json' })
      headers.append('set-cookie', 'a=1; Path=/')
      headers.append('set-cookie', 'b=2; Path=/')
      return new Response(JSON.stringify({ length: text.length }), { headers })
    }),
)

let server: Server
let base: string

beforeAll(async () => {
  server = createServer((req, res) => {
    void route(req as PagesRequest, res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

function chunked(parts: number, size: number): ReadableStream<Uint8Array> {
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent === parts) return controller.close()
      sent += 1
      controller.enqueue(new Uint8Array(size).fill(120))
    },
  })
}

describe('toPagesRoute on a real node:http server', () => {
  it('reads a chunked request body and sends several Set-Cookie headers', async () => {
    const response = await fetch(`${base}/api/upload`, {
      method: 'POST',
      headers: { authorization: 'Bearer ok' },
      body: chunked(16, 64 * 1024),
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ length: 16 * 64 * 1024 })
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/'])
  })

  it('refuses an unauthenticated upload without waiting for its body', async () => {
    // One chunk, then the upload stalls forever: only an answer that does
    // not read the body can arrive.
    const stalled = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new Uint8Array(1024))
      },
    })
    const response = await fetch(`${base}/api/upload`, {
      method: 'POST',
      body: stalled,
      duplex: 'half',
    } as RequestInit)
    expect(response.status).toBe(401)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })

  it('sends HEAD and 405 answers with the right headers over the wire', async () => {
    const response = await fetch(`${base}/api/upload`, { method: 'DELETE' })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST, OPTIONS')
  })
})

// routekit's own answers are written from the headers routekit made, unless
// a middleware read them: then from what the middleware left.
describe('toPagesRoute: routekit-made answers on the wire', () => {
  const answers = toPagesRoute(
    createHandler()
      .use(async ({ headers, next }) => {
        const result = await next()
        if (headers.get('x-touch') === '1') result.response.headers.append('set-cookie', 'seen=1; Path=/')
        return result
      })
      .get(() => json({ ok: true }))
      .post(() => created({ id: 7 }, '/api/items/7')),
  )
  let url: string
  let close: () => Promise<void>
  beforeAll(async () => {
    const listening = await listenPages(answers)
    url = `http://127.0.0.1:${listening.port}/api/items`
    close = listening.close
  })
  afterAll(() => close())

  it('sends json() with its content type and length', async () => {
    const response = await fetch(url)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.headers.get('content-length')).toBe('11')
    expect(await response.text()).toBe('{"ok":true}')
  })

  it('sends a header a middleware added after next()', async () => {
    const response = await fetch(url, { headers: { 'x-touch': '1' } })
    expect(response.headers.getSetCookie()).toEqual(['seen=1; Path=/'])
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ ok: true })
  })

  it('sends created() with its Location, and the 405 with its Allow', async () => {
    const made = await fetch(url, { method: 'POST' })
    expect(made.status).toBe(201)
    expect(made.headers.get('location')).toBe('/api/items/7')
    expect(await made.json()).toEqual({ id: 7 })
    const refused = await fetch(url, { method: 'DELETE' })
    expect(refused.status).toBe(405)
    expect(refused.headers.get('allow')).toBe('GET, HEAD, POST, OPTIONS')
    expect(refused.headers.get('content-type')).toBe('application/problem+json')
    expect(refused.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
