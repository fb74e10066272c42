import { describe, expect, it } from 'vitest'
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
