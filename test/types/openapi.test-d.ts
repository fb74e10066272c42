import { describe, expectTypeOf, it } from 'vitest'
import { createHandler, type Handler } from '../../src/index.js'
import { generateOpenApi, type OpenApiDocument, openApiReference, openApiRoute } from '../../src/openapi/index.js'

const withUser = createHandler().use(({ next }) => next({ ctx: { user: { id: 'u1' } } }))
const notes = withUser.get(({ user }) => [user.id])
const info = { title: 'API', version: '1' }

describe('openapi types', () => {
  it('documents handlers of any context type', () => {
    expectTypeOf(generateOpenApi({ info, routes: { '/api/notes': notes, '/api/plain': createHandler().get(() => null) } })).toEqualTypeOf<OpenApiDocument>()
    // @ts-expect-error a route needs a handler, not a route function
    generateOpenApi({ info, routes: { '/api/notes': () => null } })
    // @ts-expect-error info needs a title and a version
    generateOpenApi({ info: { title: 'API' }, routes: {} })
  })

  it('serves a document or a builder, keeping the base handler\'s context', () => {
    const document = generateOpenApi({ info, routes: { '/api/notes': notes } })
    expectTypeOf(openApiRoute(document)).toEqualTypeOf<Handler<{}>>()
    expectTypeOf(openApiRoute(() => document, { base: withUser })).toEqualTypeOf<Handler<{ user: { id: string } }>>()
    expectTypeOf(openApiRoute(async () => document)).toEqualTypeOf<Handler<{}>>()
    expectTypeOf(openApiReference(document, { base: withUser })).toEqualTypeOf<Handler<{ user: { id: string } }>>()
    // @ts-expect-error a builder must return a document
    openApiRoute(() => ({ title: 'not a document' }))
  })
})
