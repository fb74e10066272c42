import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { getPagesContext, toPagesRoute } from '../../src/adapters/pages.js'
import { createHandler, HttpError } from '../../src/index.js'
import { callPages } from './pages-helpers.js'

const items = toPagesRoute(
  createHandler()
    .get(({ params, query }) => ({ params, query }))
    .post(async ({ req }) => ({ received: await req.json() })),
)

describe('toPagesRoute: methods', () => {
  it('answers a method without a route with 405 problem+json and the exact Allow header', async () => {
    const result = await callPages(items, { method: 'DELETE' })
    expect(result.status).toBe(405)
    expect(result.headers.allow).toBe('GET, HEAD, POST, OPTIONS')
    expect(result.headers['content-type']).toBe('application/problem+json')
    expect(result.json()).toMatchObject({ status: 405, code: 'method_not_allowed', title: 'Method Not Allowed' })
  })

  it('answers TRACE and CONNECT, which a Fetch Request cannot carry, with the same 405', async () => {
    for (const method of ['TRACE', 'CONNECT'] as const) {
      const result = await callPages(items, { method })
      expect(result.status).toBe(405)
      expect(result.headers.allow).toBe('GET, HEAD, POST, OPTIONS')
    }
  })

  it('answers HEAD with the GET status and headers and no body, and OPTIONS with 204 and Allow', async () => {
    const head = await callPages(items, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers['content-type']).toBe('application/json')
    expect(head.text()).toBe('')
    const options = await callPages(items, { method: 'OPTIONS' })
    expect(options.status).toBe(204)
    expect(options.headers.allow).toBe('GET, HEAD, POST, OPTIONS')
  })
})

describe('toPagesRoute: params and query', () => {
  it('separates the dynamic segments Next mixed into req.query from the real query', async () => {
    const result = await callPages(items, {
      url: '/api/items/7?tag=a&tag=b&limit=5',
      query: { id: '7', tag: ['a', 'b'], limit: '5' },
    })
    expect(result.json()).toEqual({ params: { id: '7' }, query: { tag: ['a', 'b'], limit: '5' } })
  })

  it('keeps catch-all segments as arrays and lets a param win over a same-named query key', async () => {
    const result = await callPages(items, {
      url: '/api/files/a/b?slug=x&id=9',
      query: { slug: ['a', 'b'], id: '3' },
    })
    expect(result.json()).toEqual({ params: { slug: ['a', 'b'], id: '3' }, query: { slug: 'x', id: '9' } })
  })
})

describe('toPagesRoute: the request URL', () => {
  const echoUrl = toPagesRoute(createHandler().get(({ req, query }) => ({ url: req.url, query })))

  it('keeps a Host header with path characters from moving the path into the query', async () => {
    // Node accepts any Host value; pasted into the URL, `evil.example/x?`
    // would make the path `/x` and the real path a query string.
    for (const host of ['evil.example/x?', 'evil.example?', 'evil.example#', 'user@evil.example', 'evil.example\\x']) {
      const result = await callPages(echoUrl, { url: '/api/items?tag=a', headers: { host } })
      expect(result.status).toBe(200)
      expect(result.json()).toEqual({ url: 'http://localhost/api/items?tag=a', query: { tag: 'a' } })
    }
  })

  it('keeps a well-formed Host, with a port or an IPv6 literal', async () => {
    for (const host of ['notes.example:8080', '[::1]:3000', '127.0.0.1']) {
      const result = await callPages(echoUrl, { url: '/api/items', headers: { host } })
      expect(result.json().url).toBe(`http://${host}/api/items`)
    }
  })
})

describe('toPagesRoute: request bodies', () => {
  it('streams the raw body when Next’s parser is off (bodyParser: false)', async () => {
    const result = await callPages(items, {
      method: 'POST',
      headers: { host: 'localhost', 'content-type': 'application/json' },
      stream: '{"name":"pen"}',
    })
    expect(result.status).toBe(200)
    expect(result.json()).toEqual({ received: { name: 'pen' } })
  })

  it('does not start reading Node’s request stream for a route that never reads the body', async () => {
    const { createMocks } = await import('node-mocks-http')
    const { EventEmitter } = await import('node:events')
    const { req, res } = createMocks(
      { method: 'POST', url: '/api/items', headers: { host: 'localhost', 'transfer-encoding': 'chunked' } },
      { eventEmitter: EventEmitter },
    )
    delete (req as { body?: unknown }).body
    let iterated = false
    req.once('async_iterator', () => (iterated = true))
    await toPagesRoute(createHandler().post(() => 'no body needed'))(req as never, res as never)
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(res._getStatusCode()).toBe(200)
    expect(iterated).toBe(false)
  })

  it('uses req.body when Next’s parser already read it', async () => {
    const result = await callPages(items, {
      method: 'POST',
      headers: { host: 'localhost', 'content-type': 'application/json', 'content-length': '999' },
      body: { name: 'pen', tags: ['a'] },
    })
    expect(result.json()).toEqual({ received: { name: 'pen', tags: ['a'] } })
  })

  it('validates a body Next’s parser already read, like a streamed one', async () => {
    const typed = toPagesRoute(createHandler().post({ body: z.object({ name: z.string() }) }, ({ body }) => body))
    const call = (body: unknown) =>
      callPages(typed, { method: 'POST', headers: { host: 'localhost', 'content-type': 'application/json' }, body })
    const valid = await call({ name: 'pen', isAdmin: true })
    expect(valid.status).toBe(200)
    expect(valid.json()).toEqual({ name: 'pen' })
    const invalid = await call({ name: 5 })
    expect(invalid.status).toBe(422)
    expect(invalid.json().errors).toEqual([expect.objectContaining({ in: 'body', path: ['name'] })])
  })

  it('rebuilds a parsed form body and treats Next’s "" as no body', async () => {
    const echo = toPagesRoute(
      createHandler().post(async ({ req }) => ({
        form: req.body === null ? null : Object.fromEntries(await req.formData()),
      })),
    )
    const form = await callPages(echo, {
      method: 'POST',
      headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: { a: '1', b: 'two words' },
    })
    expect(form.json()).toEqual({ form: { a: '1', b: 'two words' } })
    const empty = await callPages(echo, { method: 'POST', headers: { host: 'localhost' }, body: '' })
    expect(empty.json()).toEqual({ form: null })
  })
})

