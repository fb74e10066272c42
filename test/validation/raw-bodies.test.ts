import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler, handlerWide, type Middleware } from '../../src/index.js'
import { routers, send } from '../routers.js'
import { expectProblem } from '../security/expect-problem.js'

const bytesSchema = z.instanceof(Uint8Array)

describe.each(routers)('text and raw-bytes bodies on the %s router', (router) => {
  const post = (headers: Record<string, string>, body: string | Uint8Array) => ({ method: 'POST', headers, body })

  it("takes text/plain as a string with accepts: ['text']", async () => {
    const handler = createHandler().post({ body: z.string().max(20), accepts: ['text'] }, ({ body }) => ({ text: body, length: body.length }))
    const answer = await send(router, handler, post({ 'content-type': 'text/plain; charset=utf-8' }, 'héllo'))
    expect(answer.json()).toEqual({ text: 'héllo', length: 5 })
    expect((await send(router, handler, post({ 'content-type': 'text/plain; charset=us-ascii' }, 'plain'))).status).toBe(200)
    const latin1 = await send(router, handler, post({ 'content-type': 'text/plain; charset=iso-8859-1' }, 'x'))
    expect(expectProblem(latin1, 415, { code: 'unsupported_media_type' }).detail).toBe('Text bodies must be UTF-8, not iso-8859-1.')
    expectProblem(await send(router, handler, post({ 'content-type': 'text/plain' }, new Uint8Array([0xff, 0xfe]))), 400, { code: 'invalid_utf8' })
    expectProblem(await send(router, handler, post({ 'content-type': 'text/plain' }, 'x'.repeat(21))), 422, { code: 'validation_failed' })
  })

  it("takes application/octet-stream as a plain Uint8Array with accepts: ['bytes']", async () => {
    const handler = createHandler().post({ body: bytesSchema, accepts: ['bytes'] }, ({ body }) => ({
      plain: body.constructor === Uint8Array && body.byteOffset === 0,
      bytes: [...body],
    }))
    const answer = await send(router, handler, post({ 'content-type': 'application/octet-stream' }, new Uint8Array([0, 1, 254, 255])))
    expect(answer.json()).toEqual({ plain: true, bytes: [0, 1, 254, 255] })
  })

  it('takes a media type the route names: text/* as a string, anything else as bytes', async () => {
    const handler = createHandler()
      .post({ body: z.union([z.string(), bytesSchema]), accepts: ['text/csv', 'image/png'] }, ({ body }) => ({ kind: typeof body === 'string' ? 'text' : 'bytes' }))
    expect((await send(router, handler, post({ 'content-type': 'Text/CSV; charset=utf-8' }, 'a,b'))).json()).toEqual({ kind: 'text' })
    expect((await send(router, handler, post({ 'content-type': 'image/png' }, new Uint8Array([137, 80])))).json()).toEqual({ kind: 'bytes' })
    const refused = await send(router, handler, post({ 'content-type': 'application/json' }, '{}'))
    expect(expectProblem(refused, 415).detail).toBe('Send text/csv or image/png.')
  })

  it('applies the same limits: 413 from Content-Length and while streaming, 415 without a Content-Type', async () => {
    const handler = createHandler().post({ body: bytesSchema, accepts: ['bytes'], bodyLimit: 8 }, () => ({ ok: true }))
    expectProblem(await send(router, handler, post({ 'content-type': 'application/octet-stream' }, new Uint8Array(9))), 413, { code: 'body_too_large' })
    expectProblem(await send(router, handler, post({ 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' }, new Uint8Array(9))), 413, {
      code: 'body_too_large',
    })
    expectProblem(await send(router, handler, post({}, new Uint8Array(4))), 415, { code: 'unsupported_media_type' })
  })

  it('lets a middleware read the exact bytes of a JSON body that the route then parses, reading it once', async () => {
    const seen: string[] = []
    const signed: Middleware = async ({ rawBody, next }) => {
      seen.push(new TextDecoder().decode(await rawBody()))
      seen.push(String((await rawBody()).byteLength)) // a second ask gets the same bytes
      return next()
    }
    const handler = createHandler().use(signed).post({ body: z.object({ a: z.number() }) }, ({ body }) => body)
    const sent = '{ "a" :  1 }'
    const answer = await send(router, handler, post({ 'content-type': 'application/json' }, sent))
    expect(answer.json()).toEqual({ a: 1 })
    expect(seen).toEqual([sent, String(sent.length)])
  })

  it("gives rawBody() the route's rules: its limit and its media types", async () => {
    const reader: Middleware = async ({ rawBody, next }) => {
      await rawBody()
      return next()
    }
    const handler = createHandler().use(reader).post({ body: z.unknown(), bodyLimit: 4 }, () => ({ ok: true }))
    expectProblem(await send(router, handler, post({ 'content-type': 'application/json' }, '[1,2,3]')), 413, { code: 'body_too_large' })
    expectProblem(await send(router, handler, post({ 'content-type': 'text/plain' }, '1')), 415, { code: 'unsupported_media_type' })
    // No body: an empty array, and the route's schema decides.
    expect((await send(router, handler, { method: 'POST' })).status).toBe(200)
  })

  it('answers 500 when a handler-wide middleware asks for rawBody(): no route, so no body rules, yet', async () => {
    const early = handlerWide(async ({ rawBody, next }) => {
      await rawBody()
      return next()
    })
    const handler = createHandler({ dev: true }).use(early).post(() => ({ ok: true }))
    const answer = await send(router, handler, post({ 'content-type': 'application/json' }, '{}'))
    expect(expectProblem(answer, 500).detail).toContain('rawBody() is for route middleware')
  })
})

describe('accepts', () => {
  it('refuses entries that are neither formats nor media types, and media types a format already names', () => {
    const route = (accepts: unknown) => () => createHandler().post({ body: z.unknown(), accepts: accepts as never }, () => null)
    expect(route(['xml'])).toThrow('`accepts` has "xml" that is neither a body format')
    expect(route(['image/*'])).toThrow('neither a body format')
    expect(route(['text/plain; charset=utf-8'])).toThrow('neither a body format')
    expect(route(['Text/Plain'])).toThrow("`accepts` names Text/Plain: write 'text'.")
    expect(route(['application/octet-stream'])).toThrow("write 'bytes'")
    expect(route(['application/cloudevents+json'])).toThrow("'json' already takes every +json media type")
    expect(route([])).toThrow('`accepts` lists body formats')
    expect(() => createHandler().post({ accepts: ['text'] }, () => null)).toThrow('`accepts` needs a `body` schema')
  })
})
