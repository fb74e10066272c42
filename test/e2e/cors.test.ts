import { describe, expect, it } from 'vitest'
import { corsOrigins } from '../../examples/next-app/lib/cors-origins.js'
import { bearer, call } from './client.js'

// The notes API allows the origins in CORS_ORIGINS (default
// http://localhost:5173): a browser on one of them sends these requests.
const allowed = corsOrigins[0]!
const other = 'https://evil.example.net'

const routes = [
  { router: 'App', path: '/api/notes', allow: 'GET, HEAD, POST, OPTIONS', unsafe: 'POST', missing: 'DELETE', refusal: 401 },
  { router: 'App, dynamic', path: '/api/notes/1', allow: 'GET, HEAD, PATCH, DELETE, OPTIONS', unsafe: 'PATCH', missing: 'PUT', refusal: 401 },
  // Cookie-session writes: a cross-origin write without credentials is refused
  // by the same-origin check (cookie or not) before authentication.
  { router: 'Pages, dynamic', path: '/api/legacy/notes/1', allow: 'GET, HEAD, PUT, OPTIONS', unsafe: 'PUT', missing: 'DELETE', refusal: 403 },
]

const preflight = (path: string, origin: string, method: string) =>
  call('OPTIONS', path, {
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': 'authorization,content-type' },
  })

describe.each(routes)('CORS on $path ($router router, under next start)', ({ path, allow, unsafe, missing, refusal }) => {
  it('grants a preflight from an allowed origin the route’s own methods', async () => {
    const answer = await preflight(path, allowed, unsafe)
    expect(answer.status).toBe(204)
    expect(answer.headers.get('access-control-allow-origin')).toBe(allowed)
    expect(answer.headers.get('access-control-allow-methods')).toBe(allow)
    expect(answer.headers.get('access-control-allow-headers')).toBe('authorization, content-type')
    expect(answer.headers.get('access-control-max-age')).toBe('600')
    expect(answer.headers.get('access-control-allow-credentials')).toBeNull()
    expect(answer.headers.get('vary')).toContain('Origin')
  })

  it('answers a preflight from another origin, or for a missing method, as a plain OPTIONS', async () => {
    for (const answer of [await preflight(path, other, unsafe), await preflight(path, allowed, 'PROPPATCH')]) {
      expect(answer.status).toBe(204)
      expect(answer.headers.get('allow')).toBe(allow)
      expect(answer.headers.get('access-control-allow-origin')).toBeNull()
      expect(answer.headers.get('access-control-allow-methods')).toBeNull()
    }
  })

  it('lets the allowed origin read a GET, and not another origin', async () => {
    const answer = await call('GET', path, { headers: { origin: allowed } })
    expect(answer.status).toBe(200)
    expect(answer.headers.get('access-control-allow-origin')).toBe(allowed)
    expect(answer.headers.get('access-control-expose-headers')).toBe('location')
    expect(answer.headers.get('vary')).toContain('Origin')
    const refused = await call('GET', path, { headers: { origin: other } })
    expect(refused.status).toBe(200)
    expect(refused.headers.get('access-control-allow-origin')).toBeNull()
    expect(refused.headers.get('vary')).toContain('Origin')
  })

  it('adds the headers to error answers: a 405 from the method guard and a 401 or 403', async () => {
    const refused = await call(missing, path, { headers: { origin: allowed } })
    expect(refused.status).toBe(405)
    expect(refused.headers.get('allow')).toBe(allow)
    expect(refused.headers.get('access-control-allow-origin')).toBe(allowed)
    const unauthenticated = await call(unsafe, path, { headers: { origin: allowed, 'content-type': 'application/json' }, body: '{"text":"x"}' })
    expect(unauthenticated.status).toBe(refusal)
    if (refusal === 401) expect(unauthenticated.headers.get('www-authenticate')).not.toBeNull()
    else expect(unauthenticated.json().code).toBe('csrf_rejected')
    expect(unauthenticated.headers.get('access-control-allow-origin')).toBe(allowed)
  })
})

describe('a cross-origin write on the App Router', () => {
  it('creates a note with a bearer token and exposes its Location', async () => {
    const headers = { origin: allowed, 'content-type': 'application/json', ...(await bearer()) }
    const created = await call('POST', '/api/notes', { headers, body: '{"text":"from another origin","tags":[]}' })
    expect(created.status).toBe(201)
    expect(created.headers.get('access-control-allow-origin')).toBe(allowed)
    expect(created.headers.get('access-control-expose-headers')).toBe('location')
    expect(created.headers.get('location')).toBe(`/api/notes/${created.json().id}`)
  })
})
