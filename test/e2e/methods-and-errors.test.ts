import { describe, expect, it } from 'vitest'
import { call } from './client.js'

const routes = [
  { router: 'App', path: '/api/notes', allow: 'GET, HEAD, POST, OPTIONS' },
  { router: 'App, dynamic', path: '/api/notes/1', allow: 'GET, HEAD, PATCH, DELETE, OPTIONS' },
  { router: 'Pages, dynamic', path: '/api/legacy/notes/1', allow: 'GET, HEAD, PUT, OPTIONS' },
  { router: 'App, Edge runtime', path: '/api/edge', allow: 'GET, HEAD, POST, OPTIONS' },
]

describe.each(routes)('method guard on $path ($router router)', ({ router, path, allow }) => {
  it('answers a method without a route with 405 problem+json and the exact Allow', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !allow.includes(m))) {
      const answer = await call(method, path)
      expect(answer.status).toBe(405)
      expect(answer.headers.get('allow')).toBe(allow)
      expect(answer.headers.get('content-type')).toBe('application/problem+json')
      expect(answer.json()).toMatchObject({ status: 405, code: 'method_not_allowed', title: 'Method Not Allowed' })
    }
  })

  it('answers OPTIONS with 204 and Allow, and HEAD with GET’s headers and no body', async () => {
    const options = await call('OPTIONS', path)
    expect(options.status).toBe(204)
    expect(options.headers.get('allow')).toBe(allow)
    const head = await call('HEAD', path)
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('application/json')
    expect(head.text).toBe('')
    // The size GET would send reaches the client on the Pages Router (the
    // exact value is checked in unit tests: other test files may change the
    // notes between two requests). Next's App Router drops the header.
    if (router.startsWith('Pages')) expect(Number(head.headers.get('content-length'))).toBeGreaterThan(2)
  })
})

describe('extension methods', () => {
  it('reach routekit on the Pages Router: 405 with Allow', async () => {
    const answer = await call('PROPFIND', '/api/legacy/notes/1')
    expect(answer.status).toBe(405)
    expect(answer.headers.get('allow')).toBe('GET, HEAD, PUT, OPTIONS')
  })

  it('are refused by Next itself on the App Router, before any route code runs (documented limit)', async () => {
    const answer = await call('PROPFIND', '/api/notes')
    expect(answer.status).toBe(400)
    expect(answer.text).toBe('')
  })
})

describe('error mapping inside Next.js', () => {
  it.each(['/api/boom', '/api/legacy/boom'])('answers %s with a generic 500 problem that leaks nothing', async (path) => {
    const answer = await call('GET', path)
    expect(answer.status).toBe(500)
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
    expect(answer.json()).toEqual({ type: 'about:blank', title: 'Internal Server Error', status: 500, code: 'internal_server_error' })
    expect(answer.text).not.toContain('hunter2')
  })

  it('answers a missing note with a 404 problem', async () => {
    const answer = await call('GET', '/api/notes/99999')
    expect(answer.status).toBe(404)
    expect(answer.json()).toMatchObject({ status: 404, detail: 'There is no note 99999.' })
  })
})

describe('the Edge runtime route', () => {
  it('validates the query and the body there too', async () => {
    expect((await call('GET', '/api/edge?name=Ada')).json()).toEqual({ greeting: 'Hello, Ada!', runtime: 'edge' })
    const sum = await call('POST', '/api/edge', { headers: { 'content-type': 'application/json' }, body: '{"numbers":[1,2,3]}' })
    expect(sum.json()).toEqual({ sum: 6 })
    const bad = await call('POST', '/api/edge', { headers: { 'content-type': 'application/json' }, body: '{"numbers":"x"}' })
    expect(bad.status).toBe(422)
    expect(bad.json().errors[0]).toMatchObject({ in: 'body', path: ['numbers'] })
    const malformed = await call('POST', '/api/edge', { headers: { 'content-type': 'application/json' }, body: '{"a":' })
    expect(malformed.status).toBe(400)
  })
})
