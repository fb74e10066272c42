import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ClientError, createClient } from '../../src/client/index.js'
import { createHandler, created, HttpError } from '../../src/index.js'
import { jwt } from '../../src/jwt/index.js'
import { routesFetch, testToken } from '../../src/testing/index.js'

const secret = 'a-test-secret-of-at-least-32-bytes!'
const notes = new Map<string, { id: string; text: string; tags: string[]; at: Date }>()
const NewNote = z.object({ text: z.string().min(1).max(50), tags: z.array(z.string()).default([]) })
const api = createHandler()
const authed = api.use(jwt({ secret, algorithms: ['HS256'] }))

const notesHandler = api
  .get({ query: z.object({ limit: z.coerce.number().int().max(10).default(5), tag: z.array(z.string()).optional(), done: z.stringbool().optional() }) },
    ({ query }) => ({ query, notes: [...notes.values()].slice(0, query.limit) }))
  .use(jwt({ secret, algorithms: ['HS256'] }))
  .post({ body: NewNote, accepts: ['json', 'form'] }, ({ body, auth }) => {
    const note = { id: String(notes.size + 1), ...body, at: new Date(0), by: auth.sub }
    notes.set(note.id, note)
    return created(note, `/api/notes/${note.id}`)
  })
const noteHandler = authed
  .get({ params: z.object({ id: z.string() }), errors: [404] }, ({ params }) => {
    const note = notes.get(params.id)
    if (!note) throw HttpError.notFound(`No note ${params.id}.`)
    return note
  })
  .delete({ params: z.object({ id: z.string() }) }, ({ params }) => {
    notes.delete(params.id)
  })
const filesHandler = api.get(({ params, req }) => ({ path: params.path, url: new URL(req.url).pathname }))
const docsHandler = api.get(({ params }) => ({ slug: params.slug ?? null }))
const textHandler = api.post({ body: z.string(), accepts: ['text'] }, ({ body }) => new Response(body.toUpperCase(), { headers: { 'content-type': 'text/plain' } }))
const routes = {
  '/api/notes': notesHandler,
  '/api/notes/[id]': noteHandler,
  '/api/files/[...path]': filesHandler,
  '/api/docs/[[...slug]]': docsHandler,
  '/api/shout': textHandler,
}

const client = createClient<typeof routes>({ baseUrl: 'http://localhost', fetch: routesFetch(routes) })
const bearer = async (sub = 'ada') => ({ authorization: `Bearer ${await testToken({ sub }, { secret })}` })

