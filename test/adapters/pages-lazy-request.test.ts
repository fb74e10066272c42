import { createServer, type Server } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { type PagesRequest, toPagesRoute } from '../../src/adapters/pages.js'
import { NodeSource } from '../../src/adapters/node/node-source.js'
import { createHandler, type Middleware, type RequestHandler } from '../../src/index.js'
import { jwt } from '../../src/jwt/index.js'
import { session } from '../../src/session/index.js'
import { audience, issuer, secret, token as signToken } from '../jwt/fixtures.js'
import { callPages } from './pages-helpers.js'

// The Pages adapter hands the core a source over Node's `req` and builds the
// Web Request only when some code reads `req` (docs/decisions.md, "Pages
// adapter: the Request built on first read"). What a route sees must not
// depend on whether, or when, that happens.

const servers: Server[] = []

async function serve(handler: RequestHandler): Promise<number> {
  const route = toPagesRoute(handler)
  const server = createServer((req, res) => void route(req as PagesRequest, res))
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as AddressInfo).port
}

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections()
    await new Promise((resolve) => server.close(resolve))
  }
})

/** Sends the request exactly as written (fetch would normalise it first); resolves with status and JSON body. */
function raw(port: number, head: string[], body = ''): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let reply = Buffer.alloc(0)
    socket.on('data', (chunk) => {
      reply = Buffer.concat([reply, chunk])
      const text = reply.toString('utf8')
      const length = /content-length: (\d+)/i.exec(text)
      const split = text.indexOf('\r\n\r\n')
      if (length && split !== -1 && Buffer.byteLength(text.slice(split + 4)) >= Number(length[1])) {
        socket.destroy()
        resolve({ status: Number(text.slice(9, 12)), json: JSON.parse(text.slice(split + 4)) })
      }
    })
    socket.on('error', reject)
    socket.write(Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`, 'latin1'))
  })
}

const auth = jwt({ secret, algorithms: ['HS256'], issuer, audience })
const token = await signToken()
const Item = z.object({ name: z.string() })

const built = vi.spyOn(NodeSource.prototype, 'request')
afterEach(() => built.mockClear())

describe('a Pages route that never reads req', () => {
  const items = createHandler()
    .use(auth)
    .get({ query: z.object({ limit: z.coerce.number() }) }, ({ query, auth }) => ({ limit: query.limit, sub: auth.sub }))
    .post({ body: Item }, ({ body }) => body)
  let port: number
  beforeAll(async () => {
    port = await serve(items)
  })

  it('answers a GET with a token and a query schema without building a Request', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/items?limit=5`, { headers: { authorization: `Bearer ${token}` } })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ limit: 5, sub: 'user-1' })
    expect(built).not.toHaveBeenCalled()
  })

  it('reads and validates a body without building a Request', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/items`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"name":"pen","extra":1}',
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ name: 'pen' })
    expect(built).not.toHaveBeenCalled()
  })

  it('refuses a missing token and a bad body as before', async () => {
    const anonymous = await fetch(`http://127.0.0.1:${port}/api/items?limit=5`)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/)
    const bad = await fetch(`http://127.0.0.1:${port}/api/items`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{"name":',
    })
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toBe('application/problem+json')
  })
})

