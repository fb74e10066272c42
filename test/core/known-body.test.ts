import { describe, expect, it } from 'vitest'
import { json } from '../../src/index.js'
import { routers, send } from '../routers.js'
import { createHandler } from '../../src/index.js'

// json() and problem answers build their body stream only when someone asks
// for it (see docs/decisions.md, "Pages adapter request"): every public way
// of reading such a Response must behave like a plain Response's.

const made = () => json({ name: 'pen' }, { status: 201, headers: { 'x-made': 'yes' } })
const decode = (bytes: ArrayBuffer | Uint8Array) => new TextDecoder().decode(bytes)

describe('a Response made by json()', () => {
  it('is a Response whose body reads the same every way', async () => {
    expect(made()).toBeInstanceOf(Response)
    expect(await made().text()).toBe('{"name":"pen"}')
    expect(await made().json()).toEqual({ name: 'pen' })
    expect(decode(await made().arrayBuffer())).toBe('{"name":"pen"}')
    expect(decode(await made().bytes())).toBe('{"name":"pen"}')
    const blob = await made().blob()
    expect([blob.type, await blob.text()]).toEqual(['application/json', '{"name":"pen"}'])
    const reader = made().body!.getReader()
    let text = ''
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decode(chunk.value)
    expect(text).toBe('{"name":"pen"}')
  })

  it('is used once read, and refuses a second read like any Response', async () => {
    const response = made()
    expect(response.bodyUsed).toBe(false)
    await response.text()
    expect(response.bodyUsed).toBe(true)
    await expect(response.text()).rejects.toBeInstanceOf(TypeError)
    expect(() => response.clone()).toThrow(TypeError)
  })

  it('clones with its status, headers (also those added later) and body', async () => {
    const response = made()
    response.headers.append('x-later', '1')
    const copy = response.clone()
    expect([copy.status, copy.headers.get('x-made'), copy.headers.get('x-later')]).toEqual([201, 'yes', '1'])
    expect(await copy.json()).toEqual({ name: 'pen' })
    expect(await response.json()).toEqual({ name: 'pen' })
  })

  it('keeps headers a middleware added after it was made when the body is read as a stream', async () => {
    const response = made()
    response.headers.set('x-later', '1')
    const rewrapped = new Response(response.body, response)
    expect(rewrapped.headers.get('x-later')).toBe('1')
    expect(await rewrapped.text()).toBe('{"name":"pen"}')
  })

  it('json() with a bodiless status still fails as Fetch requires', () => {
    expect(() => json({ a: 1 }, { status: 204 })).toThrow(TypeError)
  })
})

describe.each(routers)('routekit-made answers on the %s router', (router) => {
  it('arrive whole, with their headers, when a middleware read the body first', async () => {
    const handler = createHandler()
      .use(async ({ next }) => {
        const result = await next()
        return new Response(await result.response.clone().text(), result.response)
      })
      .get(() => ({ ok: true }))
    const answer = await send(router, handler)
    expect([answer.status, answer.headers.get('content-type'), answer.json()]).toEqual([200, 'application/json', { ok: true }])
  })
})

describe.each(routers)('a json() answer whose body was built before a header was added, on the %s router', (router) => {
  it('keeps that header when an outer middleware clones the response', async () => {
    const handler = createHandler()
      // Outermost: copies the answer through clone(), as logging or caching middleware does.
      .use(async ({ next }) => {
        const copy = (await next()).response.clone()
        return new Response(await copy.text(), copy)
      })
      // A session-like middleware sets its cookie on the way out.
      .use(async ({ next }) => {
        const result = await next()
        result.response.headers.append('set-cookie', 'sid=1; Path=/')
        return result
      })
      // Innermost: touching `body` is what builds the real body early.
      .use(async ({ next }) => {
        const result = await next()
        void result.response.body
        return result
      })
      .get(() => ({ ok: true }))
    const answer = await send(router, handler)
    expect([answer.status, answer.headers.get('set-cookie'), answer.json()]).toEqual([200, 'sid=1; Path=/', { ok: true }])
  })
})
