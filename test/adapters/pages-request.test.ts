import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { getPagesContext, type PagesRequest, toPagesRoute } from '../../src/adapters/pages.js'
import { createHandler, type RequestHandler } from '../../src/index.js'
import { callPages } from './pages-helpers.js'

// The Request a Pages handler gets builds its Web body only when asked
// (see docs/decisions.md, "Pages adapter request"): every way of reading it
// must still behave like a plain Request's, over a real socket.

const decode = (bytes: ArrayBuffer | Uint8Array) => new TextDecoder().decode(bytes)

async function readAs(req: Request, how: string): Promise<unknown> {
  switch (how) {
    case 'json':
      return req.json()
    case 'text':
      return req.text()
    case 'arrayBuffer':
      return decode(await req.arrayBuffer())
    case 'bytes':
      return decode(await req.bytes())
    case 'blob': {
      const blob = await req.blob()
      return { type: blob.type, text: await blob.text() }
    }
    case 'formData':
      return Object.fromEntries(await req.formData())
    case 'body': {
      const reader = req.body!.getReader()
      let text = ''
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decode(chunk.value)
      return text
    }
    case 'clone': {
      const copy = req.clone()
      return { copy: await copy.text(), original: await req.text() }
    }
    default:
      throw new Error(`unknown way to read: ${how}`)
  }
}

const reader = createHandler().post(async ({ req }) => {
  const before = { isRequest: req instanceof Request, used: req.bodyUsed }
  const value = await readAs(req, req.headers.get('x-read') ?? '')
  return { ...before, value, usedAfter: req.bodyUsed }
})

const servers: Server[] = []

async function serve(handler: RequestHandler): Promise<string> {
  const route = toPagesRoute(handler)
  const server = createServer((req, res) => {
    void route(req as PagesRequest, res)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

let base: string
beforeAll(async () => {
  base = await serve(reader)
})

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

const post = (how: string, body: BodyInit, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/read`, { method: 'POST', headers: { 'x-read': how, ...headers }, body })

describe('the Pages Request, read by the handler itself', () => {
  it.each([
    ['json', '{"name":"pen"}', { name: 'pen' }],
    ['text', 'plain words', 'plain words'],
    ['arrayBuffer', 'some bytes', 'some bytes'],
    ['bytes', 'more bytes', 'more bytes'],
    ['body', 'read with getReader', 'read with getReader'],
    ['clone', 'twice', { copy: 'twice', original: 'twice' }],
  ])('%s() reads the whole body, and bodyUsed follows', async (how, body, expected) => {
    const response = await post(how, body, { 'content-type': 'text/plain' })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ isRequest: true, used: false, value: expected, usedAfter: true })
  })

  it('blob() carries the Content-Type of the request', async () => {
    const response = await post('blob', '{"a":1}', { 'content-type': 'application/json' })
    expect(await response.json()).toMatchObject({ value: { type: 'application/json', text: '{"a":1}' } })
  })

  it('formData() parses url-encoded and multipart bodies', async () => {
    const encoded = await post('formData', new URLSearchParams({ a: '1', b: 'two words' }))
    expect(await encoded.json()).toMatchObject({ value: { a: '1', b: 'two words' }, usedAfter: true })
    const form = new FormData()
    form.set('name', 'pen')
    const multipart = await post('formData', form)
    expect(await multipart.json()).toMatchObject({ value: { name: 'pen' }, usedAfter: true })
  })

  it('reads a large chunked upload through the lazily built stream', async () => {
    const size = 3 * 1024 * 1024
    const response = await post('arrayBuffer', new Uint8Array(size).fill(97))
    const { value } = (await response.json()) as { value: string }
    expect(value.length).toBe(size)
  })

  it('a body routekit already read is used: reading it again fails as on any Request', async () => {
    const url = await serve(
      createHandler().post({ body: z.object({ name: z.string() }) }, async ({ req, body }) => ({
        body,
        used: req.bodyUsed,
        again: await req.text().then(
          () => 'read twice',
          (error: unknown) => (error as Error).name,
        ),
      })),
    )
    const response = await fetch(`${url}/api/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"pen"}',
    })
    expect(await response.json()).toEqual({ body: { name: 'pen' }, used: true, again: 'TypeError' })
  })

  it('a body the handler read first is refused by a body schema after it with a 500', async () => {
    const url = await serve(
      createHandler({ dev: false })
        .use(async ({ req, next }) => {
          await req.text()
          return next()
        })
        .post({ body: z.object({ name: z.string() }) }, ({ body }) => body),
    )
    const response = await fetch(`${url}/api/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"pen"}',
    })
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
  })
})

describe('the Pages Request handed to fetch', () => {
  let upstream: string
  beforeAll(async () => {
    const server = createServer(async (req, res) => {
      let body = ''
      for await (const chunk of req) body += chunk
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ method: req.method, body }))
    })
    servers.push(server)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    upstream = `http://127.0.0.1:${(server.address() as AddressInfo).port}/upstream`
  })

  const proxy = (forward: (req: Request) => Promise<Response>) =>
    serve(createHandler().post(async ({ req }) => (await forward(req)).json()))

  it('proxies the body when it is passed explicitly (the documented way)', async () => {
    const url = await proxy((req) => fetch(upstream, { method: req.method, headers: req.headers, body: req.body, duplex: 'half' } as RequestInit))
    const response = await fetch(`${url}/api/proxy`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'forwarded' })
    expect(await response.json()).toEqual({ method: 'POST', body: 'forwarded' })
  })

  it('proxies the body when the request is the init of a new Request', async () => {
    const url = await proxy((req) => fetch(new Request(upstream, req)))
    const response = await fetch(`${url}/api/proxy`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'forwarded' })
    expect(await response.json()).toEqual({ method: 'POST', body: 'forwarded' })
  })

  it('loses the body when the request itself is copied by undici (the documented trade-off)', async () => {
    const url = await serve(createHandler().post(({ req }) => ({ copied: new Request(req).body === null, own: req.body !== null })))
    const response = await fetch(`${url}/api/proxy`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'lost' })
    expect(await response.json()).toEqual({ copied: true, own: true })
  })
})

describe('the Pages Request without a body', () => {
  it('has a null body and reads as empty text, like a Request without one', async () => {
    const route = toPagesRoute(
      createHandler().post(async ({ req }) => ({ body: req.body, used: req.bodyUsed, text: await req.clone().text() })),
    )
    const result = await callPages(route, { method: 'POST' })
    expect(result.json()).toEqual({ body: null, used: false, text: '' })
  })
})
