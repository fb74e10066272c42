import { Validator } from '@seriousme/openapi-schema-validator'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler, describeMiddleware, handlerWide, type Middleware } from '../../src/index.js'
import { jwt, requireScope } from '../../src/jwt/index.js'
import { generateOpenApi, type OpenApiDocument } from '../../src/openapi/index.js'
import { session } from '../../src/session/index.js'
import { secret } from '../jwt/fixtures.js'
import { routers, send } from '../routers.js'
import { unresolvedRefs } from './refs.js'

const info = { title: 'Test API', version: '1.0.0' }
const api = createHandler()
const bearer = jwt({ secret, algorithms: ['HS256'] })

const Note = z.object({ id: z.int(), text: z.string(), tags: z.array(z.string()).default([]) }).meta({ id: 'Note' })
const NewNote = z.object({ text: z.string().min(1), tags: z.array(z.string()).default([]) })
const ListQuery = z.object({
  limit: z.coerce.number().int().max(100).default(20).meta({ description: 'Notes per page.' }),
  tag: z.string().optional(),
  q: z.string(),
})

const notes = api
  .get({ query: ListQuery, responses: { 200: z.array(Note) }, summary: 'List notes', tags: ['notes'], operationId: 'listNotes' }, () => [])
  .use(bearer)
  .use(requireScope('notes:write'))
  .post({ body: NewNote, responses: { 201: Note }, operationId: 'createNote' }, () => undefined as never)
const note = api
  .get({ params: z.object({ id: z.coerce.number().int().positive() }), headers: z.object({ 'x-trace': z.string().optional(), authorization: z.string() }) }, () => null)
  .delete({ deprecated: true, description: 'Gone for good.' }, () => undefined)

const generate = (routes: Parameters<typeof generateOpenApi>[0]['routes']) => generateOpenApi({ info, routes })
const document = generate({ '/api/notes': notes, '/api/notes/[id]': note })

describe.each(routers)('a body schema that accepts no body (%s router)', (router) => {
  const archive = api.post({ body: z.object({ reason: z.string() }).optional() }, ({ body }) => ({ reason: body?.reason ?? null }))

  it('is documented as an optional request body, since the route answers a request without one', async () => {
    const answer = await send(router, archive, { method: 'POST', path: '/api/archive' })
    expect(answer.status).toBe(200)
    expect(answer.json()).toEqual({ reason: null })
    const operation = generateOpenApi({ info, routes: { '/api/archive': archive } }).paths['/api/archive']!.post!
    expect(operation.requestBody?.required).toBe(false)
    expect(document.paths['/api/notes']!.post!.requestBody?.required).toBe(true)
  })
})

