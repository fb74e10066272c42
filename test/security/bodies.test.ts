import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { toAppRoute } from '../../src/adapters/app.js'
import { createHandler } from '../../src/index.js'
import { jwt } from '../../src/jwt/index.js'
import { request } from '../helpers.js'
import { secret } from '../jwt/fixtures.js'
import { routers, send } from '../routers.js'
import { expectProblem } from './expect-problem.js'

// docs/security-cases.md, request bodies and query strings.
const Item = z.object({ name: z.string(), qty: z.int().optional() })
let handlerSaw: unknown
const items = createHandler()
  .get({ query: z.object({ limit: z.coerce.number() }) }, ({ query }) => query)
  .post({ body: Item, accepts: ['json', 'form'] }, ({ body }) => {
    handlerSaw = body
    return body
  })
const post = (body: string | Uint8Array, headers: Record<string, string> = { 'content-type': 'application/json' }) => ({
  method: 'POST',
  headers,
  body,
})
const MiB = 1024 * 1024

describe.each(routers)('bodies (%s router)', (router) => {
  it('N4: a Content-Length one byte over the limit is 413 before the body is read', async () => {
    const answer = await send(router, items, post('{"name":"x"}', { 'content-type': 'application/json', 'content-length': String(MiB + 1) }))
    expectProblem(answer, 413, { code: 'body_too_large' })
  })

  it('N6: an unauthenticated 5 MB POST is 401 without reading the body', async () => {
    const guarded = createHandler().use(jwt({ secret, algorithms: ['HS256'] })).post({ body: Item }, () => 'never')
    const answer = await send(router, guarded, post(`{"name":"${'x'.repeat(5 * MiB)}"}`))
    expectProblem(answer, 401, { code: 'missing_token' })
  })

  it('N7: the body {"a": is 400', async () => {
    expectProblem(await send(router, items, post('{"a":')), 400, { code: 'malformed_json' })
  })

  it('N8: no Content-Type, text/plain, or JSON declared latin1 is 415', async () => {
    for (const headers of [{}, { 'content-type': 'text/plain' }, { 'content-type': 'application/json; charset=latin1' }] as Record<string, string>[]) {
      expectProblem(await send(router, items, post('{"name":"x"}', headers)), 415, { code: 'unsupported_media_type' })
    }
  })

  it('N9: Application/JSON; Charset=UTF-8 is accepted', async () => {
    expect((await send(router, items, post('{"name":"x"}', { 'content-type': 'Application/JSON; Charset=UTF-8' }))).status).toBe(200)
  })

  it('N10: a gzip-encoded body is 415 with Accept-Encoding', async () => {
    const answer = await send(router, items, post(new Uint8Array([0x1f, 0x8b, 8, 0]), { 'content-type': 'application/json', 'content-encoding': 'gzip' }))
    expectProblem(answer, 415, { code: 'unsupported_media_type', headers: { 'accept-encoding': 'identity' } })
  })

  it('N11: invalid UTF-8 bytes inside a JSON string are 400', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"name":"'), 0xff, 0xfe, ...new TextEncoder().encode('"}')])
    expectProblem(await send(router, items, post(bytes)), 400, { code: 'invalid_utf8' })
  })

  it('N13: an extra isAdmin field is stripped; the handler never sees it', async () => {
    handlerSaw = undefined
    expect((await send(router, items, post('{"name":"x","isAdmin":true}'))).json()).toEqual({ name: 'x' })
    expect(handlerSaw).toEqual({ name: 'x' })
  })

  it('N15: 1e400, 9007199254740993 for a safe integer, and top-level null or [] are 422', async () => {
    for (const body of ['{"name":"x","qty":1e400}', '{"name":"x","qty":9007199254740993}', 'null', '[]']) {
      const problem = expectProblem(await send(router, items, post(body)), 422, { code: 'validation_failed' })
      expect(problem.errors).toEqual(expect.arrayContaining([expect.objectContaining({ in: 'body' })]))
    }
  })

  it('N16: "a\\u0000b" and a lone surrogate pass through without a crash', async () => {
    for (const body of ['{"name":"a\\u0000b"}', '{"name":"\\ud800"}']) expect((await send(router, items, post(body))).status).toBe(200)
  })

  it('Q2: ?limit= against z.coerce.number() is 400, not 0', async () => {
    const problem = expectProblem(await send(router, items, { path: '/api/items?limit=' }), 400, { code: 'validation_failed' })
    expect(problem.errors).toEqual([expect.objectContaining({ in: 'query', path: ['limit'] })])
  })

  // Cases the list lacks.
  it('N17 (added): __proto__ and constructor.prototype keys are 400, in JSON and in forms', async () => {
    expectProblem(await send(router, items, post('{"name":"x","__proto__":{"isAdmin":true}}')), 400, { code: 'forbidden_key' })
    expectProblem(await send(router, items, post('{"name":"x","constructor":{"prototype":{"isAdmin":true}}}')), 400, { code: 'forbidden_key' })
    const form = await send(router, items, post('name=x&__proto__=y', { 'content-type': 'application/x-www-form-urlencoded' }))
    expectProblem(form, 400, { code: 'forbidden_key' })
  })

  it('N18 (added): JSON nested 10 000 deep is 400, not a stack overflow', async () => {
    expectProblem(await send(router, items, post(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)), 400, { code: 'too_deep' })
  })

  it('Q3 (added): ?limit=1&limit=2 against a scalar is 400, never first or last', async () => {
    expectProblem(await send(router, items, { path: '/api/items?limit=1&limit=2' }), 400, { code: 'validation_failed' })
  })
})

describe('N4 on the wire: a chunked body is cut off at the limit', () => {
  it('stops reading a body that never ends, right after the limit', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 64 * 1024
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20))
      },
    })
    const answer = await toAppRoute(items).POST(
      request('POST', '/api/items', { body: endless, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit),
    )
    expect(answer.status).toBe(413)
    expect(pulled).toBeLessThan(MiB + 4 * 64 * 1024)
  })
})
