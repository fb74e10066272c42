import { describe, expectTypeOf, it } from 'vitest'
import { z } from 'zod'
import { createClient, type ClientError, type ClientSuccess, type NetworkFailure } from '../../src/client/index.js'
import { createHandler, created, HttpError, json, type ValidationIssue } from '../../src/index.js'
import { jwt } from '../../src/jwt/index.js'
import { rateLimit } from '../../src/rate-limit/index.js'

const Note = z.object({ id: z.string(), text: z.string(), at: z.date() })
const NewNote = z.object({ text: z.string().max(500), tags: z.array(z.string()).default([]) })
const ListQuery = z.object({ limit: z.coerce.number().int().default(20), tag: z.string().optional(), order: z.enum(['new', 'old']).optional() })
type StoredNote = z.infer<typeof Note>

const api = createHandler()
const authed = api.use(jwt({ secret: 'x'.repeat(32), algorithms: ['HS256'], claims: z.object({ sub: z.string() }) }))

const notesHandler = api
  .get({ query: ListQuery }, ({ query }): StoredNote[] => [{ id: String(query.limit), text: '', at: new Date() }])
  .use(jwt({ secret: 'x'.repeat(32), algorithms: ['HS256'] }))
  .post({ body: NewNote, accepts: ['json', 'form'] }, ({ body }) => created({ id: '1', ...body }, '/api/notes/1'))
const noteHandler = authed
  .get({ params: z.object({ id: z.string() }), errors: [404] }, ({ params }) => {
    if (params.id === '0') throw HttpError.notFound()
    return { id: params.id, text: 'milk', at: new Date() }
  })
  .delete({ params: z.object({ id: z.string() }) }, async () => {})
const docsHandler = api.get(({ params }) => json({ path: params.slug }))
const limited = api.use(rateLimit({ limit: 1, window: 1000, key: () => 'k' })).post(() => new Response('ok'))
const routes = {
  '/api/notes': notesHandler,
  '/api/notes/[id]': noteHandler,
  '/api/docs/[[...slug]]': docsHandler,
  '/api/files/[...path]': docsHandler,
  '/api/limited': limited,
  '/api/openapi': { handle: () => new Response() },
}

const client = createClient<typeof routes>({ baseUrl: 'http://localhost:3000' })

describe('route types kept by the builder', () => {
  it('records each method, its inputs and its problems', () => {
    type Notes = NonNullable<(typeof notesHandler)['~types']>['routes']
    expectTypeOf<keyof Notes>().toEqualTypeOf<'GET' | 'POST'>()
    expectTypeOf<Notes['GET']['problems']>().toEqualTypeOf<400 | 500>()
    expectTypeOf<Notes['POST']['problems']>().toEqualTypeOf<400 | 401 | 413 | 415 | 422 | 500 | 503>()
    expectTypeOf<Notes['POST']['accepts']>().toEqualTypeOf<'json' | 'form'>()
  })
})

