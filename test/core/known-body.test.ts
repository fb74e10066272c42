import { describe, expect, it } from 'vitest'
import { responseWithText } from '../../src/core/known-body.js'
import { json } from '../../src/index.js'

// routekit's own JSON answers read their text directly; what a reader sees
// must be what a plain Response with the same text shows.
const pair = (value: unknown) => [json(value, { status: 201 }), new Response(JSON.stringify(value), { status: 201, headers: { 'content-type': 'application/json' } })] as const

describe('a routekit-made body reads as a plain Response does', () => {
  it('text, json, arrayBuffer and bytes give the same values', async () => {
    const value = { name: 'pen', note: 'é ✓ 😀' }
    for (const read of ['text', 'json', 'arrayBuffer', 'bytes'] as const) {
      const [kit, plain] = pair(value)
      const got = await (kit[read] as () => Promise<unknown>).call(kit)
      const want = await (plain[read] as () => Promise<unknown>).call(plain)
      if (got instanceof ArrayBuffer) expect(new Uint8Array(got)).toEqual(new Uint8Array(want as ArrayBuffer))
      else expect(got).toEqual(want)
      expect(kit.bodyUsed).toBe(true)
    }
  })

  it('a second read fails as undici fails it, and so does clone() after a read', async () => {
    const [kit, plain] = pair({ a: 1 })
    await kit.text()
    await plain.text()
    const kitError = await kit.json().catch((error: unknown) => error)
    const plainError = await plain.json().catch((error: unknown) => error)
    expect(kitError).toBeInstanceOf(TypeError)
    expect((kitError as Error).message).toBe((plainError as Error).message)
    expect(() => kit.clone()).toThrow(TypeError)
    expect(kit.body?.locked ?? true).toBe(true)
  })

  it('body, blob and formData build the body; a read after them still works once', async () => {
    const [kit] = pair({ a: 1 })
    const reader = kit.body!.getReader()
    const chunks: Uint8Array[] = []
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      chunks.push(value)
    }
    expect(new TextDecoder().decode(Buffer.concat(chunks))).toBe('{"a":1}')
    expect(kit.bodyUsed).toBe(true)
    const blob = await json({ a: 1 }).blob()
    expect(blob.type).toBe('application/json')
    expect(await blob.text()).toBe('{"a":1}')
  })

  it('clone() before a read gives two readable bodies with the same headers', async () => {
    const kit = json({ a: 1 })
    kit.headers.set('x-late', 'yes')
    const copy = kit.clone()
    expect(await copy.json()).toEqual({ a: 1 })
    expect(await kit.json()).toEqual({ a: 1 })
    expect(copy.headers.get('x-late')).toBe('yes')
  })

  it('text that UTF-8 changes is read through undici, as before', async () => {
    const lone = json('\ud800')
    expect(await lone.text()).toBe(await new Response(JSON.stringify('\ud800')).text())
  })
})

// What a reader sees through `body` (the stream routekit makes itself) and
// everything after it, run on a routekit answer and on a plain Response.
const sides = (text = '{"a":1}') => [responseWithText(text, { status: 200, headers: { 'content-type': 'application/json' } }), new Response(text, { status: 200, headers: { 'content-type': 'application/json' } })] as const

/** A scenario's outcome, with errors as their class and message. */
async function outcome(run: () => unknown): Promise<unknown> {
  try {
    const value = await run()
    if (value instanceof ArrayBuffer) return { bytes: [...new Uint8Array(value)] }
    if (value instanceof Uint8Array) return { bytes: [...value] }
    if (value instanceof Blob) return { blob: value.type, text: await value.text() }
    return { value }
  } catch (error) {
    return { error: (error as Error).constructor.name, message: (error as Error).message }
  }
}

async function drain(stream: ReadableStream<Uint8Array> | null): Promise<number[]> {
  const bytes: number[] = []
  for await (const chunk of stream ?? []) bytes.push(...chunk)
  return bytes
}

/** Runs `steps` on both sides and expects the same outcomes, step by step. */
async function same(steps: ((response: Response) => unknown)[], text?: string): Promise<void> {
  const [kit, plain] = sides(text)
  for (const [index, step] of steps.entries()) {
    const got = await outcome(() => step(kit))
    const want = await outcome(() => step(plain))
    expect({ index, ...(got as object) }).toEqual({ index, ...(want as object) })
  }
}

const used = (response: Response) => response.bodyUsed
const reads = ['text', 'json', 'arrayBuffer', 'bytes', 'blob', 'formData'] as const

