import { describe, expect, it } from 'vitest'
import { accepted, createHandler, created, json, noContent } from '../../src/index.js'
import { request } from '../helpers.js'

const answering = (value: unknown) => createHandler().get(() => value)

describe('handler return values', () => {
  it('sends a plain value as 200 JSON', async () => {
    const response = await answering({ items: [1, 2] }).handle(request('GET'))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(await response.json()).toEqual({ items: [1, 2] })
  })

  it('sends null, strings, numbers and arrays as JSON too', async () => {
    for (const value of [null, 'text', 0, false, [1]]) {
      const response = await answering(value).handle(request('GET'))
      expect(response.status).toBe(200)
      expect(await response.json()).toEqual(value)
    }
  })

  it('sends 204 with no body when the handler returns nothing', async () => {
    const response = await createHandler()
      .get(async () => {})
      .handle(request('GET'))
    expect(response.status).toBe(204)
    expect(response.body).toBeNull()
  })

  it('passes a Response through unchanged', async () => {
    const own = new Response('<p>hi</p>', { status: 418, headers: { 'content-type': 'text/html' } })
    const response = await answering(own).handle(request('GET'))
    expect(response).toBe(own)
  })
})

describe('response helpers', () => {
  it('json() keeps the status, headers and a content type the caller chose', async () => {
    const response = json({ a: 1 }, { status: 207, headers: { 'cache-control': 'no-store' } })
    expect(response.status).toBe(207)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(json([], { headers: { 'content-type': 'application/vnd.api+json' } }).headers.get('content-type')).toBe(
      'application/vnd.api+json',
    )
  })

  it('created() sends 201 with the body and Location', async () => {
    const response = created({ id: 7 }, '/api/items/7')
    expect(response.status).toBe(201)
    expect(response.headers.get('location')).toBe('/api/items/7')
    expect(await response.json()).toEqual({ id: 7 })
    expect(created({ id: 8 }).headers.has('location')).toBe(false)
  })

  it('accepted() sends 202 with or without a body, noContent() a bodiless 204', async () => {
    expect(accepted().status).toBe(202)
    expect(accepted().body).toBeNull()
    expect(await accepted({ job: 'j1' }).json()).toEqual({ job: 'j1' })
    const none = noContent({ headers: { 'x-deleted': '3' } })
    expect(none.status).toBe(204)
    expect(none.headers.get('x-deleted')).toBe('3')
  })
})