describe('toPagesRoute: writing the response', () => {
  it('writes the status, every header and each Set-Cookie separately', async () => {
    const route = toPagesRoute(
      createHandler().get(() => {
        const headers = new Headers({ 'x-one': '1', 'content-type': 'text/plain' })
        headers.append('set-cookie', 'a=1; Path=/; HttpOnly')
        headers.append('set-cookie', 'b=2; Path=/; Secure')
        return new Response('made', { status: 201, headers })
      }),
    )
    const result = await callPages(route)
    expect(result.status).toBe(201)
    expect(result.headers['x-one']).toBe('1')
    expect(result.headers['set-cookie']).toEqual(['a=1; Path=/; HttpOnly', 'b=2; Path=/; Secure'])
    expect(result.text()).toBe('made')
  })

  it('streams a body made of several chunks', async () => {
    const route = toPagesRoute(
      createHandler().get(() => {
        const encoder = new TextEncoder()
        const stream = new ReadableStream({
          start(controller) {
            for (const part of ['one ', 'two ', 'three']) controller.enqueue(encoder.encode(part))
            controller.close()
          },
        })
        return new Response(stream, { headers: { 'content-type': 'text/plain' } })
      }),
    )
    expect((await callPages(route)).text()).toBe('one two three')
  })

  it('answers 204 when the handler returns nothing', async () => {
    const route = toPagesRoute(createHandler().get(() => undefined))
    const result = await callPages(route)
    expect(result.status).toBe(204)
    expect(result.text()).toBe('')
  })

  it('in production, answers a thrown Error with a 500 problem that hides its message', async () => {
    const route = toPagesRoute(
      createHandler({ dev: false }).get(() => {
        throw new Error('password=hunter2')
      }),
    )
    const result = await callPages(route)
    expect(result.status).toBe(500)
    expect(result.text()).not.toContain('hunter2')
    expect(result.json()).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'internal_server_error' })
  })
})

describe('toPagesRoute: handlers that use Node’s res', () => {
  it('exposes req and res through getPagesContext, and leaves a response written by hand alone', async () => {
    const route = toPagesRoute(
      createHandler().get(({ req }) => {
        const context = getPagesContext(req)!
        context.res.statusCode = 203
        context.res.setHeader('content-type', 'text/plain')
        context.res.end('by hand')
      }),
    )
    const result = await callPages(route)
    expect(result.status).toBe(203)
    expect(result.text()).toBe('by hand')
  })

  it('keeps a 200 the handler wrote intact when it throws afterwards, and reports the error', async () => {
    const onError = vi.fn()
    const route = toPagesRoute(
      createHandler({ onError }).get(({ req }) => {
        const { res } = getPagesContext(req)!
        res.statusCode = 200
        res.write('partial ')
        throw new Error('after writing')
      }),
    )
    const result = await callPages(route)
    expect(result.status).toBe(200)
    expect(result.text()).toBe('partial ')
    expect(result.res.writableEnded).toBe(true)
    expect(onError).toHaveBeenCalledTimes(1)
  })

  it('is undefined for requests that did not come through the Pages adapter', () => {
    expect(getPagesContext(new Request('http://localhost/'))).toBeUndefined()
  })

  it('aborts the handler signal when the client goes away', async () => {
    let aborted = false
    const route = toPagesRoute(
      createHandler().get(async ({ req, signal }) => {
        getPagesContext(req)!.res.emit('close')
        aborted = signal.aborted
      }),
    )
    await callPages(route)
    expect(aborted).toBe(true)
  })
})

describe('toPagesRoute: Next.js control flow', () => {
  it('answers redirect() with its status and Location, and notFound() with a 404 problem', async () => {
    const redirecting = toPagesRoute(
      createHandler().get(() => {
        throw Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;push;/login?next=/a;b;308;' })
      }),
    )
    const redirect = await callPages(redirecting)
    expect(redirect.status).toBe(308)
    expect(redirect.headers.location).toBe('/login?next=/a;b')

    const missing = toPagesRoute(
      createHandler().get(() => {
        throw Object.assign(new Error('x'), { digest: 'NEXT_HTTP_ERROR_FALLBACK;404' })
      }),
    )
    const notFound = await callPages(missing)
    expect(notFound.status).toBe(404)
    expect(notFound.json()).toMatchObject({ status: 404, title: 'Not Found' })
  })

  it('maps HttpErrors with their headers', async () => {
    const route = toPagesRoute(
      createHandler().get(() => {
        throw HttpError.tooManyRequests('Slow down.', { headers: { 'retry-after': '30' } })
      }),
    )
    const result = await callPages(route)
    expect(result.status).toBe(429)
    expect(result.headers['retry-after']).toBe('30')
  })
})
