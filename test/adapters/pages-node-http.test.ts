import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PagesRequest, toPagesRoute } from '../../src/adapters/pages.js'
import { createHandler, HttpError } from '../../src/index.js'

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
