import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler, type RequestHandler, type RouteSpec } from '../../src/index.js'
import { generateOpenApi } from '../../src/openapi/index.js'
import { routers, send } from '../routers.js'

// A cross-site HTML form is a CORS "simple" request: accepting forms by
// default lets any page post to a JSON API without a preflight. So a body
// schema takes JSON unless the route lists other formats.
const Note = z.object({ text: z.string() })
const jsonOnly = createHandler().post({ body: Note }, ({ body }) => body)
const formOnly = createHandler().post({ body: Note, accepts: ['form'] }, ({ body }) => body)
const either = createHandler().post({ body: Note, accepts: ['json', 'form', 'multipart'] }, ({ body }) => body)

const asJson = { headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' }
const asForm = { headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=hi' }
const multipart = async () => {
  const encoded = new Response((() => { const form = new FormData(); form.append('text', 'hi'); return form })())
  return { headers: { 'content-type': encoded.headers.get('content-type')! }, body: new Uint8Array(await encoded.arrayBuffer()) }
}

describe.each(routers)('accepts (%s router)', (router) => {
  const post = (handler: RequestHandler, sent: { headers: Record<string, string>; body: string | Uint8Array }) =>
    send(router, handler, { method: 'POST', ...sent })

  it('takes JSON only by default: a form or multipart body is 415 naming JSON', async () => {
    expect((await post(jsonOnly, asJson)).json()).toEqual({ text: 'hi' })
    for (const sent of [asForm, await multipart()]) {
      const answer = await post(jsonOnly, sent)
      expect(answer.status).toBe(415)
      expect(answer.headers.get('content-type')).toBe('application/problem+json')
      expect(answer.json()).toMatchObject({ code: 'unsupported_media_type', detail: 'Send application/json.' })
    }
  })

  it('takes exactly the formats a route lists', async () => {
    expect((await post(formOnly, asForm)).json()).toEqual({ text: 'hi' })
    const json = await post(formOnly, asJson)
    expect(json.status).toBe(415)
    expect(json.json().detail).toBe('Send application/x-www-form-urlencoded.')
    for (const sent of [asJson, asForm, await multipart()]) expect((await post(either, sent)).json()).toEqual({ text: 'hi' })
    const other = await post(either, { headers: { 'content-type': 'text/plain' }, body: 'hi' })
    expect(other.status).toBe(415)
    expect(other.json().detail).toBe('Send application/json, application/x-www-form-urlencoded or multipart/form-data.')
  })

  it('refuses a form body sent without a Content-Type to a JSON route', async () => {
    const answer = await send(router, jsonOnly, { method: 'POST', body: 'text=hi' })
    expect(answer.status).toBe(415)
  })
})

describe('accepts configuration', () => {
  it.each([
    ['an empty list', { body: Note, accepts: [] }, /`accepts` lists body formats/],
    ['an unknown format', { body: Note, accepts: ['xml'] }, /`accepts` has "xml" that is neither a body format \('json', 'form', 'multipart', 'text', 'bytes'\) nor a media type/],
    ['a string instead of a list', { body: Note, accepts: 'form' }, /`accepts` lists body formats/],
    ['no body schema', { accepts: ['form'] }, /`accepts` needs a `body` schema/],
  ])('refuses %s when the route is defined', (_, spec, message) => {
    expect(() => createHandler().post(spec as RouteSpec, () => 1)).toThrow(message)
  })

  it('is typed: only the known formats compile', () => {
    // @ts-expect-error: 'xml' is not a body format routekit parses
    expect(() => createHandler().post({ body: Note, accepts: ['xml'] }, () => 1)).toThrow(TypeError)
  })
})

describe('OpenAPI documents exactly what each route accepts', () => {
  it('lists one media type per accepted format, JSON alone by default', () => {
    const document = generateOpenApi({ info: { title: 'T', version: '1' }, routes: { '/json': jsonOnly, '/form': formOnly, '/either': either } })
    const contentOf = (path: string) => Object.keys((document.paths[path] as any).post.requestBody.content)
    expect(contentOf('/json')).toEqual(['application/json'])
    expect(contentOf('/form')).toEqual(['application/x-www-form-urlencoded'])
    expect(contentOf('/either')).toEqual(['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'])
  })
})
