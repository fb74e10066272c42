import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler } from '../../src/index.js'
import { routers, send } from '../routers.js'

const NewItem = z.object({ name: z.string().min(1), qty: z.int().positive().default(1) })
const items = createHandler().post({ body: NewItem }, ({ body }) => ({ received: body }))
const json = (body: string, type = 'application/json') => ({
  method: 'POST',
  headers: { 'content-type': type },
  body,
})

describe.each(routers)('JSON bodies (%s router)', (router) => {
  it('parses, validates and transforms a JSON body', async () => {
    const response = await send(router, items, json('{"name":"pen"}'))
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ received: { name: 'pen', qty: 1 } })
  })

  it('accepts +json types and matches media type and charset case-insensitively', async () => {
    for (const type of ['application/merge-patch+json', 'Application/JSON; Charset=UTF-8', 'application/json;charset="utf-8"']) {
      const response = await send(router, items, json('{"name":"pen"}', type))
      expect(response.status, type).toBe(200)
    }
  })

  it.each([
    ['no Content-Type', undefined],
    ['text/plain', 'text/plain'],
    ['a JSON body declared latin1', 'application/json; charset=latin1'],
    ['application/xml', 'application/xml'],
  ])('answers %s with 415 problem+json', async (_, type) => {
    const response = await send(router, items, {
      method: 'POST',
      headers: type === undefined ? {} : { 'content-type': type },
      body: '{"name":"pen"}',
    })
    expect(response.status).toBe(415)
    expect(response.json()).toMatchObject({ status: 415, code: 'unsupported_media_type' })
  })

  it('answers a compressed body with 415 and Accept-Encoding: identity', async () => {
    const response = await send(router, items, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
      body: new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]),
    })
    expect(response.status).toBe(415)
    expect(response.headers.get('accept-encoding')).toBe('identity')
  })

  it.each([
    ['truncated JSON', '{"a":', 'malformed_json'],
    ['trailing garbage', '{"name":"pen"} x', 'malformed_json'],
    ['a __proto__ key', '{"name":"pen","__proto__":{"isAdmin":true}}', 'forbidden_key'],
    ['an escaped __proto__ key', '{"name":"pen","\\u005f_proto__":{"isAdmin":true}}', 'forbidden_key'],
    ['constructor.prototype', '{"name":"pen","nested":{"constructor":{"prototype":{"x":1}}}}', 'forbidden_key'],
    ['nesting 65 deep', `{"name":"pen","deep":${'['.repeat(64)}${']'.repeat(64)}}`, 'too_deep'],
  ])('answers %s with 400 problem+json', async (_, body, code) => {
    const response = await send(router, items, json(body))
    expect(response.status).toBe(400)
    expect(response.json()).toMatchObject({ status: 400, code })
  })

  it('answers invalid UTF-8 inside a JSON string with 400', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('{"name":"'), 0xc3, 0x28, ...new TextEncoder().encode('"}')])
    const response = await send(router, items, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bytes })
    expect(response.status).toBe(400)
    expect(response.json()).toMatchObject({ code: 'invalid_utf8' })
  })

  it('accepts nesting up to the limit, which is configurable', async () => {
    const anything = z.object({ deep: z.unknown() })
    const nested = (levels: number) => `{"deep":${'['.repeat(levels - 1)}${']'.repeat(levels - 1)}}`
    const loose = createHandler().post({ body: anything }, () => 'ok')
    expect((await send(router, loose, json(nested(64)))).status).toBe(200)
    const tight = createHandler({ maxDepth: 3 }).post({ body: anything }, () => 'ok')
    expect((await send(router, tight, json(nested(3)))).status).toBe(200)
    expect((await send(router, tight, json(nested(4)))).status).toBe(400)
  })

  it('takes brackets, backslashes and the words __proto__ and constructor inside strings for what they are', async () => {
    const anything = z.object({ deep: z.unknown() })
    const tight = createHandler({ maxDepth: 3 }).post({ body: anything }, ({ body }) => body)
    const text = '{"deep":{"note":"[[[[{{{{ \\"quoted\\" constructor __proto__"}}'
    const response = await send(router, tight, json(text))
    expect(response.status).toBe(200)
    expect(response.json()).toEqual(JSON.parse(text))
  })

  it.each([
    ['1e400 for a number', '{"name":"pen","qty":1e400}', ['qty']],
    ['an unsafe integer', '{"name":"pen","qty":9007199254740993}', ['qty']],
    ['top-level null', 'null', []],
    ['a top-level array', '[]', []],
    ['a wrong type', '{"name":5}', ['name']],
  ])('answers a well-formed body that fails its schema (%s) with 422 and the issue path', async (_, body, path) => {
    const response = await send(router, items, json(body))
    expect(response.status).toBe(422)
    const problem = response.json()
    expect(problem).toMatchObject({ status: 422, title: 'Unprocessable Content', code: 'validation_failed' })
    expect(problem.errors[0]).toMatchObject({ in: 'body', path, message: expect.any(String), code: expect.any(String) })
  })

  it('answers a failing body with 400 instead when configured', async () => {
    const strict = createHandler({ invalidBodyStatus: 400 }).post({ body: NewItem }, () => 'ok')
    expect((await send(router, strict, json('{"name":""}'))).status).toBe(400)
  })

  it('strips unknown keys: the handler never sees isAdmin', async () => {
    const response = await send(router, items, json('{"name":"pen","isAdmin":true}'))
    expect(response.json()).toEqual({ received: { name: 'pen', qty: 1 } })
  })

  it('passes NUL characters and lone surrogates through without crashing', async () => {
    const text = createHandler().post({ body: z.object({ name: z.string() }) }, ({ body }) => ({ length: body.name.length }))
    for (const body of ['{"name":"a\\u0000b"}', '{"name":"\\ud800"}']) {
      const response = await send(router, text, json(body))
      expect(response.status).toBe(200)
    }
  })

  it('answers a missing body with 400 where one is required, and allows it where the schema does', async () => {
    const missing = await send(router, items, { method: 'POST', headers: { 'content-type': 'application/json' } })
    expect(missing.status).toBe(400)
    expect(missing.json()).toMatchObject({ code: 'body_required' })
    const empty = await send(router, items, json(''))
    expect(empty.status).toBe(400)
    const optional = createHandler().post({ body: NewItem.optional() }, ({ body }) => ({ given: body !== undefined }))
    expect((await send(router, optional, { method: 'POST' })).json()).toEqual({ given: false })
  })
})