describe('a routekit-made body read as a stream behaves as a plain Response', () => {
  it('gives the same bytes, the same stream each time, and bodyUsed once read', async () => {
    await same([used, (r) => r.body === r.body, used, (r) => drain(r.body), used, (r) => r.body?.locked])
    for (const text of ['\ufeff{}', '"\ud800"', 'é ✓ 😀']) await same([(r) => drain(r.body), used], text)
  })

  it('every read after the stream was read fails as undici fails it', async () => {
    for (const read of [...reads, 'clone'] as const) {
      await same([(r) => drain(r.body), (r) => (r[read] as () => unknown).call(r), used])
    }
  })

  it('body taken but not read: every read still works once, then fails', async () => {
    const taken = new WeakMap<Response, unknown>()
    for (const read of reads) {
      const steps = [(r: Response) => taken.set(r, r.body) && null, used, (r: Response) => (r[read] as () => unknown).call(r), used, (r: Response) => r.text()]
      // The stream handed out is the one read, and stays the body.
      await same([...steps, (r) => r.body === taken.get(r) && r.body?.locked])
    }
  })

  it('a locked stream is not used, but nothing else can read it', async () => {
    await same([(r) => r.body!.getReader() !== undefined, used, (r) => r.text(), (r) => r.clone(), used])
  })

  it('a read, a cancel or a partial byob read marks it used at once', async () => {
    await same([(r) => void r.body!.getReader().read(), used])
    await same([(r) => void r.body!.cancel(), used, (r) => r.text()])
    await same([(r) => r.body!.getReader({ mode: 'byob' }).read(new Uint8Array(2)).then(({ value }) => [...value!]), used, (r) => r.text()])
    await same([(r) => void r.body!.tee(), used, (r) => r.text()])
  })

  it('clone() after body was taken but not read tees it, as undici does', async () => {
    const [kit, plain] = sides()
    for (const response of [kit, plain]) {
      const before = response.body!
      response.headers.set('x-late', 'yes')
      const copy = response.clone()
      expect(before.locked).toBe(true)
      expect(response.body).not.toBe(before)
      expect(copy.headers.get('x-late')).toBe('yes')
      expect(await copy.text()).toBe('{"a":1}')
      expect(response.bodyUsed).toBe(false)
      expect(await response.json()).toEqual({ a: 1 })
      expect(response.bodyUsed).toBe(true)
    }
  })

  it('a stream handed to another Response is read there, and counts as used here', async () => {
    await same([(r) => new Response(r.body).text(), used, (r) => r.text()])
  })

  it('empty text streams as undici streams it', async () => {
    await same([(r) => drain(r.body), used, (r) => r.text()], '')
    await same([(r) => r.body !== null, (r) => r.text(), used], '')
  })
})

// Their headers are added to undici's `Headers` only when first read, so
// every way of reading them must find them there.
describe('the headers of a routekit-made answer read as a plain Response’s do', () => {
  const same = (kit: Response, plain: Response) => expect([...kit.headers]).toEqual([...plain.headers])

  it('are there through get, has, iteration and forEach, and stay one object', () => {
    const [kit, plain] = pair({ a: 1 })
    expect(kit.headers.get('content-type')).toBe('application/json')
    expect(kit.headers.has('Content-Type')).toBe(true)
    same(kit, plain)
    const seen: string[] = []
    kit.headers.forEach((value, name) => seen.push(`${name}: ${value}`))
    expect(seen).toEqual(['content-type: application/json'])
    expect(kit.headers).toBe(kit.headers)
  })

  it('take a header a middleware sets, and lose one it deletes, like any Response', () => {
    const [kit, plain] = pair({ a: 1 })
    for (const response of [kit, plain]) {
      response.headers.set('x-trace', '7')
      response.headers.append('set-cookie', 'a=1')
    }
    same(kit, plain)
    kit.headers.delete('content-type')
    expect(kit.headers.get('content-type')).toBeNull()
  })

  it('are copied by new Headers(), new Response(body, response) and clone()', async () => {
    const [kit, plain] = pair({ a: 1 })
    expect([...new Headers(kit.headers)]).toEqual([...new Headers(plain.headers)])
    const copy = new Response('x', kit)
    expect(copy.status).toBe(201)
    expect(copy.headers.get('content-type')).toBe('application/json')
    const [fresh] = pair({ b: 2 })
    expect(fresh.clone().headers.get('content-type')).toBe('application/json')
    expect(await fresh.json()).toEqual({ b: 2 })
  })

  it('come with json()’s own init headers, the caller’s taking precedence', () => {
    const answer = json({ a: 1 }, { status: 200, headers: { 'cache-control': 'no-store', 'content-type': 'application/vnd.api+json' } })
    expect([...answer.headers]).toEqual([
      ['cache-control', 'no-store'],
      ['content-type', 'application/vnd.api+json'],
    ])
  })
})