describe('routekit/client against routekit handlers (routesFetch)', () => {
  it('serialises the query as routekit parses it: arrays repeated, booleans and numbers as strings, undefined left out', async () => {
    const result = await client('/api/notes').get({ query: { limit: 2, tag: ['a', 'b'], done: true } })
    expect(result.ok && result.status).toBe(200)
    if (!result.ok) throw new Error('expected a success')
    expect(result.data.query).toEqual({ limit: 2, tag: ['a', 'b'], done: true })
    let seen = ''
    const spy = createClient<typeof routes>({ baseUrl: 'http://localhost', fetch: async (input, init) => ((seen = String(input)), routesFetch(routes)(input, init)) })
    await spy('/api/notes').get({ query: { limit: 3, tag: undefined } })
    expect(seen).toBe('http://localhost/api/notes?limit=3')
  })

  it('sends JSON bodies and form bodies where the route takes them, and reads a 201 with its data', async () => {
    const made = await client('/api/notes').post({ body: { text: 'milk' }, headers: await bearer() })
    expect(made.ok).toBe(true)
    if (!made.ok) throw new Error('expected a success')
    expect(made.status).toBe(201)
    expect(made.data).toMatchObject({ text: 'milk', tags: [], by: 'ada', at: '1970-01-01T00:00:00.000Z' })
    expect(made.response.headers.get('location')).toBe(`/api/notes/${made.data.id}`)
    const form = await client('/api/notes').post({ body: new URLSearchParams({ text: 'eggs' }), headers: await bearer() })
    expect(form.ok && form.data.text).toBe('eggs')
  })

  it('narrows a 422 to its validation issues and a 401 to its challenge', async () => {
    const invalid = await client('/api/notes').post({ body: { text: '' }, headers: await bearer() })
    expect(invalid.status).toBe(422)
    if (invalid.ok || invalid.status !== 422) throw new Error('expected a 422')
    expect(invalid.problem.errors).toEqual([expect.objectContaining({ in: 'body', path: ['text'], code: 'too_small' })])
    const anonymous = await client('/api/notes').post({ body: { text: 'milk' } })
    if (anonymous.ok || anonymous.status !== 401) throw new Error('expected a 401')
    expect(anonymous.challenge).toBe('Bearer realm="api"')
    expect(anonymous.problem.code).toBe('missing_token')
  })

  it('fills [id], [...path] and [[...slug]] segments, percent-encoding each value', async () => {
    const made = await client('/api/notes').post({ body: { text: 'tea' }, headers: await bearer() })
    if (!made.ok) throw new Error('expected a success')
    const one = await client('/api/notes/[id]').get({ params: { id: made.data.id }, headers: await bearer() })
    expect(one.ok && one.data.text).toBe('tea')
    const missing = await client('/api/notes/[id]').get({ params: { id: 'no such/id' }, headers: await bearer() })
    if (missing.ok || missing.status !== 404) throw new Error('expected a 404')
    expect(missing.problem.detail).toBe('No note no such/id.')
    const files = await client('/api/files/[...path]').get({ params: { path: ['a b', 'c.txt'] } })
    expect(files.ok && files.data).toEqual({ path: ['a b', 'c.txt'], url: '/api/files/a%20b/c.txt' })
    expect((await client('/api/docs/[[...slug]]').get()).ok && true).toBe(true)
    const docs = await client('/api/docs/[[...slug]]').get()
    expect(docs.ok && docs.data).toEqual({ slug: null })
    const deep = await client('/api/docs/[[...slug]]').get({ params: { slug: ['intro', 2] } })
    expect(deep.ok && deep.data).toEqual({ slug: ['intro', '2'] })
    await expect(client('/api/files/[...path]').get({ params: { path: [] } })).rejects.toThrow('needs params.path')
  })

  it('reads 204 as undefined data and text bodies as strings', async () => {
    const gone = await client('/api/notes/[id]').delete({ params: { id: '1' }, headers: await bearer() })
    expect(gone).toMatchObject({ ok: true, status: 204, data: undefined })
    const shout = await client('/api/shout').post({ body: 'hi' })
    expect(shout.ok && shout.data).toBe('HI')
  })

  it('rejects with a ClientError carrying the problem when asked to throw', async () => {
    const made = await client('/api/notes').post({ body: { text: 'jam' }, headers: await bearer(), throwOnError: true })
    expect(made.status).toBe(201)
    const error = await client('/api/notes').post({ body: { text: '' }, headers: await bearer(), throwOnError: true }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ClientError)
    expect(error).toMatchObject({ status: 422, problem: { code: 'validation_failed' } })
  })

  it('makes a network failure its own case, not a status; throwOnError rethrows fetch\'s error (an abort stays an AbortError)', async () => {
    const down = createClient<typeof routes>({ baseUrl: 'http://127.0.0.1:9', fetch: () => Promise.reject(new TypeError('fetch failed')) })
    const result = await down('/api/notes').get()
    expect(result).toMatchObject({ ok: false, status: null, problem: null, response: null })
    expect(!result.ok && result.status === null && result.error).toBeInstanceOf(TypeError)
    const controller = new AbortController()
    controller.abort()
    const aborted = await client('/api/notes').get({ signal: controller.signal, throwOnError: true }).catch((e: unknown) => e)
    expect((aborted as Error).name).toBe('AbortError')
  })

  it('merges client and call headers, asks a header function per call, and passes fetch options through', async () => {
    const seen: RequestInit[] = []
    let calls = 0
    const traced = createClient<typeof routes>({
      baseUrl: 'http://localhost',
      headers: () => ({ 'x-call': String(++calls), 'x-app': 'demo' }),
      init: { credentials: 'include' },
      fetch: async (input, init) => (seen.push(init!), routesFetch(routes)(input, init)),
    })
    await traced('/api/notes').get({ headers: { 'x-app': 'override' }, cache: 'no-store', next: { revalidate: 60, tags: ['notes'] } })
    await traced('/api/notes').get()
    const first = seen[0] as RequestInit & { next?: unknown }
    expect(new Headers(first.headers).get('x-app')).toBe('override')
    expect(new Headers(first.headers).get('x-call')).toBe('1')
    expect(new Headers(seen[1]!.headers).get('x-call')).toBe('2')
    expect(first).toMatchObject({ method: 'GET', cache: 'no-store', credentials: 'include', next: { revalidate: 60, tags: ['notes'] } })
    expect('body' in first).toBe(false)
  })

  it('gives an error answer that is not problem+json a problem made from its status', async () => {
    const proxy = createClient<typeof routes>({ baseUrl: 'http://localhost', fetch: async () => new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway', headers: { 'content-type': 'text/html' } }) })
    const result = await proxy('/api/notes').get()
    expect(result).toMatchObject({ ok: false, status: 502, problem: { status: 502, title: 'Bad Gateway', code: 'unexpected_response' } })
  })

  it('needs a baseUrl outside the browser', async () => {
    await expect(createClient<typeof routes>()('/api/notes').get()).rejects.toThrow('baseUrl')
  })
})