describe.each(routers)('form bodies (%s router)', (router) => {
  it('parses application/x-www-form-urlencoded with repeated keys as arrays', async () => {
    const form = createHandler().post(
      { body: z.object({ name: z.string(), tag: z.array(z.string()), qty: z.coerce.number() }), accepts: ['form'] },
      ({ body }) => body,
    )
    const response = await send(router, form, json('name=two+words&tag=a&tag=b&qty=3', 'application/x-www-form-urlencoded'))
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ name: 'two words', tag: ['a', 'b'], qty: 3 })
  })

  it('parses multipart/form-data fields and files', async () => {
    const upload = createHandler().post(
      { body: z.object({ title: z.string(), file: z.instanceof(File) }), accepts: ['multipart'] },
      async ({ body }) => ({ title: body.title, file: body.file.name, type: body.file.type, text: await body.file.text() }),
    )
    const form = new FormData()
    form.append('title', 'notes')
    form.append('file', new File(['hello file'], 'notes.txt', { type: 'text/plain' }))
    const encoded = new Response(form)
    const response = await send(router, upload, {
      method: 'POST',
      headers: { 'content-type': encoded.headers.get('content-type')! },
      body: new Uint8Array(await encoded.arrayBuffer()),
    })
    expect(response.status).toBe(200)
    expect(response.json()).toEqual({ title: 'notes', file: 'notes.txt', type: 'text/plain', text: 'hello file' })
  })

  it('answers a malformed multipart body with 400', async () => {
    const upload = createHandler().post({ body: z.object({}), accepts: ['multipart'] }, () => 'ok')
    const response = await send(router, upload, json('not multipart at all', 'multipart/form-data; boundary=xyz'))
    expect(response.status).toBe(400)
    expect(response.json()).toMatchObject({ code: 'malformed_multipart' })
  })
})

describe('a ZodError thrown by the handler’s own code', () => {
  it('is a 500, not a validation response', async () => {
    const api = createHandler({ dev: false }).get(() => z.object({ a: z.string() }).parse({}))
    const response = await send('app', api)
    expect(response.status).toBe(500)
    expect(response.json()).not.toHaveProperty('errors')
  })
})
