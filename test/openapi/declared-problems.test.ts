import { Validator } from '@seriousme/openapi-schema-validator'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { createHandler, HttpError, type RouteSpec } from '../../src/index.js'
import { generateOpenApi } from '../../src/openapi/index.js'
import { routers, send } from '../routers.js'
import { unresolvedRefs } from './refs.js'

// A route's own problems (`errors`) are documented like routekit's: as
// problem+json, each status with a schema whose `status` is that status, so
// a client or a mock server never reads a 404's body as saying 400.
const info = { title: 'Test API', version: '1.0.0' }
const api = createHandler()
const Note = z.object({ id: z.int(), text: z.string() })
const byId = z.object({ id: z.coerce.number().int() })

const note = api.get({ params: byId, responses: { 200: Note }, errors: [404] }, ({ params }) => {
  if (params.id !== 1) throw HttpError.notFound(`There is no note ${params.id}.`)
  return { id: 1, text: 'hello' }
}).put({ params: byId, body: Note, errors: [404, 409] }, () => {
  throw HttpError.conflict('Someone changed it first.')
})
const document = generateOpenApi({ info, routes: { '/api/notes/[id]': note } })
const operation = document.paths['/api/notes/{id}']!

describe('errors: the problems a route declares', () => {
  it('are listed with the statuses routekit adds, as shared problem+json responses', () => {
    expect(Object.keys(operation.get!.responses)).toEqual(['200', '400', '404', '500'])
    expect(Object.keys(operation.put!.responses)).toEqual(['400', '404', '409', '413', '415', '422', '500', '2XX'])
    expect(operation.get!.responses['404']).toEqual({ $ref: '#/components/responses/NotFound' })
    expect(document.components.responses.Conflict).toEqual({
      description: 'The request conflicts with the current state of the resource.',
      content: {
        'application/problem+json': {
          schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { type: 'object', properties: { status: { const: 409 } } }] },
        },
      },
    })
  })

  it('give every problem response its own status, routekit\'s own included', () => {
    const expected = { BadRequest: 400, NotFound: 404, Conflict: 409, ContentTooLarge: 413, UnsupportedMediaType: 415, UnprocessableContent: 422, InternalServerError: 500 }
    const fixed = Object.entries(document.components.responses).map(([name, response]) => {
      const schema = (response as any).content['application/problem+json'].schema
      return [name, schema.allOf[1].properties.status.const]
    })
    expect(Object.fromEntries(fixed)).toEqual(expected)
  })

  it('keep the document valid and every reference resolvable', async () => {
    const result = await new Validator().validate(structuredClone(document) as unknown as Record<string, unknown>)
    expect(result.errors).toBeUndefined()
    expect(unresolvedRefs(document)).toEqual([])
  })

  it('keep their statuses in the spec\'s type', () => {
    const spec = { errors: [404, 409] } satisfies RouteSpec
    const statuses: (404 | 409)[] = spec.errors
    expect(statuses).toEqual([404, 409])
  })

  it('must be error statuses, and not also in responses', () => {
    expect(() => api.get({ errors: [200] } as unknown as RouteSpec, () => null)).toThrow(/`errors` lists problem statuses: whole numbers from 400 to 599/)
    expect(() => api.get({ errors: 404 } as unknown as RouteSpec, () => null)).toThrow(/`errors` lists problem statuses/)
    expect(() => api.get({ errors: [404], responses: { 404: Note } }, () => new Response())).toThrow(/404 is in both `errors` and `responses`/)
    expect(() => api.get({ problems: [404] } as RouteSpec, () => null)).toThrow(/unknown option `problems` \(did you mean `errors`\?/)
  })
})

describe.each(routers)('a declared problem as the route answers it (%s router)', (router) => {
  it('is the problem+json the document describes, with its own status', async () => {
    const answer = await send(router, note, { path: '/api/notes/2', params: { id: '2' } })
    expect(answer.status).toBe(404)
    expect(answer.headers.get('content-type')).toBe('application/problem+json')
    expect(answer.json()).toMatchObject({ status: 404, code: 'not_found', detail: 'There is no note 2.' })
  })
})

describe('document defaults', () => {
  it('serve the paths relative to the document, unless servers are given', () => {
    expect(document.servers).toEqual([{ url: '/' }])
    const hosted = generateOpenApi({ info, servers: [{ url: 'https://api.example.com' }], routes: {} })
    expect(hosted.servers).toEqual([{ url: 'https://api.example.com' }])
  })

  it('give a public operation an explicit empty security list', () => {
    expect(operation.get!.security).toEqual([])
  })
})
