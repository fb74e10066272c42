import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { generateOpenApi } from '../../src/openapi/index.js'
import { rateLimit } from '../../src/rate-limit/index.js'
import { send } from '../routers.js'
import { unresolvedRefs } from './refs.js'

// A limited route documents the 429 it answers and the headers it sends,
// so a client knows to read `Retry-After` and a contract test does not
// take the rate-limit fields for undocumented headers.
const info = { title: 'Test API', version: '1.0.0' }
const key = () => 'client'
const limited = (options: Partial<Parameters<typeof rateLimit>[0]> = {}) =>
  createHandler()
    .use(rateLimit({ name: 'writes', key, limit: 1, window: '1m', ...options }))
    .post({ body: z.object({ text: z.string() }), responses: { 201: z.object({ id: z.int() }) } }, () => new Response('{"id":1}', { status: 201 }))
const operationOf = (handler: ReturnType<typeof limited>) => generateOpenApi({ info, routes: { '/api/notes': handler } }).paths['/api/notes']!.post!
const headerNames = (response: unknown) => Object.keys((response as { headers?: object }).headers ?? {})

describe('rateLimit() in the OpenAPI document', () => {
  const operation = operationOf(limited())

  it('documents its 429 as a problem with status 429, Retry-After and the quota fields', () => {
    const tooMany = operation.responses['429'] as Record<string, any>
    expect(tooMany.content['application/problem+json'].schema.allOf[1]).toEqual({ type: 'object', properties: { status: { const: 429 } } })
    expect(headerNames(tooMany)).toEqual(['Retry-After', 'RateLimit', 'RateLimit-Policy'])
    expect(tooMany.headers['Retry-After'].schema).toEqual({ type: 'integer', minimum: 1 })
  })

  it('lists the quota fields on every answer, Retry-After only on the 429', () => {
    for (const [status, response] of Object.entries(operation.responses)) {
      expect(headerNames(response), status).toEqual(status === '429' ? ['Retry-After', 'RateLimit', 'RateLimit-Policy'] : ['RateLimit', 'RateLimit-Policy'])
    }
    // Written out, since a reference cannot carry headers; the document stays whole.
    const document = generateOpenApi({ info, routes: { '/api/notes': limited() } })
    expect(document.components.responses).toEqual({})
    expect(unresolvedRefs(document)).toEqual([])
  })

  it('follows the header mode and the store failure mode', () => {
    expect(headerNames(operationOf(limited({ headers: 'legacy' })).responses['201'])).toEqual(['RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'])
    expect(headerNames(operationOf(limited({ headers: false })).responses['201'])).toEqual([])
    const closed = operationOf(limited({ onStoreError: 'closed' }))
    expect(headerNames(closed.responses['503'])).toContain('Retry-After')
  })

  it('matches what the route sends', async () => {
    const handler = limited()
    const request = { method: 'POST', path: '/api/notes', headers: { 'content-type': 'application/json' }, body: '{"text":"a"}' }
    const first = await send('app', handler, request)
    expect(first.status).toBe(201)
    expect(first.headers.get('ratelimit-policy')).toBe('"writes";q=1;w=60')
    const second = await send('app', handler, request)
    expect(second.status).toBe(429)
    expect(second.headers.get('content-type')).toBe('application/problem+json')
    expect(second.json().status).toBe(429)
    for (const name of headerNames(operation.responses['429'])) expect(second.headers.has(name), name).toBe(true)
  })
})