describe('a Pages route behind session() that never reads req', () => {
  const signedIn = createHandler()
    .use(session({ secret: 'session-secret-of-at-least-32-chars!' }))
    .post({ body: Item }, ({ body, session }) => {
      session.set({ user: body.name })
      return { signedIn: body.name }
    })
    .get(({ session }) => ({ data: session.data ?? null }))
  let port: number
  beforeAll(async () => {
    port = await serve(signedIn)
  })

  it('signs in, reads the session and refuses a cross-site POST without building a Request', async () => {
    const base = `http://127.0.0.1:${port}`
    const login = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base, 'sec-fetch-site': 'same-origin' },
      body: '{"name":"ada"}',
    })
    expect(login.status).toBe(200)
    const cookie = login.headers.get('set-cookie')!.split(';', 1)[0]!
    const read = await fetch(`${base}/api/session`, { headers: { cookie } })
    expect(await read.json()).toEqual({ data: { user: 'ada' } })
    const crossSite = await fetch(`${base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
      body: '{"name":"mallory"}',
    })
    expect(crossSite.status).toBe(403)
    expect(await crossSite.json()).toMatchObject({ code: 'csrf_rejected' })
    expect(built).not.toHaveBeenCalled()
  })

  it('checks the origin of a request whose Host the URL parser refuses: 403, not a 500', async () => {
    const body = '{"name":"mallory"}'
    for (const host of ['a%zz', '[::1']) {
      const { status, json } = await raw(port, [
        'POST /api/session HTTP/1.1',
        `Host: ${host}`,
        'Origin: https://evil.example',
        'Content-Type: application/json',
        `Content-Length: ${body.length}`,
        'Connection: close',
      ], body)
      expect(status).toBe(403)
      expect(json).toMatchObject({ code: 'csrf_rejected' })
    }
  })
})

describe('req built part-way through the chain', () => {
  // A middleware after jwt() reads req: the route's body schema must still get the body.
  const tenant: Middleware<{}, { tenant: string | null; path: string; early: Request }> = ({ req, next }) =>
    next({ ctx: { tenant: req.headers.get('x-tenant'), path: new URL(req.url).pathname, early: req } })
  const handler = createHandler()
    .use(auth)
    .use(tenant)
    .post({ body: Item }, ({ body, tenant, path, early, req }) => ({
      body,
      tenant,
      path,
      isRequest: req instanceof Request,
      used: req.bodyUsed,
      same: req === early,
    }))
  let port: number
  beforeAll(async () => {
    port = await serve(handler)
  })

  it('is a real Request over the same body, which the schema then reads', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-tenant': 'acme' },
      body: '{"name":"ink"}',
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ body: { name: 'ink' }, tenant: 'acme', path: '/api/orders', isRequest: true, used: true, same: true })
    expect(built).toHaveBeenCalled()
  })
})

describe('headers and query read before the Request exists', () => {
  // The middleware reads `headers` first, then `req.headers`; the handler reads
  // `query` first, then `req.url`: each pair must agree.
  const compare: Middleware<{}, { fromSource: unknown }> = ({ headers, next }) => {
    const entries: [string, string][] = []
    headers.forEach((value, name) => entries.push([name, value]))
    const picked = ['authorization', 'content-type', 'x-dup', 'cookie', 'x-space', 'absent'].map((name) => [headers.get(name), headers.has(name)])
    return next({ ctx: { fromSource: { entries, picked } } })
  }
  const handler = createHandler()
    .use(compare)
    .get(({ query, fromSource, req }) => {
      const entries: [string, string][] = []
      req.headers.forEach((value, name) => entries.push([name, value]))
      const picked = ['authorization', 'content-type', 'x-dup', 'cookie', 'x-space', 'absent'].map((name) => [req.headers.get(name), req.headers.has(name)])
      return { fromSource, fromRequest: { entries, picked }, query, queryOfUrl: Object.fromEntries(new URL(req.url).searchParams) }
    })
  let port: number
  beforeAll(async () => {
    port = await serve(handler)
  })

  it('reads repeated, odd and mixed-case headers exactly as req.headers does', async () => {
    const { status, json } = await raw(port, [
      'GET /api/h HTTP/1.1',
      'Host: 127.0.0.1',
      'X-Dup: one',
      'x-dup: two',
      'Authorization: Bearer a',
      'authorization: Bearer b',
      'Content-Type: text/plain',
      'Cookie: a=1',
      'Cookie: b=2',
      'X-Space:   padded value   ',
      'Connection: close',
    ])
    expect(status).toBe(200)
    expect(json.fromSource).toEqual(json.fromRequest)
    expect(json.fromSource.picked[0]).toEqual(['Bearer a, Bearer b', true])
  })

  it.each([
    ['/api/q?a=%27&b=\'&c=%C3%A9&e=1+2&f=%zz&g=&g=2'],
    ['/api/q?quote="x"&lt=<&tick=`b`&brace={b}|^'],
    ['/api/q?x=1#fragment=2'],
    ['//evil.example/api/q?x=1&y=2'],
    ['/api/q?only'],
  ])('parses the query of %s as the Request URL has it', async (target) => {
    const { status, json } = await raw(port, [`GET ${target} HTTP/1.1`, 'Host: 127.0.0.1', 'Connection: close'])
    expect(status).toBe(200)
    const single = Object.fromEntries(Object.entries(json.query).map(([key, value]) => [key, Array.isArray(value) ? value.at(-1) : value]))
    expect(single).toEqual(json.queryOfUrl)
  })

  it('parses the query even when the Host header is not an authority', async () => {
    const { status, json } = await raw(port, ['GET /api/q?x=1 HTTP/1.1', 'Host: evil.example/path?y=2', 'Connection: close'])
    expect(status).toBe(200)
    expect(json.query).toEqual({ x: '1' })
    expect(json.queryOfUrl).toEqual({ x: '1' })
  })
})

describe('a request Fetch cannot carry, found only when req is read', () => {
  it('is a 400 problem, not a 500', async () => {
    const route = toPagesRoute(createHandler().get(({ req }) => ({ url: req.url })))
    // node:http refuses this value on the wire; a mocked req can still carry it.
    const result = await callPages(route, { headers: { host: 'localhost', 'x-broken': 'a\nb' } })
    expect(result.status).toBe(400)
    expect(result.headers['content-type']).toBe('application/problem+json')
    expect(result.json()).toMatchObject({ status: 400, code: 'bad_request' })
  })
})

describe('a Pages webhook route that never reads req', () => {
  it('verifies each provider’s signature, and refuses a tampered one, without building a Request', async () => {
    const { providers } = await import('../webhooks/providers.js')
    const { webhook } = await import('../../src/webhooks/index.js')
    for (const provider of providers) {
      const port = await serve(
        createHandler()
          .use(webhook({ scheme: provider.scheme, secrets: provider.secrets[0], store: false }))
          .post({ body: z.object({ event: z.string() }) }, ({ body, webhook }) => ({ event: body.event, scheme: webhook.scheme })),
      )
      const payload = '{"event":"paid"}'
      const headers = await provider.sign(payload, provider.secrets[0])
      const url = `http://127.0.0.1:${port}/api/hooks`
      const post = (signed: Record<string, string>) => fetch(url, { method: 'POST', headers: { ...signed, 'content-type': 'application/json' }, body: payload })
      const accepted = await post(headers)
      expect(accepted.status).toBe(200)
      expect(await accepted.json()).toEqual({ event: 'paid', scheme: provider.scheme })
      const tampered = await post(provider.tamperSignature(headers))
      expect(tampered.status).toBe(401)
      expect(tampered.headers.get('content-type')).toBe('application/problem+json')
    }
    expect(built).not.toHaveBeenCalled()
  })
})