describe('generateOpenApi()', () => {
  it('writes a valid OpenAPI 3.1 document whose references all resolve', async () => {
    const result = await new Validator().validate(document as unknown as Record<string, unknown>)
    expect(result.errors).toBeUndefined()
    expect(result.valid).toBe(true)
    expect(document.openapi).toMatch(/^3\.1\./)
    expect(unresolvedRefs(document)).toEqual([])
  })

  it('reads Next.js paths and OpenAPI templates alike', () => {
    expect(Object.keys(document.paths)).toEqual(['/api/notes', '/api/notes/{id}'])
    expect(Object.keys(generate({ '/api/notes/{id}': note }).paths)).toEqual(['/api/notes/{id}'])
    // Next reads any name between the brackets; `[note-id]` is req.query['note-id'].
    expect(Object.keys(generate({ '/api/notes/[note-id]': api.get(() => null) }).paths)).toEqual(['/api/notes/{note-id}'])
    const files = generate({ '/api/files/[...path]': api.get(() => null) }).paths['/api/files/{path}']!.get!
    expect(files.parameters).toEqual([
      { name: 'path', in: 'path', required: true, description: 'One or more path segments, separated by `/`.', schema: expect.any(Object) },
    ])
  })

  it('refuses what it cannot document truthfully', () => {
    expect(() => generate({ '/api/[[...slug]]': api.get(() => null) })).toThrow(/optional catch-all/)
    expect(() => generate({ 'api/notes': notes })).toThrow(/must start with/)
    expect(() => generate({ '/api/notes/[noteId]': note })).toThrow(/names "id", which the path \/api\/notes\/\{noteId\} does not have/)
    expect(() => generate({ '/a': notes, '/b': notes })).toThrow(/operationId "listNotes" is used twice/)
    expect(() => generate({ '/a/[id]': note, '/a/{id}': note })).toThrow(/listed twice/)
    const OtherNote = z.object({ body: z.string() }).meta({ id: 'Note' })
    expect(() => generate({ '/a': notes, '/b': api.get({ responses: { 200: OtherNote } }, () => ({ body: '' })) })).toThrow(
      /two different schemas are named "Note"/,
    )
    // A component name is letters, digits, `.`, `-` and `_`; others make the document invalid.
    for (const id of ['notes/Note', 'Note Input', 'Note~1']) {
      const Named = z.object({ text: z.string() }).meta({ id })
      expect(() => generate({ '/a': api.get({ responses: { 200: Named } }, () => ({ text: '' })) })).toThrow(/cannot name an OpenAPI component/)
    }
    // Headers are validated with lower-case names: `X-Trace` would never arrive.
    const traced = api.get({ headers: z.object({ 'X-Trace': z.string() }) }, () => null)
    expect(() => generate({ '/a': traced })).toThrow(/names "X-Trace", but header names arrive lower-case: write "x-trace"/)
    // routekit's own components are named too; the user only wrote one "Problem".
    const Problem = z.object({ question: z.string() }).meta({ id: 'Problem' })
    expect(() => generate({ '/a': api.get({ responses: { 200: Problem } }, () => ({ question: '' })) })).toThrow(
      /"Problem" is the name of routekit's own problem\+json schema/,
    )
  })

  it('documents a recursive schema with an id, and asks for one without', () => {
    const Category = z.object({ name: z.string(), get children() { return z.array(Category) } }).meta({ id: 'Category' })
    const tree = generate({ '/tree': api.get({ responses: { 200: Category } }, () => ({ name: 'root', children: [] })) })
    expect(tree.components.schemas.Category).toMatchObject({ properties: { children: { items: { $ref: '#/components/schemas/Category' } } } })
    expect(unresolvedRefs(tree)).toEqual([])
    const Anonymous = z.object({ name: z.string(), get children() { return z.array(Anonymous) } })
    expect(() => generate({ '/a': api.get({ responses: { 200: Anonymous } }, () => ({ name: '', children: [] })) })).toThrow(/recursive zod schema needs an id/)
    expect(() => generate({ '/b': api.get({ responses: { 200: z.object({ tree: Anonymous }) } }, () => ({ tree: { name: '', children: [] } })) })).toThrow(
      /recursive zod schema needs an id/,
    )
  })

  it('copies the route metadata onto the operation', () => {
    expect(document.paths['/api/notes']!.get).toMatchObject({ operationId: 'listNotes', summary: 'List notes', tags: ['notes'] })
    expect(document.paths['/api/notes/{id}']!.delete).toMatchObject({ deprecated: true, description: 'Gone for good.' })
    expect(document.paths['/api/notes/{id}']!.get!.deprecated).toBeUndefined()
  })

  it('makes one parameter per property, required as the input schema says', () => {
    expect(document.paths['/api/notes']!.get!.parameters).toEqual([
      { name: 'limit', in: 'query', required: false, description: 'Notes per page.', schema: expect.objectContaining({ type: 'integer', default: 20, maximum: 100 }) },
      { name: 'tag', in: 'query', required: false, schema: { type: 'string' } },
      { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
    ])
    // Path parameters are always required; Authorization belongs to security, not parameters.
    expect(document.paths['/api/notes/{id}']!.get!.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: expect.objectContaining({ type: 'integer', exclusiveMinimum: 0 }) },
      { name: 'x-trace', in: 'header', required: false, schema: { type: 'string' } },
    ])
  })

  it('documents request bodies by their input and responses by their output', () => {
    const create = document.paths['/api/notes']!.post!
    expect(create.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: expect.objectContaining({ required: ['text'] }) } },
    })
    expect(create.responses['201']).toEqual({ description: 'Created', content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } } })
    expect(document.paths['/api/notes']!.get!.responses['200']).toEqual({
      description: 'OK',
      content: { 'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Note' } } } },
    })
    // In the output, a defaulted field is always there.
    expect(document.components.schemas.Note).toMatchObject({ required: ['id', 'text', 'tags'] })
  })

  it('names the input side of a shared schema <id>Input when it reads differently', () => {
    const echo = generate({ '/echo': api.post({ body: Note, responses: { 200: Note } }, ({ body }) => body) })
    const operation = echo.paths['/echo']!.post!
    expect(operation.requestBody!.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/NoteInput' })
    expect(operation.responses['200']).toMatchObject({ content: { 'application/json': { schema: { $ref: '#/components/schemas/Note' } } } })
    expect(echo.components.schemas.NoteInput).toMatchObject({ required: ['id', 'text'] })
    // A strict object reads the same both ways; a plain one strips unknown keys from input (no additionalProperties: false).
    const Plain = z.strictObject({ name: z.string() }).meta({ id: 'Plain' })
    const same = generate({ '/plain': api.post({ body: Plain, responses: { 200: Plain } }, ({ body }) => body) })
    expect(Object.keys(same.components.schemas)).toEqual(['Plain', 'Problem', 'ValidationIssue'])
  })

  it('lists the problems each route can answer with, as shared problem+json responses', () => {
    const statuses = (operation: { responses: Record<string, unknown> }) => Object.keys(operation.responses)
    expect(statuses(document.paths['/api/notes']!.get!)).toEqual(['200', '400', '500'])
    expect(statuses(document.paths['/api/notes']!.post!)).toEqual(['201', '400', '401', '403', '413', '415', '422', '500'])
    expect(statuses(document.paths['/api/notes/{id}']!.delete!)).toEqual(['500', '2XX'])
    expect(document.paths['/api/notes']!.post!.responses['401']).toEqual({ $ref: '#/components/responses/Unauthorized' })
    expect(document.components.responses.ContentTooLarge).toEqual({
      description: expect.stringContaining('larger'),
      content: { 'application/problem+json': { schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, expect.any(Object)] } } },
    })
    expect(document.components.responses.Unauthorized).toMatchObject({ headers: { 'WWW-Authenticate': expect.any(Object) } })
  })

  it('follows the handler settings: invalidBodyStatus, timeout, handler-wide middleware', () => {
    const limiter = describeMiddleware(handlerWide(({ next }) => next()), { statuses: [429] })
    const strict = createHandler({ invalidBodyStatus: 400, timeout: 5000 }).use(limiter).post({ body: NewNote }, () => null)
    const operation = generate({ '/strict': strict }).paths['/strict']!.post!
    expect(Object.keys(operation.responses)).toEqual(['400', '413', '415', '429', '500', '503', '2XX'])
  })

  it('lists a same-origin check\'s 403 on unsafe methods only, where it can happen', () => {
    const withSession = createHandler()
      .use(session({ secret: 'a-session-secret-of-at-least-32-chars' }))
      .get(() => null)
      .delete(() => null)
    const path = generate({ '/account': withSession }).paths['/account']!
    expect(Object.keys(path.get!.responses)).not.toContain('403')
    expect(Object.keys(path.delete!.responses)).toContain('403')
  })

  it('lets a declared error response win over the generic problem', () => {
    const Missing = z.object({ reason: z.string() })
    const operation = generate({ '/x': api.get({ responses: { 200: Note, 500: Missing } }, () => ({ id: 1, text: '', tags: [] })) }).paths['/x']!.get!
    expect(operation.responses['500']).toMatchObject({ content: { 'application/json': { schema: { required: ['reason'] } } } })
  })

  it('documents schemes and requirements from the middleware, optional ones with an anonymous alternative', () => {
    expect(document.paths['/api/notes']!.post!.security).toEqual([{ bearerAuth: ['notes:write'] }])
    expect(document.paths['/api/notes']!.get!.security).toEqual([])
    expect(document.components.securitySchemes).toEqual({ bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } })

    const maybe = api.use(jwt({ secret, algorithms: ['HS256'], optional: true }))
    const both = generate({
      '/open': maybe.get(() => null),
      '/scoped': maybe.use(requireScope('admin')).get(() => null),
      '/mixed': maybe.use(session({ secret, required: true })).get(() => null),
    })
    expect(both.paths['/open']!.get!.security).toEqual([{ bearerAuth: [] }, {}])
    expect(both.paths['/scoped']!.get!.security).toEqual([{ bearerAuth: ['admin'] }])
    expect(both.paths['/mixed']!.get!.security).toEqual([{ bearerAuth: [], sessionCookie: [] }, { sessionCookie: [] }])
    expect(Object.keys(both.components.securitySchemes!)).toEqual(['bearerAuth', 'sessionCookie'])
  })

  it('refuses one scheme name defined two ways', () => {
    const a = api.use(session({ secret, cookieName: 'a' })).get(() => null)
    const b = api.use(session({ secret, cookieName: 'b' })).get(() => null)
    expect(() => generate({ '/a': a, '/b': b })).toThrow(/security scheme "sessionCookie" differently/)
  })

  it('documents a user\'s own described middleware', () => {
    const apiKey = describeMiddleware<Middleware>(({ next }) => next(), {
      security: { name: 'apiKey', scheme: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
      statuses: [401, 429],
    })
    const operation = generate({ '/keyed': api.use(apiKey).get(() => null) }).paths['/keyed']!.get!
    expect(operation.security).toEqual([{ apiKey: [] }])
    expect(Object.keys(operation.responses)).toEqual(['401', '429', '500', '2XX'])
  })

  it('describes a schema without a JSON Schema instead of failing', () => {
    const operation = generate({ '/v': api.post({ body: v.object({ name: v.string() }) }, () => null) }).paths['/v']!.post!
    expect(operation.requestBody!.content['application/json']!.schema).toEqual({
      description: 'A valibot schema that does not provide a JSON Schema.',
    })
  })

  it('turns what JSON Schema cannot say into an open schema', () => {
    const operation = generate({ '/d': api.get({ responses: { 200: z.object({ at: z.date() }) } }, () => ({ at: new Date() })) }).paths['/d']!.get!
    expect(operation.responses['200']).toMatchObject({ content: { 'application/json': { schema: { properties: { at: {} } } } } })
  })

  it('returns a fresh document each time, safe to change', () => {
    const first: OpenApiDocument = generate({ '/api/notes': notes })
    ;(first.components.schemas.Problem as { required: string[] }).required.push('changed')
    expect(generate({ '/api/notes': notes }).components.schemas.Problem).toMatchObject({ required: ['type', 'title', 'status', 'code'] })
  })
})