describe('createClient<typeof routes>()', () => {
  it('knows the paths and each path its methods', () => {
    expectTypeOf(client('/api/notes')).toHaveProperty('get')
    expectTypeOf(client('/api/notes')).toHaveProperty('post')
    // @ts-expect-error no such path
    client('/api/nope')
    // @ts-expect-error an OpenAPI document route is no routekit handler
    client('/api/openapi')
    // @ts-expect-error /api/notes has no DELETE
    void client('/api/notes').delete()
  })

  it('makes required query and body keys required, defaulted ones optional, wrong keys errors', () => {
    void client('/api/notes').get()
    void client('/api/notes').get({ query: { limit: 5, tag: 'a', order: 'new' } })
    // @ts-expect-error order is 'new' | 'old'
    void client('/api/notes').get({ query: { order: 'sideways' } })
    // @ts-expect-error unknown query key
    void client('/api/notes').get({ query: { limt: 5 } })
    void client('/api/notes').post({ body: { text: 'milk' } })
    void client('/api/notes').post({ body: new URLSearchParams({ text: 'milk' }) })
    // @ts-expect-error the body is required
    void client('/api/notes').post()
    // @ts-expect-error text is required
    void client('/api/notes').post({ body: { tags: [] } })
    // @ts-expect-error the route takes JSON and forms, not multipart
    void client('/api/notes').post({ body: new FormData() })
    // @ts-expect-error a GET without a body schema takes no body
    void client('/api/notes').get({ body: { text: 'x' } })
  })

  it('types params from the file path: [id], [...path], [[...slug]]', () => {
    void client('/api/notes/[id]').get({ params: { id: '1' } })
    void client('/api/notes/[id]').get({ params: { id: 1 } })
    // @ts-expect-error params are required
    void client('/api/notes/[id]').get()
    // @ts-expect-error the segment is named id
    void client('/api/notes/[id]').get({ params: { ID: '1' } })
    void client('/api/files/[...path]').get({ params: { path: ['a', 'b.txt'] } })
    // @ts-expect-error a catch-all takes an array
    void client('/api/files/[...path]').get({ params: { path: 'a' } })
    void client('/api/docs/[[...slug]]').get()
    void client('/api/docs/[[...slug]]').get({ params: { slug: ['intro'] } })
  })

  it('resolves to a discriminated union: data by status, problems by status', async () => {
    const listed = await client('/api/notes').get()
    if (listed.ok) {
      expectTypeOf(listed.status).toEqualTypeOf<200>()
      expectTypeOf(listed.data).toEqualTypeOf<{ id: string; text: string; at: string }[]>()
    } else if (listed.status === 400) {
      expectTypeOf(listed.problem.errors).toEqualTypeOf<ValidationIssue[] | undefined>()
    } else if (listed.status === null) {
      expectTypeOf(listed).toEqualTypeOf<NetworkFailure>()
    }
    const made = await client('/api/notes').post({ body: { text: 'milk' } })
    if (made.ok) {
      expectTypeOf(made.status).toEqualTypeOf<201>()
      expectTypeOf(made.data).toEqualTypeOf<{ id: string; text: string; tags: string[] }>()
    } else if (made.status === 422) {
      expectTypeOf(made.problem.errors).toEqualTypeOf<ValidationIssue[]>()
    } else if (made.status === 401) {
      expectTypeOf(made.challenge).toEqualTypeOf<string | null>()
      expectTypeOf(made.problem.status).toEqualTypeOf<401>()
    }
    const one = await client('/api/notes/[id]').get({ params: { id: '1' } })
    if (!one.ok && one.status === 404) expectTypeOf(one.problem.detail).toEqualTypeOf<string | undefined>()
    if (one.ok) expectTypeOf(one.data.at).toEqualTypeOf<string>()
    const gone = await client('/api/notes/[id]').delete({ params: { id: '1' } })
    if (gone.ok) expectTypeOf(gone).toEqualTypeOf<ClientSuccess<204, undefined>>()
    const limitedResult = await client('/api/limited').post()
    if (limitedResult.ok) expectTypeOf(limitedResult.data).toEqualTypeOf<unknown>()
    else if (limitedResult.status === 429) expectTypeOf(limitedResult.problem.status).toEqualTypeOf<429>()
    // A status no type lists is still a case, with a plain problem.
    if (!one.ok && one.status === 502) expectTypeOf(one.problem.status).toEqualTypeOf<number>()
  })

  it('with throwOnError resolves to the success only', async () => {
    const made = await client('/api/notes').post({ body: { text: 'milk' }, throwOnError: true })
    expectTypeOf(made).toEqualTypeOf<ClientSuccess<201, { id: string; text: string; tags: string[] }>>()
    expectTypeOf<ClientError['problem']['status']>().toEqualTypeOf<number>()
  })

  it('takes signal, headers, cache and Next fetch options per call', () => {
    void client('/api/notes').get({ signal: AbortSignal.timeout(1000), headers: { 'x-trace': '1' }, cache: 'no-store', next: { revalidate: 60, tags: ['notes'] } })
    // @ts-expect-error revalidate is a number of seconds or false
    void client('/api/notes').get({ next: { revalidate: 'soon' } })
  })
})

describe('calls on paths without dynamic segments', () => {
  it('take no params key', () => {
    // @ts-expect-error /api/notes has no dynamic segment
    void client('/api/notes').get({ params: { id: '1' } })
  })
})

describe('JSON data types', () => {
  it('make a member that may be undefined optional, as JSON leaves it out, and drop methods', async () => {
    const maybe = api.get((): { a: string | undefined; b?: number; c: string; f: () => void } => ({ a: undefined, c: 'x', f: () => {} }))
    const only = createClient<{ '/maybe': typeof maybe }>({ baseUrl: 'http://localhost' })
    const result = await only('/maybe').get()
    if (result.ok) expectTypeOf(result.data).toEqualTypeOf<{ c: string; a?: string; b?: number }>()
  })
})
